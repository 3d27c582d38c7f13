/**
 * The feeds as a feed reader gets them: RSS 2.0, Atom 1.0 (RFC 4287) and JSON Feed 1, parsed
 * from the built site and checked against the required-element rules the W3C feed validator
 * and the JSON Feed spec apply; full content with absolute links; per-category and per-tag
 * feeds advertised on their pages.
 */
import { expect, test, type Page } from '@playwright/test';
import { absoluteUrl } from '../../src/lib/seo/absolute-url.ts';
import { siteConfig } from '../../src/site.config.ts';
import { published, slugOf } from '../support/content.ts';

const studies = published();
const studyUrl = (slug: string) => absoluteUrl(siteConfig, `/case-studies/${slug}/`);
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;

/** Every href/src in a piece of HTML, parsed by the browser. */
async function urlsIn(page: Page, html: string): Promise<string[]> {
  return page.evaluate((h) => {
    const doc = new DOMParser().parseFromString(h, 'text/html');
    return [...doc.querySelectorAll('[href], [src]')].map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? '');
  }, html);
}

interface AtomFeed {
  ns: string | null;
  id: string;
  title: string;
  updated: string;
  self: string;
  authorName: string;
  entries: { id: string; title: string; updated: string; link: string; contentType: string; content: string }[];
}

async function parseAtom(page: Page, xml: string): Promise<AtomFeed> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    if (doc.querySelector('parsererror')) throw new Error('not well-formed XML');
    const feed = doc.documentElement;
    const own = (el: Element, name: string) => [...el.children].filter((c) => c.localName === name);
    const text1 = (el: Element, name: string) => own(el, name)[0]?.textContent?.trim() ?? '';
    return {
      ns: feed.namespaceURI,
      id: text1(feed, 'id'),
      title: text1(feed, 'title'),
      updated: text1(feed, 'updated'),
      self: own(feed, 'link').find((l) => l.getAttribute('rel') === 'self')?.getAttribute('href') ?? '',
      authorName: own(feed, 'author')[0] ? text1(own(feed, 'author')[0]!, 'name') : '',
      entries: own(feed, 'entry').map((e) => ({
        id: text1(e, 'id'),
        title: text1(e, 'title'),
        updated: text1(e, 'updated'),
        link: own(e, 'link').find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate')?.getAttribute('href') ?? '',
        contentType: own(e, 'content')[0]?.getAttribute('type') ?? '',
        content: own(e, 'content')[0]?.textContent ?? '',
      })),
    };
  }, xml);
}

/** RFC 4287's MUSTs for a feed and its entries, plus absolute links in the content. */
async function expectValidAtom(page: Page, feed: AtomFeed, selfUrl: string) {
  expect(feed.ns).toBe('http://www.w3.org/2005/Atom');
  expect(feed.id).toMatch(/^https?:\/\//);
  expect(feed.title.length).toBeGreaterThan(0);
  expect(feed.updated).toMatch(RFC3339);
  expect(feed.self).toBe(selfUrl);
  expect(feed.authorName.length).toBeGreaterThan(0);
  expect(feed.entries.length).toBeGreaterThan(0);
  expect(new Set(feed.entries.map((e) => e.id)).size).toBe(feed.entries.length);
  for (const e of feed.entries) {
    expect(e.id).toMatch(/^https?:\/\//);
    expect(e.title.length).toBeGreaterThan(0);
    expect(e.updated).toMatch(RFC3339);
    expect(e.link).toMatch(/^https?:\/\//);
    expect(e.contentType).toBe('html');
    for (const u of await urlsIn(page, e.content)) expect(u, `${e.link}: ${u}`).toMatch(/^(https?:|mailto:)/);
  }
}

test('the Atom feed is valid, with every published study in full, links absolute', async ({ page, request }) => {
  const response = await request.get('atom.xml');
  expect(response.headers()['content-type']).toMatch(/xml/);
  const feed = await parseAtom(page, await response.text());
  await expectValidAtom(page, feed, absoluteUrl(siteConfig, '/atom.xml'));
  expect(feed.entries.map((e) => e.link).sort()).toEqual(studies.map((s) => studyUrl(s.slug)).sort());
  // Full content: each entry carries the study's section headings, not just its summary.
  for (const e of feed.entries.slice(0, 5)) expect(e.content).toMatch(/<h2 id="[^"]+">/);
});

test('the JSON Feed has the required fields, full content and absolute URLs', async ({ page, request }) => {
  const response = await request.get('feed.json');
  expect(response.status()).toBe(200);
  const feed = await response.json();
  expect(feed.version).toMatch(/^https:\/\/jsonfeed\.org\/version\/1(\.1)?$/);
  expect(feed.title).toBeTruthy();
  expect(feed.home_page_url).toBe(absoluteUrl(siteConfig, '/'));
  expect(feed.feed_url).toBe(absoluteUrl(siteConfig, '/feed.json'));
  expect(feed.items.map((i: { url: string }) => i.url).sort()).toEqual(studies.map((s) => studyUrl(s.slug)).sort());
  const dates = feed.items.map((i: { date_published: string }) => Date.parse(i.date_published));
  expect(dates).toEqual([...dates].sort((a: number, b: number) => b - a));
  for (const item of feed.items) {
    expect(typeof item.id).toBe('string');
    expect(item.content_html.length).toBeGreaterThan(item.summary.length);
    expect(item.date_published).toMatch(RFC3339);
    expect(item.date_modified).toMatch(RFC3339);
    for (const u of await urlsIn(page, item.content_html)) expect(u).toMatch(/^(https?:|mailto:)/);
  }
});

test('the RSS feed carries full content and RFC 822 dates', async ({ page, request }) => {
  const xml = await (await request.get('rss.xml')).text();
  const items = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const channel = doc.getElementsByTagName('channel')[0]!;
    const required = ['title', 'link', 'description'].map((n) => [...channel.children].some((c) => c.tagName === n && c.textContent?.trim()));
    return {
      required,
      items: [...doc.getElementsByTagName('item')].map((i) => ({
        pubDate: i.getElementsByTagName('pubDate')[0]?.textContent ?? '',
        guid: i.getElementsByTagName('guid')[0]?.textContent ?? '',
        content: i.getElementsByTagNameNS('http://purl.org/rss/1.0/modules/content/', 'encoded')[0]?.textContent ?? '',
      })),
    };
  }, xml);
  expect(items.required).toEqual([true, true, true]);
  for (const i of items.items) {
    expect(i.pubDate).toMatch(RFC822);
    expect(i.guid).toMatch(/^https?:\/\//);
    expect(i.content).toMatch(/<h2 id=/);
  }
});

test('every page advertises the three site feeds', async ({ page }) => {
  await page.goto('./');
  for (const [type, path] of [
    ['application/rss+xml', '/rss.xml'],
    ['application/atom+xml', '/atom.xml'],
    ['application/feed+json', '/feed.json'],
  ]) {
    await expect(page.locator(`head link[rel="alternate"][type="${type}"]`).last()).toHaveAttribute('href', absoluteUrl(siteConfig, path!));
  }
});

for (const kind of ['tag', 'category'] as const) {
  test(`a ${kind} page advertises its own valid Atom feed with only its studies`, async ({ page, request }) => {
    const first = studies[0]!;
    const slug = kind === 'tag' ? slugOf(first.stack[0]!) : slugOf(first.category);
    const folder = kind === 'tag' ? 'tags' : 'categories';
    await page.goto(`${folder}/${slug}/`);
    const link = page.locator('head link[rel="alternate"][type="application/atom+xml"]').first();
    const href = absoluteUrl(siteConfig, `/${folder}/${slug}/atom.xml`);
    await expect(link).toHaveAttribute('href', href);
    await expect(page.getByRole('link', { name: /in a feed reader/ })).toBeVisible();
    const feed = await parseAtom(page, await (await request.get(`${folder}/${slug}/atom.xml`)).text());
    await expectValidAtom(page, feed, href);
    const expected = studies.filter((s) => (kind === 'tag' ? [...s.stack, ...s.tags].some((t) => slugOf(t) === slug) : slugOf(s.category) === slug));
    expect(feed.entries.map((e) => e.link).sort()).toEqual(expected.map((s) => studyUrl(s.slug)).sort().slice(0, 20));
  });
}

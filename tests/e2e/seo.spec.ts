/**
 * What crawlers, feed readers and link unfurlers get from the built site: an RSS feed and
 * a sitemap that parse and list exactly the published case studies, robots.txt, absolute
 * canonical URLs, JSON-LD, and a served 1200x630 PNG preview card for every case study.
 * XML is parsed with the browser's own XML parser (DOMParser), which rejects malformed XML.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { drafts, published } from '../support/content.ts';
import { absoluteUrl } from '../../src/lib/seo/absolute-url.ts';
import { siteConfig } from '../../src/site.config.ts';
import { isPng, pngSize } from '../unit/og-image/png-size.ts';

const studies = published();
const studyUrl = (slug: string) => absoluteUrl(siteConfig, `/case-studies/${slug}/`);

/** The built site's absolute URLs name the real host; fetch the same path from the test server. */
function local(url: string, baseURL: string | undefined): string {
  return new URL(new URL(url).pathname, baseURL).href;
}

interface FeedItem {
  title: string;
  link: string;
  pubDate: string;
  description: string;
  categories: string[];
}

/** Parses an RSS document in the page; throws if it is not well-formed XML. */
async function parseRss(page: Page, xml: string): Promise<{ channelLink: string; items: FeedItem[] }> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const error = doc.querySelector('parsererror');
    if (error) throw new Error(`rss.xml is not well-formed XML: ${error.textContent}`);
    const child = (el: Element, name: string) => el.getElementsByTagName(name)[0]?.textContent ?? '';
    const channel = doc.getElementsByTagName('channel')[0]!;
    return {
      channelLink: [...channel.children].find((c) => c.tagName === 'link')?.textContent ?? '',
      items: [...doc.getElementsByTagName('item')].map((item) => ({
        title: child(item, 'title'),
        link: child(item, 'link'),
        pubDate: child(item, 'pubDate'),
        description: child(item, 'description'),
        categories: [...item.getElementsByTagName('category')].map((c) => c.textContent ?? ''),
      })),
    };
  }, xml);
}

/** The <loc> values of a sitemap or sitemap index, parsed in the page. */
async function sitemapLocs(page: Page, xml: string): Promise<string[]> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const error = doc.querySelector('parsererror');
    if (error) throw new Error(`sitemap is not well-formed XML: ${error.textContent}`);
    return [...doc.getElementsByTagName('loc')].map((l) => (l.textContent ?? '').trim());
  }, xml);
}

async function jsonLdOf(page: Page): Promise<Record<string, unknown>[]> {
  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
  return scripts.map((s) => JSON.parse(s) as Record<string, unknown>);
}

async function expectServedCard(request: APIRequestContext, url: string, baseURL: string | undefined) {
  const response = await request.get(local(url, baseURL));
  expect(response.status(), url).toBe(200);
  expect(response.headers()['content-type'], url).toMatch(/^image\/png/);
  const bytes = new Uint8Array(await response.body());
  expect(isPng(bytes), url).toBe(true);
  expect(pngSize(bytes), url).toEqual({ width: 1200, height: 630 });
}

test('the RSS feed parses and lists every published case study, newest first, and no draft', async ({ page, request }) => {
  const response = await request.get('rss.xml');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/xml/);
  const feed = await parseRss(page, await response.text());

  expect(feed.channelLink).toBe(absoluteUrl(siteConfig, '/'));
  expect(feed.items.map((i) => i.link).sort()).toEqual(studies.map((s) => studyUrl(s.slug)).sort());
  for (const draft of drafts()) expect(feed.items.map((i) => i.link)).not.toContain(studyUrl(draft.slug));

  const dates = feed.items.map((i) => Date.parse(i.pubDate));
  expect(dates.every((d) => !Number.isNaN(d))).toBe(true);
  expect(dates).toEqual([...dates].sort((a, b) => b - a));

  for (const study of studies) {
    const item = feed.items.find((i) => i.link === studyUrl(study.slug))!;
    expect(item.title).toBe(study.title);
    expect(item.description.length, study.slug).toBeGreaterThan(0);
    expect(item.categories).toContain(study.category);
    expect(item.categories).toEqual(expect.arrayContaining(study.stack));
  }
});

test('every page points feed readers at the feed', async ({ page }) => {
  for (const path of ['', 'case-studies/', `case-studies/${studies[0]!.slug}/`]) {
    await page.goto(path);
    await expect(page.locator('head link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
      'href',
      absoluteUrl(siteConfig, '/rss.xml'),
    );
  }
});

test('the sitemap parses and lists every published case study, and no draft or 404 page', async ({ page, request, baseURL }) => {
  const index = await request.get('sitemap-index.xml');
  expect(index.status()).toBe(200);
  const sitemaps = await sitemapLocs(page, await index.text());
  expect(sitemaps.length).toBeGreaterThan(0);

  const urls: string[] = [];
  for (const sitemap of sitemaps) {
    expect(sitemap.startsWith(absoluteUrl(siteConfig, '/')), sitemap).toBe(true);
    const response = await request.get(local(sitemap, baseURL));
    expect(response.status(), sitemap).toBe(200);
    urls.push(...(await sitemapLocs(page, await response.text())));
  }

  expect(urls).toContain(absoluteUrl(siteConfig, '/'));
  for (const study of studies) expect(urls).toContain(studyUrl(study.slug));
  for (const draft of drafts()) expect(urls).not.toContain(studyUrl(draft.slug));
  expect(urls.filter((u) => /\/404\/?$/.test(new URL(u).pathname))).toEqual([]);
  const studyPages = urls.filter((u) => /\/case-studies\/[^/]+\/$/.test(new URL(u).pathname));
  expect(studyPages.sort()).toEqual(studies.map((s) => studyUrl(s.slug)).sort());
});

test('robots.txt allows crawling and points at the sitemap index', async ({ request, baseURL }) => {
  const response = await request.get('robots.txt');
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(text).toMatch(/^User-agent: \*$/m);
  const sitemap = /^Sitemap: (\S+)$/m.exec(text)?.[1];
  expect(sitemap).toBe(absoluteUrl(siteConfig, '/sitemap-index.xml'));
  expect((await request.get(local(sitemap!, baseURL))).status()).toBe(200);
});

test('the home page describes the author as a Person and shares the site card', async ({ page, request, baseURL }) => {
  await page.goto('');
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', absoluteUrl(siteConfig, '/'));
  const person = (await jsonLdOf(page)).find((d) => d['@type'] === 'Person');
  expect(person).toMatchObject({ name: siteConfig.author.name, jobTitle: siteConfig.author.role, url: absoluteUrl(siteConfig, '/') });
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'website');
  const image = await page.locator('meta[property="og:image"]').getAttribute('content');
  expect(image).toBe(absoluteUrl(siteConfig, '/og/default.png'));
  await expectServedCard(request, image!, baseURL);
});

test('each case study has an absolute canonical URL, TechArticle JSON-LD and its own 1200x630 preview card', async ({
  page,
  request,
  baseURL,
}) => {
  // One test visits every study, so its time grows with the example site.
  test.setTimeout(30_000 + studies.length * 2_000);
  const images = new Set<string>();
  for (const study of studies) {
    await page.goto(`case-studies/${study.slug}/`);
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    expect(canonical, study.slug).toBe(studyUrl(study.slug));
    await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', canonical!);
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
    await expect(page.locator('meta[name="robots"]')).toHaveCount(0);

    const article = (await jsonLdOf(page)).find((d) => d['@type'] === 'TechArticle');
    expect(article, study.slug).toMatchObject({ headline: study.title, url: canonical, articleSection: study.category });
    expect(article!['keywords']).toEqual(expect.arrayContaining(study.stack));

    const image = await page.locator('meta[property="og:image"]').getAttribute('content');
    expect(image, study.slug).toMatch(/^https?:\/\/.+\.png$/);
    expect(image!.startsWith(absoluteUrl(siteConfig, '/')), image!).toBe(true);
    await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute('content', '1200');
    await expect(page.locator('meta[property="og:image:height"]')).toHaveAttribute('content', '630');
    await expectServedCard(request, image!, baseURL);
    images.add(image!);
  }
  expect(images.size, 'one card per case study').toBe(studies.length);
});

test('the 404 page is kept out of search engines', async ({ page }) => {
  const response = await page.goto('no/such/page/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
});

/** Feeds from built pages: what is read back, what readers get, and the per-term feeds. */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/lib/seo/feeds/extract.ts';
import { buildFeeds, type FeedSite } from '../../../src/lib/seo/feeds/build-feeds.ts';
import { FEED_LIMITS } from '../../../src/lib/seo/feeds/paths.ts';

const site: FeedSite = { url: 'https://example.dev', base: '/portfolio/', title: 'Site', description: 'About', lang: 'en', author: { name: 'Ann' } };

function page(slug: string, opts: { date?: string; modified?: string; noindex?: boolean; category?: string; keywords?: string[] } = {}) {
  const ld = {
    '@type': 'TechArticle',
    headline: `Study ${slug} <&>`,
    description: `Summary of ${slug}`,
    url: `https://example.dev/portfolio/case-studies/${slug}/`,
    datePublished: opts.date ?? '2024-01-01T00:00:00.000Z',
    dateModified: opts.modified ?? opts.date ?? '2024-01-01T00:00:00.000Z',
    articleSection: opts.category ?? 'Fintech',
    keywords: opts.keywords ?? ['Go', 'Event Sourcing'],
  };
  return `<!doctype html><html><head>${opts.noindex ? '<meta name="robots" content="noindex, follow">' : ''}
<script type="application/ld+json">${JSON.stringify(ld)}</script></head><body><main>
<div class="prose" data-astro-cid-x><h2 id="problem" class="h" data-astro-cid-x>Problem</h2>
<p>See <a href="../other/">the other one</a>, <a href="#problem">this</a>, and <a href="https://elsewhere.dev/x">elsewhere</a>.</p>
<img src="/portfolio/_astro/a.webp" srcset="/portfolio/_astro/a.webp 1x, /portfolio/_astro/a@2x.webp 2x" alt="A">
<figure class="diagram" data-diagram="flow"><div class="canvas" style="--x:1"><svg role="img" aria-labelledby="flow-t"><title id="flow-t">The flow</title><style>.a{fill:red}</style></svg></div>
<a class="open" href="/portfolio/diagrams/flow.svg" data-diagram-open>View diagram</a><figcaption id="flow-figcaption">Flow caption</figcaption></figure>
<script>alert(1)</script>
<footer class="study-footer"><p>Last updated</p><a href="https://github.com/x/edit">Edit this page</a></footer>
</div></main></body></html>`;
}

const url = (slug: string) => `https://example.dev/portfolio/case-studies/${slug}/`;

describe('extractArticle', () => {
  const a = extractArticle(page('one'), url('one'))!;

  it('reads the metadata from the page\'s own JSON-LD', () => {
    expect(a).toMatchObject({ title: 'Study one <&>', summary: 'Summary of one', url: url('one'), category: 'Fintech', keywords: ['Go', 'Event Sourcing'] });
    expect(a.published.toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });

  it('makes every link and image absolute', () => {
    expect(a.contentHtml).toContain('href="https://example.dev/portfolio/case-studies/other/"');
    expect(a.contentHtml).toContain('href="https://example.dev/portfolio/case-studies/one/#problem"');
    expect(a.contentHtml).toContain('href="https://elsewhere.dev/x"');
    expect(a.contentHtml).toContain('src="https://example.dev/portfolio/_astro/a.webp"');
    expect(a.contentHtml).toContain('srcset="https://example.dev/portfolio/_astro/a.webp 1x, https://example.dev/portfolio/_astro/a@2x.webp 2x"');
    expect(a.contentHtml).not.toMatch(/(href|src)="\/(?!\/)/);
  });

  it('turns a diagram into a picture of its file with its name and caption, and drops scripts, styles, hooks and the edit footer', () => {
    expect(a.contentHtml).toContain('<figure><img src="https://example.dev/portfolio/diagrams/flow.svg" alt="The flow"><figcaption');
    expect(a.contentHtml).toContain('Flow caption</figcaption></figure>');
    expect(a.contentHtml).not.toMatch(/<svg|<script|<style|data-astro|class=|style=|View diagram|Edit this page/);
  });

  it('skips noindex pages and pages that are not articles', () => {
    expect(extractArticle(page('d', { noindex: true }), url('d'))).toBeUndefined();
    expect(extractArticle('<html><body><p>Hi</p></body></html>', url('x'))).toBeUndefined();
  });
});

describe('buildFeeds', () => {
  const articles = ['a', 'b', 'c'].map((s, i) =>
    extractArticle(page(s, { date: `2024-0${i + 1}-01T00:00:00.000Z`, category: i === 2 ? 'Security' : 'Fintech', keywords: i === 0 ? ['Go'] : ['Go', 'Rust'] }), url(s))!,
  );
  const files = new Map(buildFeeds(site, articles).map((f) => [f.path, f.text]));

  it('writes RSS, Atom and JSON Feed, newest first, with full content and absolute self links', () => {
    expect([...files.keys()].slice(0, 3)).toEqual(['/rss.xml', '/atom.xml', '/feed.json']);
    const json = JSON.parse(files.get('/feed.json')!);
    expect(json.version).toMatch(/^https:\/\/jsonfeed\.org\/version\/1/);
    expect(json.feed_url).toBe('https://example.dev/portfolio/feed.json');
    expect(json.items.map((i: { url: string }) => i.url)).toEqual([url('c'), url('b'), url('a')]);
    expect(json.items[0].content_html).toContain('<h2 id="problem">Problem</h2>');
    expect(files.get('/atom.xml')).toContain('<link rel="self" href="https://example.dev/portfolio/atom.xml"/>');
    expect(files.get('/rss.xml')).toContain('<atom:link href="https://example.dev/portfolio/rss.xml" rel="self"');
    // Titles are escaped, not injected.
    expect(files.get('/atom.xml')).not.toContain('<&></title>');
  });

  it('writes an Atom feed per category and per tag with only their studies', () => {
    const go = files.get('/tags/go/atom.xml')!;
    const rust = files.get('/tags/rust/atom.xml')!;
    expect(go.match(/<entry>/g)).toHaveLength(3);
    expect(rust.match(/<entry>/g)).toHaveLength(2);
    expect(files.get('/categories/security/atom.xml')!.match(/<entry>/g)).toHaveLength(1);
    expect(rust).toContain('<link rel="self" href="https://example.dev/portfolio/tags/rust/atom.xml"/>');
    expect(rust).toContain('<link rel="alternate" href="https://example.dev/portfolio/tags/rust/"/>');
  });

  it('carries at most the newest FEED_LIMITS studies', () => {
    const many = Array.from({ length: FEED_LIMITS.site + 5 }, (_, i) =>
      extractArticle(page(`s${i}`, { date: new Date(Date.UTC(2020, 0, 1 + i)).toISOString() }), url(`s${i}`))!,
    );
    const out = new Map(buildFeeds(site, many).map((f) => [f.path, f.text]));
    const json = JSON.parse(out.get('/feed.json')!);
    expect(json.items).toHaveLength(FEED_LIMITS.site);
    expect(json.items[0].url).toBe(url(`s${FEED_LIMITS.site + 4}`));
    expect(out.get('/tags/go/atom.xml')!.match(/<entry>/g)).toHaveLength(FEED_LIMITS.term);
  });
});

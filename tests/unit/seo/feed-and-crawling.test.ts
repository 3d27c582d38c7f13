/** Absolute URLs, robots.txt and the sitemap filter: what crawlers get (feeds: tests/unit/readers/feeds.test.ts). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { absoluteUrl, displayHost } from '../../../src/lib/seo/absolute-url.ts';
import { robotsTxt } from '../../../src/lib/seo/robots.ts';
import { draftSlugs, lastModified, sitemapFilter, sitemapSerialize } from '../../../src/lib/seo/sitemap-filter.ts';

const root = { url: 'https://example.dev', base: '/' };
const sub = { url: 'https://example.dev', base: '/portfolio/' };

describe('absoluteUrl', () => {
  it('puts site paths under the base path and leaves absolute URLs alone', () => {
    expect(absoluteUrl(root, '/og/default.png')).toBe('https://example.dev/og/default.png');
    expect(absoluteUrl(sub, '/og/default.png')).toBe('https://example.dev/portfolio/og/default.png');
    expect(absoluteUrl(sub, '/')).toBe('https://example.dev/portfolio/');
    expect(absoluteUrl(sub, 'https://cdn.example.com/a.png')).toBe('https://cdn.example.com/a.png');
  });

  it('names the site by host and base for the card footer', () => {
    expect(displayHost(root)).toBe('example.dev');
    expect(displayHost(sub)).toBe('example.dev/portfolio');
  });

  it('follows CASEBOOK_SITE and CASEBOOK_BASE through the site settings', async () => {
    vi.stubEnv('CASEBOOK_SITE', 'https://someone.github.io');
    vi.stubEnv('CASEBOOK_BASE', '/cases');
    vi.resetModules();
    try {
      const { siteConfig } = await import('../../../src/site.config.ts');
      expect(absoluteUrl(siteConfig, '/rss.xml')).toBe('https://someone.github.io/cases/rss.xml');
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});

describe('robots.txt', () => {
  it('allows crawling and points at the sitemap index under the base path', () => {
    const text = robotsTxt(sub);
    expect(text).toMatch(/^User-agent: \*$/m);
    expect(text).toMatch(/^Allow: \/$/m);
    expect(text).toMatch(/^Sitemap: https:\/\/example\.dev\/portfolio\/sitemap-index\.xml$/m);
    expect(text).not.toMatch(/^Disallow: \/\s*$/m);
  });
});

describe('sitemap filter', () => {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-seo-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'live.mdx'), '---\ntitle: Live\ndate: 2024-04-08\nupdated: 2024-09-30\ndraft: false\n---\nBody\n');
  writeFileSync(join(dir, 'old.mdx'), '---\ntitle: Old\ndate: 2023-02-01\n---\nBody\n');
  writeFileSync(join(dir, 'wip.mdx'), '---\ntitle: WIP\ndraft: true\n---\nBody\n');
  writeFileSync(join(dir, 'plain.mdx'), '---\ntitle: Plain\n---\nBody\n');
  writeFileSync(join(dir, 'broken.mdx'), '---\ntitle: [unclosed\n---\nBody\n');

  it('finds drafts by their frontmatter, ignoring files it cannot parse', () => {
    expect(draftSlugs(dir)).toEqual(['wip']);
    expect(draftSlugs(join(dir, 'missing'))).toEqual([]);
  });

  it('reads a study again when its frontmatter changed since the last call', () => {
    const own = mkdtempSync(join(tmpdir(), 'casebook-seo-'));
    try {
      writeFileSync(join(own, 'a.mdx'), '---\ntitle: A\ndraft: true\n---\nBody\n');
      expect(draftSlugs(own)).toEqual(['a']);
      expect(draftSlugs(own)).toEqual(['a']);
      writeFileSync(join(own, 'a.mdx'), '---\ntitle: A\ndraft: false\ndate: 2024-01-02\n---\nBody\n');
      expect(draftSlugs(own)).toEqual([]);
      expect(lastModified(own, { kind: 'none', reason: 'not a repository' }).get('a')).toBe('2024-01-02T00:00:00.000Z');
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });

  it('drops the 404 page and drafts, keeps everything else', () => {
    const keep = sitemapFilter('/portfolio/', ['wip']);
    expect(keep('https://example.dev/portfolio/')).toBe(true);
    expect(keep('https://example.dev/portfolio/case-studies/live/')).toBe(true);
    expect(keep('https://example.dev/portfolio/404/')).toBe(false);
    expect(keep('https://example.dev/portfolio/case-studies/wip/')).toBe(false);
  });

  it('gives each case study a <lastmod>: its update date, else its publication date', () => {
    const serialize = sitemapSerialize('/portfolio/', lastModified(dir));
    expect(serialize({ url: 'https://example.dev/portfolio/case-studies/live/' }).lastmod).toBe('2024-09-30T00:00:00.000Z');
    expect(serialize({ url: 'https://example.dev/portfolio/case-studies/old/' }).lastmod).toBe('2023-02-01T00:00:00.000Z');
    expect(serialize({ url: 'https://example.dev/portfolio/case-studies/plain/' }).lastmod).toBeUndefined();
    expect(serialize({ url: 'https://example.dev/portfolio/tags/go/' }).lastmod).toBeUndefined();
  });
});

/**
 * Caches of work done on the finished site (src/lib/site-output-cache.ts) and their users,
 * the search index and the feeds: same pages reuse the result, any changed, added or removed
 * page, or changed code or options, misses; a failed restore leaves nothing behind.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DirectoryCache, KEPT_ENTRIES, listSiteFiles, siteFilesKey } from '../../../src/lib/site-output-cache.ts';
import { feeds } from '../../../src/integrations/feeds.ts';
import { searchIndex } from '../../../src/integrations/search-index.ts';

function write(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
}

function read(root: string): Record<string, string> {
  return Object.fromEntries(listSiteFiles(root, () => true).map((f) => [f, readFileSync(join(root, f), 'utf8')]));
}

const temp = () => mkdtempSync(join(tmpdir(), 'casebook-site-cache-'));

describe('siteFilesKey', () => {
  const site = temp();
  write(site, { 'index.html': '<p>home</p>', 'a/index.html': '<p>a</p>', 'a/style.css': 'p{}' });
  const pages = () => listSiteFiles(site, (f) => f.endsWith('.html'));
  const key = (fingerprint = 'code-1', extra = ['en'], files = pages()) => siteFilesKey('search-index', fingerprint, extra, site, files);

  it('lists only the files asked for, sorted, with / separators', () => {
    expect(pages()).toEqual(['a/index.html', 'index.html']);
  });

  it('is stable for the same pages, code and options, whatever order the pages are given in', () => {
    expect(key()).toBe(key());
    expect(key('code-1', ['en'], ['index.html', 'a/index.html'])).toBe(key());
  });

  it('changes with one byte of one page, an added or removed page, the code, the options or the cache', () => {
    const before = key();
    write(site, { 'a/index.html': '<p>A</p>' });
    const edited = key();
    expect(edited).not.toBe(before);
    write(site, { 'b/index.html': '<p>b</p>' });
    const added = key();
    expect(added).not.toBe(edited);
    rmSync(join(site, 'b'), { recursive: true });
    expect(key()).toBe(edited);
    expect(key('code-2')).not.toBe(edited);
    expect(key('code-1', ['fr'])).not.toBe(edited);
    expect(siteFilesKey('feeds', 'code-1', ['en'], site, pages())).not.toBe(edited);
  });

  it('a page moved to another path is another key, even with the same bytes', () => {
    const other = temp();
    write(other, { 'x.html': 'same' });
    const first = siteFilesKey('search-index', 'c', [], other, ['x.html']);
    rmSync(join(other, 'x.html'));
    write(other, { 'y.html': 'same' });
    expect(siteFilesKey('search-index', 'c', [], other, ['y.html'])).not.toBe(first);
  });
});

describe('DirectoryCache', () => {
  const keyOf = (n: number) => n.toString(16).padStart(64, '0');

  it('misses for an unknown key, then restores a stored folder exactly, into a new folder', () => {
    const cache = new DirectoryCache('search-index', join(temp(), 'cache'));
    const output = temp();
    write(output, { 'pagefind.js': 'js', 'fragment/en_1.pf_fragment': 'frag' });
    const target = join(temp(), 'site', 'pagefind');
    expect(cache.restore(keyOf(1), target)).toBe(false);
    expect(existsSync(target)).toBe(false);
    cache.store(keyOf(1), output);
    expect(cache.restore(keyOf(1), target)).toBe(true);
    expect(read(target)).toEqual(read(output));
    expect(readdirSync(cache.dir)).toEqual([keyOf(1)]);
  });

  it('never copies over a folder that is there already, and a copy that fails is a miss', () => {
    const cache = new DirectoryCache('search-index', join(temp(), 'cache'));
    const output = temp();
    write(output, { 'a.js': 'a', 'b/c.js': 'c' });
    cache.store(keyOf(2), output);
    const existing = join(temp(), 'pagefind');
    write(existing, { 'b/c.js': 'someone else' });
    expect(cache.restore(keyOf(2), existing)).toBe(false);
    expect(read(existing)).toEqual({ 'b/c.js': 'someone else' });
    // A target that cannot be created (its parent is a file).
    const file = join(temp(), 'not-a-folder');
    writeFileSync(file, '');
    expect(cache.restore(keyOf(2), join(file, 'pagefind'))).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('');
  });

  it(`keeps only the ${KEPT_ENTRIES} most recently used entries`, () => {
    const cache = new DirectoryCache('search-index', join(temp(), 'cache'));
    const output = temp();
    write(output, { 'index.js': 'x' });
    for (let n = 1; n <= KEPT_ENTRIES + 2; n++) cache.store(keyOf(n), output);
    const kept = readdirSync(cache.dir);
    expect(kept).toHaveLength(KEPT_ENTRIES);
    expect(kept).toContain(keyOf(KEPT_ENTRIES + 2));
  });
});

describe('integrations cached by the built pages', () => {
  const saved = process.env.CASEBOOK_CACHE_DIR;
  beforeEach(() => {
    process.env.CASEBOOK_CACHE_DIR = temp();
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.CASEBOOK_CACHE_DIR;
    else process.env.CASEBOOK_CACHE_DIR = saved;
  });

  const logs: string[] = [];
  const logger = { info: (m: string) => logs.push(m), warn: () => {}, error: () => {}, debug: () => {} } as unknown as AstroIntegrationLogger;
  type BuildDone = (o: { dir: URL; logger: AstroIntegrationLogger }) => Promise<void>;

  function studyPage(title: string): string {
    const ld = {
      '@type': 'TechArticle',
      headline: title,
      description: `About ${title}`,
      url: `https://example.dev/case-studies/${title}/`,
      datePublished: '2024-01-01T00:00:00.000Z',
      dateModified: '2024-01-01T00:00:00.000Z',
      articleSection: 'Fintech',
      keywords: ['Go'],
    };
    return `<!doctype html><html><head><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body><div class="prose"><p>${title} body</p></div></body></html>`;
  }

  async function build(pages: Record<string, string>): Promise<Record<string, string>> {
    const out = temp();
    write(out, Object.fromEntries(Object.entries(pages).map(([slug, html]) => [`case-studies/${slug}/index.html`, html])));
    const hook = feeds().hooks['astro:build:done'] as unknown as BuildDone;
    await hook({ dir: pathToFileURL(`${out}/`), logger });
    const files = read(out);
    for (const key of Object.keys(files)) if (key.startsWith('case-studies/')) delete files[key];
    return files;
  }

  it('feeds: the same pages give the same feeds from the cache; an edited page gives fresh feeds', async () => {
    const first = await build({ one: studyPage('one'), two: studyPage('two') });
    expect(first['rss.xml']).toContain('one body');
    expect(logs.at(-1)).toMatch(/2 studies$/);
    const again = await build({ one: studyPage('one'), two: studyPage('two') });
    expect(logs.at(-1)).toMatch(/2 study pages unchanged/);
    expect(again).toEqual(first);

    const edited = await build({ one: studyPage('one'), two: studyPage('two').replace('two body', 'two rewritten') });
    expect(logs.at(-1)).toMatch(/2 studies$/);
    expect(edited['rss.xml']).toContain('two rewritten');
    expect(edited['rss.xml']).not.toContain('two body');

    const removed = await build({ one: studyPage('one') });
    expect(logs.at(-1)).toMatch(/1 studies$/);
    expect(removed['rss.xml']).not.toContain('two');
  });

  it('search index: byte-identical pages reuse the index; a changed or added page is indexed again', { timeout: 60_000 }, async () => {
    const page = (words: string) => `<!doctype html><html lang="en"><head><title>t</title></head><body><article data-pagefind-body><h1>${words}</h1><p>${words}</p></article></body></html>`;
    async function index(pages: Record<string, string>): Promise<Record<string, string>> {
      const out = temp();
      write(out, pages);
      await (searchIndex().hooks['astro:build:done'] as unknown as BuildDone)({ dir: pathToFileURL(`${out}/`), logger });
      return Object.fromEntries(listSiteFiles(join(out, 'pagefind'), () => true).map((f) => [f, readFileSync(join(out, 'pagefind', f)).toString('base64')]));
    }
    const site = { 'a/index.html': page('kafka consumer lag'), 'b/index.html': page('postgres vacuum') };
    const first = await index(site);
    expect(logs.at(-1)).toMatch(/2 pages scanned/);
    expect(Object.keys(first)).toContain('pagefind.js');
    const again = await index(site);
    expect(logs.at(-1)).toMatch(/2 pages unchanged since an earlier build, its index reused/);
    expect(again).toEqual(first);
    const edited = await index({ ...site, 'b/index.html': page('postgres autovacuum tuning') });
    expect(logs.at(-1)).toMatch(/2 pages scanned/);
    expect(edited).not.toEqual(first);
    await index({ ...site, 'c/index.html': page('redis') });
    expect(logs.at(-1)).toMatch(/3 pages scanned/);
  });
});

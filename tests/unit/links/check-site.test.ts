import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { checkSite, checkRef } from '../../../src/tools/links/check-site.ts';
import { SiteIndex } from '../../../src/tools/links/site-index.ts';
import { srcsetUrls } from '../../../src/tools/links/html-refs.ts';
import { formatBrokenLinks } from '../../../src/tools/links/report.ts';
import { runTsx } from '../validation/helpers.ts';

const FIXTURE = 'tests/fixtures/links/site';
const OPTIONS = { distDir: FIXTURE, base: '/repo/', siteUrl: 'https://example.dev' };

describe('checkSite on tests/fixtures/links/site (base /repo/)', () => {
  it('reports each kind of broken link exactly once, and nothing on the good pages', async () => {
    const result = await checkSite(OPTIONS);
    expect(formatBrokenLinks(result.broken).split('\n')).toEqual([
      '/repo/broken.html -> /about/ (outside the base path /repo/; <a href>)',
      '/repo/broken.html -> /repo/about/#nope (no element with id="nope" on /repo/about/; <a href>)',
      '/repo/broken.html -> /repo/icons.svg#no-such-symbol (no element with id="no-such-symbol" on /repo/icons.svg; <use href>)',
      '/repo/broken.html -> /repo/img/a@3x.png (no such file: expected dist/img/a@3x.png; <img srcset>)',
      '/repo/broken.html -> /repo/img/missing.png (no such file: expected dist/img/missing.png; <img src>)',
      '/repo/broken.html -> /repo/img/missing.webp (no such file: expected dist/img/missing.webp; <source srcset>)',
      '/repo/broken.html -> /repo/js/missing.js (no such file: expected dist/js/missing.js; <script src>)',
      '/repo/broken.html -> /repo/missing/ (no such file: expected dist/missing/index.html; <a href>)',
      '/repo/broken.html -> /repo/styles/missing.css (no such file: expected dist/styles/missing.css; <link rel="stylesheet">)',
      '/repo/broken.html -> #nothere (no element with id="nothere" on /repo/broken.html; <a href>)',
      '/repo/broken.html -> https://example.dev/repo/gone/ (no such file: expected dist/gone/index.html; <link rel="canonical">)',
      '/repo/sitemap-0.xml -> https://example.dev/repo/gone/ (the sitemap lists a page that does not exist; <loc>)',
      '/repo/sitemap-0.xml -> https://other.example/repo/ (not on this site (https://example.dev); <loc>)',
      '/repo/sitemap-index.xml -> https://example.dev/repo/sitemap-1.xml (the sitemap lists a sitemap that does not exist; <loc>)',
    ]);
    expect(result.pages).toBe(3);
    // Links to other sites are collected for --external, not checked offline.
    expect([...result.external.keys()]).toEqual(['https://github.com/example']);
  });

  it('treats every link as outside the base when the site is checked with the wrong base', async () => {
    const result = await checkSite({ ...OPTIONS, base: '/' });
    expect(result.broken.some((b) => b.page === '/index.html' || b.page === '/')).toBe(true);
    expect(result.broken.find((b) => b.target === '/repo/about/')?.reason).toBe('no such file: expected dist/repo/about/index.html');
  });
});

describe('resolving links', () => {
  const index = new SiteIndex(['index.html', 'a/index.html', 'a.pdf', 'b.html'], { base: '/', siteUrl: 'https://me.dev' });
  index.setAnchors('a/index.html', new Set(['x', 'é t']));

  it.each([
    ['a/', undefined],
    ['/a/#x', undefined],
    ['/a/#%C3%A9%20t', undefined],
    ['/a', undefined],
    ['/b', undefined],
    ['/a.pdf#page=3', undefined],
    ['https://me.dev/a/', undefined],
    ['https://other.dev/nope', undefined],
    ['mailto:x@y.z', undefined],
    ['/a/#y', 'no element with id="y" on /a/'],
    ['/c/', 'no such file: expected dist/c/index.html'],
    ['/c', 'no such file: expected dist/c or dist/c/index.html or dist/c.html'],
    ['https://me.dev/missing.png', 'no such file: expected dist/missing.png'],
  ])('%s → %s', (href, reason) => {
    expect(checkRef(index, href, '/')).toBe(reason);
  });

  it('parses srcset candidates like a browser', () => {
    expect(srcsetUrls('a.png 1x, b.png 2x,c.png 3x')).toEqual(['a.png', 'b.png', 'c.png']);
    expect(srcsetUrls(' /x.png ')).toEqual(['/x.png']);
    expect(srcsetUrls('a.png, b.png 100w')).toEqual(['a.png', 'b.png']);
  });
});

describe('npm run check:links (src/cli/check-links.ts)', () => {
  it('prints page -> target lines and exits 1 on a site with broken links', () => {
    const run = runTsx('src/cli/check-links.ts', ['--dir', FIXTURE, '--base', '/repo/', '--site', 'https://example.dev'], { cwd: '.' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('/repo/broken.html -> /repo/missing/ (no such file: expected dist/missing/index.html; <a href>)');
    expect(run.stderr).toMatch(/14 broken links in tests\/fixtures\/links\/site\/ \(3 pages, \d+ links checked in [\d.]+ s\)\./);
  });

  it('exits 0 on a clean site and 1 with a hint when there is no build', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'casebook-links-'));
    onTestFinished(() => rm(root, { recursive: true, force: true }));
    await writeFile(path.join(root, 'index.html'), '<a href="/#main">x</a><main id="main"></main>');
    const ok = runTsx('src/cli/check-links.ts', ['--dir', root, '--base', '/'], { cwd: '.' });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^Links OK: 1 pages, 1 links checked/);
    const missing = runTsx('src/cli/check-links.ts', ['--dir', path.join(root, 'nope')], { cwd: '.' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('run `npm run build` first');
  });
});

describe('speed', () => {
  it('checks a generated 1,000-page site in a few seconds', async () => {
    const dist = await mkdtemp(path.join(tmpdir(), 'casebook-links-1000-'));
    const pages = 1000;
    const nav = Array.from({ length: 30 }, (_, i) => `<a href="/base/p/${i}/#s${i % 5}">Page ${i}</a>`).join('\n');
    const filler = '<p>Lorem ipsum dolor sit amet, <em>consectetur</em> adipiscing elit. </p>\n'.repeat(150);
    await Promise.all(
      Array.from({ length: pages }, async (_, i) => {
        await mkdir(path.join(dist, 'p', String(i)), { recursive: true });
        const html = `<!doctype html><html><head><link rel="stylesheet" href="/base/site.css"><link rel="canonical" href="https://x.dev/base/p/${i}/"></head><body>
<nav>${nav}</nav>${[0, 1, 2, 3, 4].map((s) => `<h2 id="s${s}">Section</h2>${filler}`).join('')}
<img src="/base/a.png" srcset="/base/a.png 1x, /base/a.png 2x" alt=""><a href="/base/p/${(i + 1) % pages}/#s3">next</a><a href="#s4">down</a></body></html>`;
        await writeFile(path.join(dist, 'p', String(i), 'index.html'), html);
      }),
    );
    await writeFile(path.join(dist, 'site.css'), '');
    await writeFile(path.join(dist, 'a.png'), '');
    const started = performance.now();
    const result = await checkSite({ distDir: dist, base: '/base/', siteUrl: 'https://x.dev' });
    const seconds = (performance.now() - started) / 1000;
    console.log(`check:links speed: ${pages} pages (${result.checked} links, ~${Math.round(5 * filler.length / 1024)} KB each) in ${seconds.toFixed(2)} s`);
    expect(result.pages).toBe(pages);
    expect(result.broken).toEqual([]);
    await rm(dist, { recursive: true, force: true });
    // About 1.5 s alone on a 2-core machine; the bound leaves room for parallel test files.
    expect(seconds).toBeLessThan(15);
  }, 60_000);
});

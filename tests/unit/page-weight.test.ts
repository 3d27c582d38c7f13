/** The budget measurement counts what a visitor downloads and what blocks rendering. */
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { measurePage } from '../../src/tools/page-weight/page-weight.ts';

const site = join(import.meta.dirname, '../fixtures/page-weight/site');

describe('page weight', () => {
  const w = measurePage(site, 'blog/index.html');
  it('counts inline and same-site external scripts, but not JSON-LD', () => {
    const app = readFileSync(join(site, 'assets/app.js')).byteLength;
    const inline = "document.documentElement.dataset.theme='dark'".length + 'console.log(1)'.length;
    expect(w.jsBytes).toBe(app + inline);
  });
  it('counts only classic scripts in <head> as render-blocking', () => {
    expect(w.headBlockingScripts).toBe(1);
  });
  it('gzips HTML with its linked CSS and spots web fonts', () => {
    const html = readFileSync(join(site, 'blog/index.html'), 'utf8');
    const css = readFileSync(join(site, 'assets/site.css'), 'utf8');
    expect(w.htmlCssGzipBytes).toBe(gzipSync(html + css).byteLength);
    expect(w.webFonts).toBe(1);
  });
  it('resolves assets under a base path', () => {
    const app = readFileSync(join(site, 'assets/app.js')).byteLength;
    expect(measurePage(site, 'based/index.html', '/portfolio/').jsBytes).toBe(app);
    expect(measurePage(site, 'based/index.html', '/portfolio/').headBlockingScripts).toBe(0);
  });
});

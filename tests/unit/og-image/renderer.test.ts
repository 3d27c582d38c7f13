/**
 * The Open Graph renderer: real 1200x630 PNGs from the shipped fonts, and a disk cache
 * that makes an unchanged card cost a file read on the next build.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { caseStudyCard, siteCard } from '../../../src/lib/og-image/cards.ts';
import { createOgRenderer, defaultOgCacheDir, renderCardPng } from '../../../src/lib/og-image/renderer.ts';
import { loadFonts } from '../../../src/lib/og-image/fonts.ts';
import { siteConfig } from '../../../src/site.config.ts';
import { isPng, pngSize } from './png-size.ts';

const card = caseStudyCard(
  {
    title: 'Circuit Breakers per Dependency',
    subtitle: 'Containing failures at the edge of every remote call',
    category: 'Distributed Systems',
    status: 'production',
    stack: ['Go', 'Redis', 'Prometheus'],
  },
  siteConfig,
);

const cacheDir = mkdtempSync(join(tmpdir(), 'casebook-og-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('renderCardPng', () => {
  it('renders a 1200x630 PNG', async () => {
    const png = await renderCardPng(card);
    expect(isPng(png)).toBe(true);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  });

  it('renders the site-wide card at the same size', async () => {
    expect(pngSize(await renderCardPng(siteCard(siteConfig)))).toEqual({ width: 1200, height: 630 });
  });

  it('draws different pictures for different studies', async () => {
    const other = await renderCardPng({ ...card, title: 'Distributed Rate Limiter' });
    expect(Buffer.from(other).equals(Buffer.from(await renderCardPng(card)))).toBe(false);
  });
});

describe('the disk cache', () => {
  it('renders a card once, then serves the same bytes from disk without rendering', async () => {
    const renderer = createOgRenderer({ cacheDir });
    const first = await renderer.render(card);
    expect(renderer.stats).toEqual({ rendered: 1, fromCache: 0, onWorkers: 0 });
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.png'))).toHaveLength(1);

    // A new renderer, as in the next build: the file on disk is all it has.
    const nextBuild = createOgRenderer({ cacheDir });
    const second = await nextBuild.render(card);
    expect(nextBuild.stats).toEqual({ rendered: 0, fromCache: 1, onWorkers: 0 });
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(pngSize(second)).toEqual({ width: 1200, height: 630 });
  });

  it('renders again when anything on the card changes', async () => {
    const renderer = createOgRenderer({ cacheDir: join(cacheDir, 'changes') });
    await renderer.render(card);
    await renderer.render({ ...card, badge: 'Research' });
    await renderer.render({ ...card, chips: [...card.chips, 'Kubernetes'] });
    await renderer.render({ ...card, title: `${card.title}!` });
    expect(renderer.stats).toEqual({ rendered: 4, fromCache: 0, onWorkers: 0 });
    await renderer.render({ ...card });
    expect(renderer.stats).toEqual({ rendered: 4, fromCache: 1, onWorkers: 0 });
  });

  it('can be switched off', async () => {
    const renderer = createOgRenderer({ cacheDir: null });
    await renderer.render(card);
    await renderer.render(card);
    expect(renderer.stats).toEqual({ rendered: 2, fromCache: 0, onWorkers: 0 });
  });

  it('lives in node_modules/.cache/casebook/og, or under CASEBOOK_CACHE_DIR for parallel builds', () => {
    expect(defaultOgCacheDir({}, '/site')).toBe('/site/node_modules/.cache/casebook/og');
    expect(defaultOgCacheDir({ CASEBOOK_CACHE_DIR: '/tmp/mine' }, '/site')).toBe('/tmp/mine/og');
  });
});

describe('fonts', () => {
  it('ships Inter as WOFF files read from disk, never fetched', async () => {
    const { fonts } = await loadFonts();
    expect(fonts.map((f) => f.weight)).toEqual(expect.arrayContaining([400, 600, 700]));
    // "wOFF" magic: satori cannot read WOFF2.
    for (const f of fonts) expect(f.data.subarray(0, 4).toString('latin1')).toBe('wOFF');
  });

  it('names the missing package when the fonts are not installed', async () => {
    const nowhere = mkdtempSync(join(tmpdir(), 'casebook-nofonts-'));
    try {
      await expect(loadFonts(nowhere)).rejects.toThrow(/@fontsource\/inter was not found .*run npm install/);
    } finally {
      rmSync(nowhere, { recursive: true, force: true });
    }
  });
});

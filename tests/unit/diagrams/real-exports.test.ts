/**
 * Real exports from other people's tools (tests/fixtures/real-exports/, with provenance in
 * its manifest.json): each builds, looks like its source (standalone file and inline figure
 * in the site's CSS, within 1% of pixels), shares a page with all the others without an id
 * collision, and comes out smaller than it went in; over the corpus, the size goals
 * hold (total <= 0.6 and median <= 0.55 of the input, each below plain `svgo preset-default`;
 * `npm run diagrams:report` prints the table).
 * One browser, two pages, every file once.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, measurePixels, measureSizes, median, siteCss, type SizeMeasure } from '../../../src/tools/diagrams-report/corpus.ts';
import { chromiumArgs, chromiumExecutablePath } from '../../support/chromium.ts';
import { idsAndReferences } from './support.ts';

/** The bar: at most 1% of the pixels may differ (anti-aliasing aside, pixelmatch). */
const MAX_PIXEL_RATIO = 0.01;
const OUT = join(process.cwd(), 'test-results', 'real-exports');

const corpus = loadCorpus();
const sizes = new Map<string, SizeMeasure>();
let browser: Browser;
let documentPage: Page;
let htmlPage: Page;
const css = siteCss();

beforeAll(async () => {
  const executablePath = chromiumExecutablePath();
  browser = await chromium.launch({ args: chromiumArgs, ...(executablePath ? { executablePath } : {}) });
  const context = await browser.newContext({ deviceScaleFactor: 1, colorScheme: 'light' });
  documentPage = await context.newPage();
  htmlPage = await context.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('the real-exports corpus', () => {
  it('has real files from several tools, each with provenance and a permissive licence', () => {
    // The bar: at least 25 real exports from at least 10 tools.
    expect(corpus.length).toBeGreaterThanOrEqual(27);
    expect(new Set(corpus.map((e) => e.tool)).size).toBeGreaterThanOrEqual(10);
    for (const e of corpus) {
      expect(e.commit, e.file).toMatch(/^[0-9a-f]{40}$/);
      expect(e.repo, e.file).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(['CC0-1.0', 'MIT', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', 'ISC', 'CC-BY-4.0'], e.file).toContain(e.licence);
    }
  });

  for (const entry of corpus) {
    it(`${entry.file} (${entry.tool}) builds and shrinks`, () => {
      const m = measureSizes(entry);
      sizes.set(entry.name, m);
      expect(m.casebook, `${m.casebook} bytes out of ${m.bytesIn}`).toBeLessThan(m.bytesIn);
    });

    it(`${entry.file} (${entry.tool}) looks like its source, standalone and inline`, async () => {
      const m = sizes.get(entry.name) ?? measureSizes(entry);
      const { standalone, inline } = await measurePixels(documentPage, htmlPage, entry.source, m.diagram, css);
      for (const [where, diff] of [['standalone', standalone], ['inline', inline]] as const) {
        if (diff.ratio > MAX_PIXEL_RATIO) {
          mkdirSync(OUT, { recursive: true });
          writeFileSync(join(OUT, `${entry.name}-${where}-diff.png`), diff.diffPng);
        }
        expect(diff.ratio, `${where}: ${diff.differing} of ${diff.width}x${diff.height} pixels differ (see ${OUT})`).toBeLessThanOrEqual(MAX_PIXEL_RATIO);
      }
    }, 60_000);
  }

  it('meets the size goals over the corpus: total <= 0.6 and median <= 0.55 of the input, smaller than plain svgo', () => {
    const all = corpus.map((e) => sizes.get(e.name) ?? measureSizes(e));
    const sum = (f: (m: SizeMeasure) => number) => all.reduce((t, m) => t + f(m), 0);
    const total = sum((m) => m.casebook) / sum((m) => m.bytesIn);
    const totalSvgo = sum((m) => m.plainSvgo) / sum((m) => m.bytesIn);
    const med = median(all.map((m) => m.casebook / m.bytesIn));
    const medSvgo = median(all.map((m) => m.plainSvgo / m.bytesIn));
    expect(total).toBeLessThanOrEqual(0.6);
    expect(med).toBeLessThanOrEqual(0.55);
    expect(total).toBeLessThan(totalSvgo);
    expect(med).toBeLessThan(medSvgo);
  });

  it('all of them on one page: no id is defined twice, every reference stays inside its diagram', () => {
    const all = corpus.map((e) => (sizes.get(e.name) ?? measureSizes(e)).diagram);
    const ids = all.flatMap((d) => idsAndReferences(d.svg).ids);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const d of all) {
      const own = new Set(idsAndReferences(d.svg).ids);
      for (const ref of idsAndReferences(d.svg).refs) expect(own.has(ref), `${d.name} refers to #${ref}`).toBe(true);
    }
  });
});

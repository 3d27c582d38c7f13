/**
 * Same layout as the official renderer: twenty real diagrams from the corpus, each shown in
 * Chromium twice, as mermaid itself draws it (its raw SVG, with Casebook's options) and as
 * Casebook ships it (site colours, sanitised, optimised, ids prefixed) on a page in the
 * light scheme. The two screenshots must be the same size and match pixel for pixel but for
 * anti-aliasing and the few colours Casebook maps to the nearest site colour.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processSvg } from '../../../src/lib/diagrams/pipeline.ts';
import { themeMermaidSvg } from '../../../src/lib/diagrams/text/mermaid-theme.ts';
import { normaliseSource } from '../../../src/lib/diagrams/text/render.ts';
import { rawMermaidSvg } from '../../../src/lib/diagrams/text/render-mermaid.ts';
import { RenderStore } from '../../../src/lib/diagrams/text/render-store.ts';
import { corpusFences, readManifest } from '../../../src/tools/diagram-corpus/corpus.ts';
import { comparePngs } from '../diagrams/pixels.ts';
import { chromiumSession } from './chromium-session.ts';

const all = corpusFences(readManifest()).filter((f) => f.lang === 'mermaid' && f.file.official[f.index - 1] === 'ok');
const SAMPLE = 20;
const sample = Array.from({ length: SAMPLE }, (_, i) => all[Math.floor((i * all.length) / SAMPLE)]!);

/** The site's light-scheme diagram colours, read from its stylesheet (one fact, one place). */
function lightVariables(): string {
  const css = readFileSync('src/styles/global.css', 'utf8');
  return [...css.matchAll(/(--cb-diagram-[a-z]+):\s*light-dark\(\s*([^,]+),/g)].map((m) => `${m[1]}:${m[2]!.trim()}`).join(';');
}

function interFaces(): string {
  const dir = join(dirname(createRequire(import.meta.url).resolve('@fontsource/inter/LICENSE')), 'files');
  return [400, 600, 700]
    .map((w) => `@font-face{font-family:Inter;font-weight:${w};src:url(data:font/woff2;base64,${readFileSync(join(dir, `inter-latin-${w}-normal.woff2`)).toString('base64')}) format("woff2")}`)
    .join('');
}

const { dir, pool, browser } = chromiumSession('mermaid-pixels');

describe('Casebook draws real diagrams as the official renderer lays them out', () => {
  it(`matches mermaid's own output on ${SAMPLE} corpus diagrams`, async () => {
    const store = new RenderStore(dir);
    const head = `<meta charset="utf-8"><style>${interFaces()}:root{${lightVariables()}}body{margin:0;background:#fff}</style>`;
    const page = await browser().newPage({ viewport: { width: 1600, height: 1200 }, deviceScaleFactor: 1 });
    const results: string[] = [];
    for (const fence of sample) {
      const source = normaliseSource(fence.body);
      const { svg: raw } = await rawMermaidSvg(source, { store, pool });
      const shipped = processSvg(themeMermaidSvg(raw, source), { name: `px-${fence.index}`, file: fence.file.file });
      const box = `width:${shipped.width}px;height:${shipped.height}px`;
      const shoot = async (svg: string): Promise<Buffer> => {
        await page.setContent(`<!doctype html><html><head>${head}</head><body><div id="box" style="${box}">${svg}</div></body></html>`);
        await page.evaluate(() => document.fonts.ready);
        return page.locator('#box').screenshot();
      };
      const official = await shoot(raw);
      const casebook = await shoot(shipped.svg);
      const diff = comparePngs(official, casebook);
      results.push(`${fence.file.file}:${fence.line} ${(diff.ratio * 100).toFixed(2)}%`);
      expect(diff.ratio, `${fence.file.file}:${fence.line}: ${(diff.ratio * 100).toFixed(2)}% of pixels differ`).toBeLessThan(0.005);
    }
    await page.close();
    expect(results).toHaveLength(SAMPLE);
  }, 240_000);
});

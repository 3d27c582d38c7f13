/**
 * One SVG per diagram, in both schemes, in a real Chromium: real corpus diagrams whose
 * authors set their own colours (`style ... fill:blue,color:white`, `classDef`, a sequence
 * `rect rgb(...)`) go through Casebook's renderer and pipeline and are shown on a page with
 * the site's `--cb-diagram-*` variables, once in the light and once in the dark scheme. The
 * theme's colours must follow the scheme and keep labels readable against the canvas; the
 * author's colours must be the same in both.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processSvg } from '../../../src/lib/diagrams/pipeline.ts';
import { normaliseSource } from '../../../src/lib/diagrams/text/render.ts';
import { createMermaidRenderer } from '../../../src/lib/diagrams/text/render-mermaid.ts';
import { RenderStore } from '../../../src/lib/diagrams/text/render-store.ts';
import { corpusFences, readManifest } from '../../../src/tools/diagram-corpus/corpus.ts';
import { chromiumSession } from './chromium-session.ts';

/** Corpus fences with author colours, and a colour each author set (as Chromium reports it). */
const CASES = [
  { file: 'mermaid/jaegertracing-jaeger--remotesampling-readme.md', index: 1, author: 'rgb(0, 0, 255)' },
  { file: 'mermaid/openshift-enhancements--performanceprofilecontroller-node-tuning.md', index: 1, author: 'rgb(204, 153, 102)' },
  { file: 'mermaid/openshift-enhancements--must-gather-operator.md', index: 1, author: 'rgb(236, 248, 255)' },
] as const;

/** The site's diagram variables exactly as its stylesheet declares them (light-dark pairs). */
function siteVariables(): string {
  const css = readFileSync('src/styles/global.css', 'utf8');
  return [...css.matchAll(/--cb-diagram-[a-z]+:\s*light-dark\([^;]*\);/g)].map((m) => m[0]).join('');
}

type Rgb = [number, number, number];
const rgb = (css: string): Rgb => {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/.exec(css);
  if (!m) throw new Error(`unexpected colour ${css}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
};
function contrast(a: Rgb, b: Rgb): number {
  const lum = (c: Rgb) =>
    c.map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4)).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i]!, 0);
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

interface Seen {
  canvas: string;
  /** Computed fill of every label, most frequent first. */
  labels: string[];
  /** Every computed fill of a shape. */
  shapes: string[];
}

const { dir, pool, browser } = chromiumSession('mermaid-schemes');
const mermaid = createMermaidRenderer({ store: new RenderStore(dir), pool });

describe('real diagrams in both colour schemes (Chromium)', () => {
  const fences = corpusFences(readManifest());
  it.each(CASES)('$file fence $index: theme colours follow the scheme, the author\'s stay', async ({ file, index, author }) => {
    const fence = fences.find((f) => f.file.file === file && f.index === index);
    expect(fence, file).toBeDefined();
    const out = await mermaid.render(normaliseSource(fence!.body));
    const shipped = processSvg(out.svg, { name: 'scheme', file });
    const page = await browser().newPage({ viewport: { width: 1400, height: 1000 } });
    const html = `<!doctype html><html><head><meta charset="utf-8"><style>:root{color-scheme:light dark;${siteVariables()}}` +
      `.canvas{background:var(--cb-diagram-bg)}</style></head><body><div class="canvas">${shipped.svg}</div></body></html>`;
    const seen: Partial<Record<'light' | 'dark', Seen>> = {};
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setContent(html);
      seen[scheme] = await page.evaluate((): Seen => {
        const count = new Map<string, number>();
        for (const t of document.querySelectorAll('svg text, svg tspan')) {
          if ((t.textContent ?? '').trim() === '') continue;
          const fill = getComputedStyle(t).fill;
          count.set(fill, (count.get(fill) ?? 0) + 1);
        }
        return {
          canvas: getComputedStyle(document.querySelector('.canvas')!).backgroundColor,
          labels: [...count].sort((a, b) => b[1] - a[1]).map(([fill]) => fill),
          shapes: [...document.querySelectorAll('svg rect, svg path, svg polygon, svg circle')].map((e) => getComputedStyle(e).fill),
        };
      });
    }
    await page.close();
    const { light, dark } = seen as Record<'light' | 'dark', Seen>;
    expect(light.canvas).not.toBe(dark.canvas);
    // The labels in the theme's colour (the most frequent one) change with the scheme and
    // read at 4.5:1 against the canvas in both.
    expect(light.labels[0]).not.toBe(dark.labels[0]);
    for (const s of [light, dark]) expect(contrast(rgb(s.labels[0]!), rgb(s.canvas)), JSON.stringify(s.labels)).toBeGreaterThanOrEqual(4.5);
    // The author's colour is painted, and the same in both schemes.
    expect(light.shapes).toContain(author);
    expect(dark.shapes).toContain(author);
    expect(light.shapes.filter((f) => f === author).length).toBe(dark.shapes.filter((f) => f === author).length);
  }, 60_000);
});

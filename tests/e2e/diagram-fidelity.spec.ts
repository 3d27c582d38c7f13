/**
 * What the visitor sees is what was checked: every shipped diagram, as the inline figure of
 * the built case-study page (the site's CSS, the page's fonts and colours around it), in the
 * light and the dark colour scheme, against its source file drawn with that scheme's
 * `--cb-diagram-*` values at the same width. The unit tests compare the pipeline's markup in
 * a bare shell (fidelity.test.ts) and in the site's stylesheets (real-exports.test.ts); this
 * one looks at the page a visitor gets.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DARK_PALETTE, LIGHT_PALETTE, paletteDeclarations } from '../../src/lib/diagrams/theme.ts';
import { comparePngs, sourceRoot } from '../../src/tools/diagrams-report/pixels.ts';
import { published } from '../support/content.ts';

/** The bar: at most 1% of the pixels may differ (pixelmatch, anti-aliasing aside). */
const MAX_PIXEL_RATIO = 0.01;
const OUT = join(process.cwd(), 'test-results', 'diagram-fidelity-page');
const DIAGRAMS = join(process.cwd(), 'diagrams');

/** Each hand-drawn diagram once, with the first published case study that shows it. */
const shown = new Map<string, string>();
for (const study of published()) {
  for (const m of study.body.matchAll(/<Diagram\s+name="([^"]+)"/g)) {
    const name = m[1]!;
    if (!shown.has(name)) shown.set(name, study.slug);
  }
}

/**
 * The source file as its author drew it, at `width` CSS px, with one scheme's palette. The
 * figure sits at a fractional position in the page (y = 202.66 px, say); drawn half a pixel
 * off, every edge anti-aliases differently, so the source is placed at the same fraction.
 */
function reference(source: string, box: { x: number; y: number; width: number }, scheme: 'light' | 'dark'): string {
  const { width } = box;
  const frac = (n: number): number => n - Math.floor(n);
  const palette = scheme === 'dark' ? DARK_PALETTE : LIGHT_PALETTE;
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    :root{color-scheme:${scheme};${paletteDeclarations(palette)}}
    html,body{margin:0;background:var(--cb-diagram-bg);color:var(--cb-diagram-fg)}
    #stage{position:absolute;left:${frac(box.x)}px;top:${frac(box.y)}px;width:${width}px}
    #stage>svg{display:block;width:${width}px;height:auto}
  </style></head><body><div id="stage">${sourceRoot(source)}</div></body></html>`;
}

test('there are diagrams in published case studies to check', () => {
  expect(shown.size).toBeGreaterThan(0);
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} scheme`, () => {
    test.use({ colorScheme: scheme, deviceScaleFactor: 1 });

    for (const [name, slug] of shown) {
      test(`${name} in case-studies/${slug}/ looks like its source`, async ({ page, context }) => {
        await page.goto(`case-studies/${slug}/`);
        await page.evaluate(() => document.fonts.ready);
        const svg = page.locator(`figure[data-diagram="${name}"] > .canvas > svg`).first();
        await svg.scrollIntoViewIfNeeded();
        const box = await svg.boundingBox();
        expect(box?.width ?? 0).toBeGreaterThan(0);
        const shownPng = await svg.screenshot({ animations: 'disabled' });

        const source = readFileSync(join(DIAGRAMS, `${name}.svg`), 'utf8');
        const drawn = await context.newPage();
        const draw = async (as: 'light' | 'dark'): Promise<Buffer> => {
          await drawn.setContent(reference(source, box ?? { x: 0, y: 0, width: 0 }, as), { waitUntil: 'load' });
          await drawn.evaluate(() => document.fonts.ready);
          return drawn.locator('#stage > svg').screenshot({ animations: 'disabled' });
        };
        const sourcePng = await draw(scheme);
        // Control: these diagrams draw with the site's variables, so the other scheme's
        // colours must look clearly different (the check can see a theme that did not switch).
        const otherPng = await draw(scheme === 'dark' ? 'light' : 'dark');
        await drawn.close();
        if (/var\(--cb-diagram-/.test(source)) expect(comparePngs(otherPng, shownPng).ratio).toBeGreaterThan(MAX_PIXEL_RATIO);

        const diff = comparePngs(sourcePng, shownPng);
        if (diff.ratio > MAX_PIXEL_RATIO) {
          mkdirSync(OUT, { recursive: true });
          writeFileSync(join(OUT, `${name}-${scheme}-source.png`), sourcePng);
          writeFileSync(join(OUT, `${name}-${scheme}-page.png`), shownPng);
          writeFileSync(join(OUT, `${name}-${scheme}-diff.png`), diff.diffPng);
        }
        expect(diff.ratio, `${diff.differing} of ${diff.width}x${diff.height} pixels differ (see ${OUT})`).toBeLessThanOrEqual(MAX_PIXEL_RATIO);
      });
    }
  });
}

/**
 * Optimisation must not change what a diagram looks like.
 *
 * For every diagram in diagrams/ (and the editor-export fixtures), chromium renders the
 * original SVG and the pipeline's inline SVG in the same page shell (same width, same
 * --cb-diagram-* values, light and dark), and the screenshots must match within a small
 * tolerance (anti-aliasing from rounded coordinates). On failure the diff image is written
 * to test-results/diagram-fidelity/.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineSvg } from '../../../src/lib/diagrams/inline.ts';
import { processSvg } from '../../../src/lib/diagrams/pipeline.ts';
import { DARK_PALETTE, LIGHT_PALETTE, paletteDeclarations, type Palette } from '../../../src/lib/diagrams/theme.ts';
import { chromiumArgs, chromiumExecutablePath } from '../../support/chromium.ts';
import { comparePngs } from './pixels.ts';
import { FIXTURES } from './support.ts';

/**
 * At most this many pixels may differ beyond pixelmatch's colour threshold (its
 * anti-aliasing detection already ignores edge noise from rounded coordinates). An absolute
 * count, not a share: one missing label is ~0.1% of a large diagram but ~300 pixels.
 */
const TOLERANCE = 50;
const STAGE_WIDTH = 800;
const DIAGRAMS = join(process.cwd(), 'diagrams');
const OUT = join(process.cwd(), 'test-results', 'diagram-fidelity');

const cases: { name: string; file: string }[] = [
  ...readdirSync(DIAGRAMS).filter((f) => f.endsWith('.svg')).map((f) => ({ name: f.slice(0, -4), file: join(DIAGRAMS, f) })),
  ...['inkscape-export.svg', 'shared-ids-a.svg', 'themed.svg'].map((f) => ({ name: `fixture-${f.slice(0, -4)}`, file: join(FIXTURES, f) })),
];

function shell(svg: string, palette: Palette): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    :root{${paletteDeclarations(palette)}}
    html,body{margin:0;background:var(--cb-diagram-bg);color:var(--cb-diagram-fg)}
    #stage{width:${STAGE_WIDTH}px}
    #stage>svg{display:block;width:${STAGE_WIDTH}px;height:auto}
  </style></head><body><div id="stage">${svg}</div></body></html>`;
}

async function render(page: Page, svg: string, palette: Palette): Promise<Buffer> {
  await page.setContent(shell(svg, palette), { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  return page.locator('#stage').screenshot({ animations: 'disabled' });
}

let browser: Browser;
let page: Page;

beforeAll(async () => {
  const executablePath = chromiumExecutablePath();
  browser = await chromium.launch({ args: chromiumArgs, ...(executablePath ? { executablePath } : {}) });
  page = await browser.newPage({ viewport: { width: STAGE_WIDTH, height: 600 }, deviceScaleFactor: 1 });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('optimised diagrams look like the originals', () => {
  it('has example diagrams to check', () => {
    expect(cases.length).toBeGreaterThanOrEqual(6);
  });

  it('notices a real change (control: one label dropped)', async () => {
    const source = readFileSync(join(FIXTURES, 'inkscape-export.svg'), 'utf8');
    const diagram = processSvg(source, { name: 'control', file: 'control.svg' });
    const altered = { ...diagram, svg: diagram.svg.replace(/<text\b[^>]*>.*?<\/text>/, '') };
    const before = await render(page, source, LIGHT_PALETTE);
    const after = await render(page, inlineSvg(altered), LIGHT_PALETTE);
    const diff = comparePngs(before, after);
    if (process.env.CASEBOOK_FIDELITY_LOG) console.log(`control: ${diff.differing} px (${(diff.ratio * 100).toFixed(3)}%)`);
    expect(diff.differing).toBeGreaterThan(TOLERANCE);
  });

  for (const { name, file } of cases) {
    for (const [scheme, palette] of [['light', LIGHT_PALETTE], ['dark', DARK_PALETTE]] as const) {
      it(`${name} (${scheme})`, async () => {
        const source = readFileSync(file, 'utf8');
        const diagram = processSvg(source, { name: name.replace(/^fixture-/, ''), file });
        const before = await render(page, source, palette);
        const after = await render(page, inlineSvg(diagram, { caption: name }), palette);
        const diff = comparePngs(before, after);
        if (diff.differing > TOLERANCE) {
          mkdirSync(OUT, { recursive: true });
          writeFileSync(join(OUT, `${name}-${scheme}-before.png`), before);
          writeFileSync(join(OUT, `${name}-${scheme}-after.png`), after);
          writeFileSync(join(OUT, `${name}-${scheme}-diff.png`), diff.diffPng);
        }
        if (process.env.CASEBOOK_FIDELITY_LOG) console.log(`${name} ${scheme}: ${diff.differing} px (${(diff.ratio * 100).toFixed(3)}%)`);
        expect(diff.differing, `${diff.differing} of ${diff.width}x${diff.height} pixels differ (see ${OUT})`).toBeLessThanOrEqual(TOLERANCE);
      });
    }
  }
});

/**
 * An inline diagram sits in the page's text settings; its text must still get the values a
 * standalone file has (the initial ones), or text with no font of its own changes size and
 * face. Seen on a real hand-written file (whatwg/html ircfog-modules.svg: `<text>` with no
 * font-size came out at body's 17px, 2.4% of its pixels off) and on BIP 2's process.svg
 * (no font-family: the site's sans instead of the default serif, 1.9%).
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteCss } from '../../../src/tools/diagrams-report/corpus.ts';
import { diagramFigure } from '../../../src/lib/diagrams/figure.ts';
import { processSvg } from '../../../src/lib/diagrams/pipeline.ts';
import { chromiumArgs, chromiumExecutablePath } from '../../support/chromium.ts';

const SOURCE = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 60">
  <text x="10" y="30">No font of its own</text>
  <foreignObject x="10" y="35" width="180" height="20"><div xmlns="http://www.w3.org/1999/xhtml">HTML label</div></foreignObject>
</svg>`;

/** The text properties a page passes down that a standalone file does not have. */
const PROPS = ['font-family', 'font-size', 'font-weight', 'font-style', 'line-height', 'letter-spacing', 'word-spacing', 'text-rendering', 'text-transform', 'text-indent', 'white-space'] as const;

type Styles = Record<string, { text: Record<string, string>; label: Record<string, string> }>;

async function computed(page: Page, where: string): Promise<Styles[string]> {
  return page.evaluate(({ where, props }) => {
    const root = where === 'document' ? document.documentElement : document.querySelector('figure .canvas > svg');
    const pick = (el: Element | null | undefined): Record<string, string> => {
      if (!el) throw new Error('element not found');
      const cs = getComputedStyle(el);
      return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
    };
    return { text: pick(root?.querySelector('text')), label: pick(root?.querySelector('foreignObject div')) };
  }, { where, props: [...PROPS] });
}

let browser: Browser;
let documentPage: Page;
let page: Page;

beforeAll(async () => {
  const executablePath = chromiumExecutablePath();
  browser = await chromium.launch({ args: chromiumArgs, ...(executablePath ? { executablePath } : {}) });
  // Separate pages: one that has shown an SVG document cannot become HTML.
  documentPage = await browser.newPage({ deviceScaleFactor: 1 });
  page = await browser.newPage({ deviceScaleFactor: 1 });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('the site CSS around an inline diagram', () => {
  it('gives its text the standalone file\'s initial font, size, line-height and spacing', async () => {
    const diagram = processSvg(SOURCE, { name: 'inherit-check', file: 'diagrams/inherit-check.svg' });
    await documentPage.goto(`data:image/svg+xml,${encodeURIComponent(SOURCE)}`);
    const standalone = await computed(documentPage, 'document');

    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${siteCss()}</style></head>
      <body><main><p id="prose">prose</p>${diagramFigure({ diagram, base: '/', caption: 'c' })}</main></body></html>`);
    const inline = await computed(page, 'inline');
    // Control: the page around it really does set other values.
    const prose = await page.evaluate(() => {
      const cs = getComputedStyle(document.getElementById('prose')!);
      return { size: cs.fontSize, lineHeight: cs.lineHeight, rendering: cs.textRendering };
    });
    expect(prose.size).not.toBe(standalone.text['font-size']);
    expect(prose.rendering).toBe('optimizelegibility');

    expect(inline.text).toEqual(standalone.text);
    expect(inline.label).toEqual(standalone.label);
  }, 60_000);
});

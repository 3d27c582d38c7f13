/**
 * Rendering a diagram's source and the pipeline's output the same way, for pixel checks.
 *
 * The source is what the author's tool showed: the original file opened on its own, at its
 * natural size. The pipeline's output is compared twice: the standalone file
 * (`/diagrams/<name>.svg`) opened the same way, and the inline figure inside a page. To
 * compare like with like, both are drawn at the diagram's natural width: a source with a
 * viewBox is scaled to it by CSS (its own `width="100%"` would otherwise follow the page), a
 * source without one already has that size.
 */
import type { Page } from '@playwright/test';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

export interface PixelDiff {
  width: number;
  height: number;
  differing: number;
  ratio: number;
  diffPng: Buffer;
}

/**
 * Differing pixels between two screenshots. Sizes may differ by one pixel (a height rounded
 * from a fractional viewBox); the common area is compared. Anything larger is a real change.
 */
export function comparePngs(before: Buffer, after: Buffer): PixelDiff {
  const a = PNG.sync.read(before);
  const b = PNG.sync.read(after);
  if (Math.abs(a.width - b.width) > 1 || Math.abs(a.height - b.height) > 1) {
    throw new Error(`screenshots differ in size: ${a.width}x${a.height} before, ${b.width}x${b.height} after`);
  }
  const width = Math.min(a.width, b.width);
  const height = Math.min(a.height, b.height);
  const crop = (p: PNG): Buffer => {
    if (p.width === width && p.height === height) return p.data;
    const out = Buffer.alloc(width * height * 4);
    for (let y = 0; y < height; y++) p.data.copy(out, y * width * 4, y * p.width * 4, y * p.width * 4 + width * 4);
    return out;
  };
  const diff = new PNG({ width, height });
  const differing = pixelmatch(crop(a), crop(b), diff.data, width, height, { threshold: 0.1 });
  return { width, height, differing, ratio: differing / (width * height), diffPng: PNG.sync.write(diff) };
}

export const hasViewBox = (svg: string): boolean => /^[^>]*\sviewBox\s*=/.test(svg.slice(svg.search(/<svg\b/i)));

/** The source file's markup from its root element on (no XML declaration or DOCTYPE). */
export function sourceRoot(source: string): string {
  const at = source.search(/<svg[\s>]/i);
  return at >= 0 ? source.slice(at) : source;
}

/** A document holding one SVG at `width` CSS px (scaled by CSS only when it has a viewBox). */
export function stage(svg: string, width: number, head = ''): string {
  const size = hasViewBox(svg) ? `width:${width}px;height:auto` : '';
  return `<!doctype html><html><head><meta charset="utf-8">${head}<style>
    html,body{margin:0;background:#fff}
    #stage{width:${width}px}
    #stage>svg{display:block;${size}}
  </style></head><body><div id="stage">${svg}</div></body></html>`;
}

export async function shoot(page: Page, html: string): Promise<Buffer> {
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  return page.locator('#stage > svg').screenshot({ animations: 'disabled' });
}

/**
 * An SVG opened as a document of its own (as the "View diagram" link or the author's viewer
 * opens it) in a viewport of the diagram's natural size. Nothing outside loads: any request
 * but the file itself is refused, as it would fail on a visitor's machine offline.
 */
export async function shootDocument(page: Page, svg: string, width: number, height: number): Promise<Buffer> {
  const url = 'http://diagram.invalid/diagram.svg';
  await page.setViewportSize({ width: Math.ceil(width), height: Math.ceil(height) });
  await page.route('**/*', (route) =>
    route.request().url() === url
      ? route.fulfill({ status: 200, contentType: 'image/svg+xml', body: svg })
      : route.abort());
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    return await page.screenshot({ animations: 'disabled' });
  } finally {
    await page.unroute('**/*');
  }
}

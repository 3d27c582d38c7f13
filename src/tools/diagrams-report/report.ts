/**
 * `npm run diagrams:report`: bytes and pixel differences over the real-exports corpus.
 *
 * For each file: input bytes, bytes after plain `svgo preset-default`, bytes after the
 * Casebook pipeline, and the share of pixels that differ from the source (standalone file,
 * and inline figure with the site's CSS). Then the median and total ratios. `--no-pixels`
 * skips Chromium (sizes only).
 */
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumExecutablePath } from '../../../tests/support/chromium.ts';
import { loadCorpus, measurePixels, measureSizes, median, siteCss, type PixelMeasure, type SizeMeasure } from './corpus.ts';

const pct = (r: number): string => `${(r * 100).toFixed(2)}%`;
const ratio = (a: number, b: number): string => (a / b).toFixed(2);

export async function diagramsReport(options: { pixels: boolean }): Promise<string> {
  const corpus = loadCorpus();
  const rows: { name: string; tool: string; size: SizeMeasure; pixels?: PixelMeasure }[] = [];
  const executablePath = chromiumExecutablePath();
  const browser = options.pixels ? await chromium.launch({ args: chromiumArgs, ...(executablePath ? { executablePath } : {}) }) : undefined;
  try {
    const context = await browser?.newContext({ deviceScaleFactor: 1, colorScheme: 'light' });
    const documentPage = await context?.newPage();
    const htmlPage = await context?.newPage();
    const css = siteCss();
    for (const entry of corpus) {
      const size = measureSizes(entry);
      const pixels = documentPage && htmlPage ? await measurePixels(documentPage, htmlPage, entry.source, size.diagram, css) : undefined;
      rows.push({ name: entry.file, tool: entry.tool, size, ...(pixels ? { pixels } : {}) });
    }
  } finally {
    await browser?.close();
  }
  const head = ['file', 'tool', 'input', 'svgo', 'Casebook', 'standalone diff', 'inline diff'];
  const body = rows.map(({ name, tool, size: s, pixels: p }) => [
    name, tool, `${s.bytesIn}`, `${s.plainSvgo} (${ratio(s.plainSvgo, s.bytesIn)})`, `${s.casebook} (${ratio(s.casebook, s.bytesIn)})`,
    p ? pct(p.standalone.ratio) : '-', p ? pct(p.inline.ratio) : '-',
  ]);
  const sum = (f: (s: SizeMeasure) => number) => rows.reduce((t, r) => t + f(r.size), 0);
  const totalIn = sum((s) => s.bytesIn);
  body.push([
    `total (${rows.length} files, ${new Set(rows.map((r) => r.tool)).size} tools)`, '', `${totalIn}`,
    `${sum((s) => s.plainSvgo)} (${ratio(sum((s) => s.plainSvgo), totalIn)})`, `${sum((s) => s.casebook)} (${ratio(sum((s) => s.casebook), totalIn)})`,
    options.pixels ? `max ${pct(Math.max(...rows.map((r) => r.pixels?.standalone.ratio ?? 0)))}` : '-',
    options.pixels ? `max ${pct(Math.max(...rows.map((r) => r.pixels?.inline.ratio ?? 0)))}` : '-',
  ]);
  body.push(['median ratio', '', '', median(rows.map((r) => r.size.plainSvgo / r.size.bytesIn)).toFixed(2), median(rows.map((r) => r.size.casebook / r.size.bytesIn)).toFixed(2), '', '']);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...body.map(line)].join('\n');
}

/**
 * Every page of the built site within the performance budget (src/tools/page-weight/budgets.ts):
 * HTML+CSS size, JavaScript shipped, render-blocking scripts, no web fonts.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { BUDGETS } from '../../src/tools/page-weight/budgets.ts';
import { measurePage } from '../../src/tools/page-weight/page-weight.ts';

const DIST = join(process.cwd(), 'dist');
const BASE = process.env.CASEBOOK_BASE ?? '/';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'pagefind' ? [] : htmlFiles(full);
    return e.name.endsWith('.html') ? [relative(DIST, full)] : [];
  });
}

test('every page is within the HTML+CSS, JavaScript and blocking-script budgets', () => {
  const pages = htmlFiles(DIST);
  expect(pages.length).toBeGreaterThan(10);
  const over: string[] = [];
  for (const file of pages) {
    const w = measurePage(DIST, file, BASE);
    const jsBudget = file.startsWith('search/') ? BUDGETS.searchPageJsBytes : BUDGETS.contentPageJsBytes;
    if (w.htmlCssGzipBytes > BUDGETS.htmlCssGzipBytes) over.push(`${file}: HTML+CSS ${w.htmlCssGzipBytes} B gzip > ${BUDGETS.htmlCssGzipBytes}`);
    if (w.jsBytes > jsBudget) over.push(`${file}: JS ${w.jsBytes} B > ${jsBudget}`);
    if (w.headBlockingScripts > BUDGETS.headBlockingScripts) over.push(`${file}: ${w.headBlockingScripts} blocking scripts in <head>`);
    if (w.webFonts > 0) over.push(`${file}: ${w.webFonts} @font-face rules (no web fonts on pages)`);
  }
  expect(over, over.join('\n')).toEqual([]);
});

/**
 * Look at the site as a visitor would: screenshots of pages at desktop and phone widths,
 * in light and dark, into a folder of PNGs.
 *
 *   npx tsx tests/support/screenshot.ts http://127.0.0.1:4321/ /tmp/shots / /case-studies/
 */
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumExecutablePath } from './chromium.ts';

const [origin = 'http://127.0.0.1:4321/', outDir = '/tmp/shots', ...pagePaths] = process.argv.slice(2);
const pages = pagePaths.length ? pagePaths : ['/'];
mkdirSync(outDir, { recursive: true });

const executablePath = chromiumExecutablePath();
const browser = await chromium.launch({ args: chromiumArgs, ...(executablePath ? { executablePath } : {}) });
const tall = Number(process.env.HEIGHT ?? 0);
const viewports = { desktop: { width: 1280, height: tall || 900 }, phone: { width: 390, height: tall || 844 } };
for (const [device, viewport] of Object.entries(viewports)) {
  for (const scheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
    const page = await context.newPage();
    for (const p of pages) {
      await page.goto(new URL(p.replace(/^\//, ''), origin).href, { waitUntil: 'networkidle' });
      const name = p.replace(/[^\w]+/g, '_').replace(/^_|_$/g, '') || 'home';
      await page.screenshot({ path: `${outDir}/${name}-${device}-${scheme}.png`, fullPage: process.env.FULL === '1' });
    }
    await context.close();
  }
}
await browser.close();
console.log(`screenshots in ${outDir}`);

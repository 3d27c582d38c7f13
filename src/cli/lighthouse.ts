/**
 * `npm run lighthouse`: Lighthouse's four scores (performance, accessibility, best practices,
 * SEO) for the built site, on mobile and desktop, for the home page, a case study, the
 * architecture page, a tag page and search. Serves dist/ as a static host would
 * (src/tools/lighthouse/static-server.ts), drives Chromium
 * through chrome-launcher, prints a Markdown table and writes .casebook/lighthouse/latest.json.
 *
 * A measurement, not a test: performance depends on how busy the machine is, so it always
 * exits 0 once it has measured. Build first (`npm run build`).
 * Options: --port <n> (default 4590, or CASEBOOK_LIGHTHOUSE_PORT), --only <page name>.
 * Chromium: CHROME_PATH, else CASEBOOK_CHROMIUM, else /usr/bin/chromium.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { siteConfig } from '../site.config.ts';
import { joinBase } from '../lib/urls.ts';
import { serveStatic } from '../tools/lighthouse/static-server.ts';
import { CATEGORIES, pagesToMeasure, scoreTable, type FormFactor, type Score } from '../tools/lighthouse/report.ts';

const { values } = parseArgs({
  options: { port: { type: 'string' }, only: { type: 'string' } },
});
const root = process.cwd();
const dist = path.join(root, 'dist');
const port = Number(values.port ?? process.env.CASEBOOK_LIGHTHOUSE_PORT ?? 4590);
const chromePath = process.env.CHROME_PATH ?? process.env.CASEBOOK_CHROMIUM ?? '/usr/bin/chromium';

async function main(): Promise<number> {
  if (!existsSync(path.join(dist, 'index.html'))) {
    console.error('lighthouse: no built site in dist/ (run `npm run build` first)');
    return 1;
  }
  const origin = `http://127.0.0.1:${port}`;
  const server = await serveStatic(dist, siteConfig.base, port);
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const scores: Score[] = [];
  try {
    const pages = pagesToMeasure(dist).filter((p) => !values.only || p.name === values.only);
    for (const formFactor of ['mobile', 'desktop'] as FormFactor[]) {
      for (const p of pages) {
        const url = `${origin}${joinBase(siteConfig.base, p.path)}`;
        const result = await lighthouse(
          url,
          { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
          formFactor === 'desktop' ? desktopConfig : undefined,
        );
        const categories = result?.lhr.categories ?? {};
        const row = Object.fromEntries(CATEGORIES.map((c) => [c, categories[c]?.score ?? null])) as Score['scores'];
        const audits = result?.lhr.audits ?? {};
        const metrics = Object.fromEntries(
          ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'].map((id) => [id, audits[id]?.displayValue ?? '']),
        );
        scores.push({ page: p.name, path: p.path, formFactor, scores: row, metrics });
        console.error(`lighthouse: ${p.name} ${formFactor} measured`);
      }
    }
  } finally {
    await chrome.kill();
    server.close();
  }
  console.log(scoreTable(scores));
  const out = path.join(root, '.casebook', 'lighthouse');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'latest.json'), `${JSON.stringify({ measuredAt: new Date().toISOString(), scores }, null, 2)}\n`);
  return 0;
}

process.exitCode = await main();

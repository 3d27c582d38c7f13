/**
 * `npm run check:links`: checks the built site in dist/ offline (see src/tools/links/check-site.ts)
 * and exits 1 with `page -> target (reason)` lines when anything is broken.
 *
 * Options:
 *   --dir <dist>        the built site (default dist)
 *   --base </repo/>     base path (default: src/site.config.ts, i.e. CASEBOOK_BASE or "/")
 *   --site <url>        site URL (default: src/site.config.ts, i.e. CASEBOOK_SITE)
 *   --external          also check links to other sites (cached in .casebook/link-cache.json)
 *   --external-fail     ...and exit 1 when one of them is broken (default: warnings only)
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { siteConfig } from '../site.config.ts';
import { checkSite } from '../tools/links/check-site.ts';
import { checkExternalLinks } from '../tools/links/external.ts';
import { formatBrokenLinks } from '../tools/links/report.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    base: { type: 'string', default: siteConfig.base },
    site: { type: 'string', default: siteConfig.url },
    external: { type: 'boolean', default: false },
    'external-fail': { type: 'boolean', default: false },
  },
});

async function main(): Promise<number> {
  const distDir = path.resolve(values.dir);
  if (!(await stat(distDir).catch(() => undefined))?.isDirectory()) {
    console.error(`check:links: found no folder ${values.dir}/, expected a built site: run \`npm run build\` first.`);
    return 1;
  }
  const started = performance.now();
  const result = await checkSite({ distDir, base: values.base, siteUrl: values.site });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  let failed = false;
  if (result.broken.length > 0) {
    console.error(formatBrokenLinks(result.broken));
    console.error(
      `\n${result.broken.length} broken link${result.broken.length === 1 ? '' : 's'} in ${values.dir}/ (${result.pages} pages, ${result.checked} links checked in ${seconds} s).`,
    );
    failed = true;
  } else {
    console.log(`Links OK: ${result.pages} pages, ${result.checked} links checked in ${seconds} s (base ${values.base}).`);
  }

  if (values.external || values['external-fail']) {
    const urls = [...result.external.keys()];
    console.log(`Checking ${urls.length} external links...`);
    const external = await checkExternalLinks(urls, { cacheFile: path.resolve('.casebook/link-cache.json') });
    const bad = external.filter((r) => !r.ok);
    for (const r of bad) {
      for (const page of result.external.get(r.url) ?? []) console.warn(`${page} -> ${r.url} (${r.reason})`);
    }
    const cached = external.filter((r) => r.cached).length;
    console.log(`External: ${external.length - bad.length} OK, ${bad.length} broken (${cached} answers from the cache).`);
    if (bad.length > 0 && values['external-fail']) failed = true;
    else if (bad.length > 0) console.log('External failures are warnings; pass --external-fail to fail on them.');
  }
  return failed ? 1 : 0;
}

process.exitCode = await main();

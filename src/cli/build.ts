/**
 * `npm run build`: validates the content, builds the site with Astro into a temporary folder,
 * and swaps it into dist/ only when everything succeeded.
 *
 * The log fits a screen: the validation result, the diagram report (summarised when long),
 * warnings an author can act on, and one closing line with the page count and the time.
 * Astro's own progress lines (one per page) appear with --verbose, which also prints the
 * full diagram report.
 *
 * Every failure ends with a short explanation and exit code 1, never a stack trace (set
 * CASEBOOK_DEBUG=1 for one); the previous dist/ is left as it was.
 * Options: --out-dir <dir> (default dist), --skip-validate, --verbose.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'astro';
import { addSpan, formatPhases, phaseRecord } from '../lib/build-phases.ts';
import { closeBrowsers } from '../lib/diagrams/text/browser.ts';
import { quietStackTraces } from '../tools/build/quiet-stack-traces.ts';
import { safeBuild } from '../tools/build/safe-build.ts';
import { formatBuildError } from '../tools/validation/build-error.ts';
import { runValidation } from '../tools/validation/run-validation.ts';

const { values } = parseArgs({
  options: {
    'out-dir': { type: 'string', default: 'dist' },
    'skip-validate': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});
const root = process.cwd();
const outDir = values['out-dir'];
const verbose = values.verbose === true;
const kept = `${outDir}/ was not changed.`;
// Read by the diagram report (src/lib/diagrams/report.ts), which runs inside this process.
if (verbose) process.env.CASEBOOK_VERBOSE = '1';

/** HTML pages in the built folder. */
async function countPages(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).length;
}

async function main(): Promise<number> {
  const started = performance.now();
  if (!values['skip-validate'] && !(await runValidation({ root }))) {
    console.error(`\nBuild stopped: fix the problems above. ${kept}`);
    return 1;
  }
  if (!values['skip-validate']) addSpan('validation', performance.now() - started);
  const restoreOutput = quietStackTraces();
  try {
    await safeBuild({ root, outDir, build: (tempOutDir) => build({ root, outDir: tempOutDir, logLevel: verbose ? 'info' : 'warn' }) });
  } catch (error) {
    restoreOutput();
    console.error(`\nBuild failed:\n${formatBuildError(error, root)}\n\n${kept}`);
    return 1;
  } finally {
    restoreOutput();
  }
  const pages = await countPages(path.resolve(root, outDir));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\nBuilt ${outDir}/: ${pages} pages in ${seconds} s.`);
  if (verbose) console.log(`Time by phase: ${formatPhases(phaseRecord())}.`);
  return 0;
}

try {
  process.exitCode = await main();
} finally {
  // The browser that rendered uncached Mermaid fences (validation and build share it).
  await closeBrowsers();
}

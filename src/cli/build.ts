/**
 * `npm run build`: validates the content, builds the site with Astro into a temporary folder,
 * and swaps it into dist/ only when everything succeeded.
 *
 * Every failure ends with a short explanation and exit code 1, never a stack trace (set
 * CASEBOOK_DEBUG=1 for one); the previous dist/ is left as it was.
 * Options: --out-dir <dir> (default dist), --skip-validate.
 */
import { parseArgs } from 'node:util';
import { build } from 'astro';
import { closeBrowsers } from '../lib/diagrams/text/browser.ts';
import { quietStackTraces } from '../tools/build/quiet-stack-traces.ts';
import { safeBuild } from '../tools/build/safe-build.ts';
import { formatBuildError } from '../tools/validation/build-error.ts';
import { runValidation } from '../tools/validation/run-validation.ts';

const { values } = parseArgs({
  options: { 'out-dir': { type: 'string', default: 'dist' }, 'skip-validate': { type: 'boolean', default: false } },
});
const root = process.cwd();
const outDir = values['out-dir'];
const kept = `${outDir}/ was not changed.`;

async function main(): Promise<number> {
  if (!values['skip-validate'] && !(await runValidation({ root }))) {
    console.error(`\nBuild stopped: fix the problems above. ${kept}`);
    return 1;
  }
  const restoreOutput = quietStackTraces();
  try {
    await safeBuild({ root, outDir, build: (tempOutDir) => build({ root, outDir: tempOutDir }) });
  } catch (error) {
    restoreOutput();
    console.error(`\nBuild failed:\n${formatBuildError(error, root)}\n\n${kept}`);
    return 1;
  } finally {
    restoreOutput();
  }
  console.log(`\nBuilt ${outDir}/.`);
  return 0;
}

try {
  process.exitCode = await main();
} finally {
  // The browser that rendered uncached Mermaid fences (validation and build share it).
  await closeBrowsers();
}

/**
 * `npm run build`: validates the content and builds the site with Astro into a temporary
 * folder at the same time (validation on a worker thread, so both cores work), and swaps the
 * result into dist/ only when both succeeded.
 *
 * The log fits a screen: the validation result, the diagram report (summarised when long),
 * warnings an author can act on, and one closing line with the page count and the time.
 * Astro's own progress lines (one per page) appear with --verbose, which also prints the
 * full diagram report and the time each build phase took (src/lib/build-phases.ts).
 *
 * A validation failure is reported as soon as it is known and stops the build there; dist/ is
 * never touched. When the content is invalid and Astro also failed, the validator's report is
 * what is shown (it names file, line and field). Every failure ends with a short explanation
 * and exit code 1, never a stack trace (set CASEBOOK_DEBUG=1 for one); the previous dist/ is
 * left as it was.
 * Options: --out-dir <dir> (default dist), --skip-validate, --verbose.
 */
import { rmSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'astro';
import { addSpan, formatPhases, phaseRecord } from '../lib/build-phases.ts';
import { closeBrowsers } from '../lib/diagrams/text/browser.ts';
import { uncachedMermaid } from '../tools/build/mermaid-precheck.ts';
import { quietStackTraces } from '../tools/build/quiet-stack-traces.ts';
import { safeBuild } from '../tools/build/safe-build.ts';
import { printOutcome, validateInBackground, type ValidationOutcome } from '../tools/validation/background-validation.ts';
import { formatBuildError } from '../tools/validation/build-error.ts';
import { createOutcomeCache } from '../tools/validation/result-cache.ts';
import { MDX_COMPONENT_NAMES } from '../components/mdx/names.ts';

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

class ValidationFailed extends Error {}

async function main(): Promise<number> {
  const started = performance.now();
  // A Mermaid fence that is not in the render cache needs the browser. Validating alongside
  // the build would render it twice at once (two browsers, two writers of one cache entry),
  // so then the validator goes first and fills the cache, and the build only reads it.
  // (Read without a Markdown parse when the files allow it: src/tools/build/mermaid-precheck.ts.)
  const uncached = values['skip-validate'] ? [] : uncachedMermaid(root).uncached;
  // Nothing the validator reads changed since a passing run: its verdict stands, and no
  // worker starts (src/tools/validation/result-cache.ts).
  const verdicts = values['skip-validate'] ? undefined : createOutcomeCache({ root, componentNames: MDX_COMPONENT_NAMES });
  const remembered = verdicts?.get();
  const validation: Promise<ValidationOutcome> = !verdicts
    ? Promise.resolve({ ok: true, lines: [] })
    : remembered
      ? Promise.resolve(remembered).then((outcome) => {
          addSpan('validation (unchanged, verdict reused)', performance.now() - started);
          printOutcome(outcome);
          return outcome;
        })
      : validateInBackground(root).then((outcome) => {
          addSpan('validation (alongside the build)', performance.now() - started);
          verdicts.set(outcome);
          printOutcome(outcome);
          return outcome;
        });
  if (uncached.length > 0) {
    console.log(`${uncached.length} Mermaid diagram(s) not rendered yet (first: ${uncached[0]!.file}:${uncached[0]!.line}): validating and rendering them before the build.`);
    if (!(await validation).ok) {
      console.error(`\nBuild stopped: fix the problems above. ${kept}`);
      return 1;
    }
  }
  let tempDir: string | undefined;
  const restoreOutput = quietStackTraces();
  try {
    await safeBuild({
      root,
      outDir,
      build: async (tempOutDir) => {
        tempDir = tempOutDir;
        const astro = build({ root, outDir: tempOutDir, logLevel: verbose ? 'info' : 'warn' }).then(
          () => undefined,
          (error: unknown) => ({ error }),
        );
        // Stop on the first validation failure, whatever Astro is doing.
        const stopped = validation.then((outcome) => {
          if (!outcome.ok) throw new ValidationFailed();
        });
        const failed = await Promise.race([stopped.then(() => astro), astro]);
        // Astro failed first: wait for the verdict, whose report says more than Astro's error.
        await stopped;
        if (failed) throw failed.error;
      },
    });
  } catch (error) {
    restoreOutput();
    if (error instanceof ValidationFailed) {
      console.error(`\nBuild stopped: fix the problems above. ${kept}`);
      await Promise.race([closeBrowsers(), new Promise((resolve) => setTimeout(resolve, 3000))]);
      // Astro may still be writing into the temporary folder: remove it and leave at once,
      // synchronously, so no more of the build runs.
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
      process.exit(1);
    }
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
  // The browser that rendered uncached Mermaid fences for the build (the validation worker
  // closes its own).
  await closeBrowsers();
}

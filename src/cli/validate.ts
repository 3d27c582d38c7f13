/**
 * `npm run validate`: checks every case study and prints all problems, or "N case studies OK".
 *
 * Exit code 0 when there is nothing to fix, 1 otherwise. `npm run build` runs the same check
 * first (see build.ts).
 */
import { closeBrowsers } from '../lib/diagrams/text/browser.ts';
import { runValidation } from '../tools/validation/run-validation.ts';

try {
  process.exitCode = (await runValidation({ root: process.cwd() })) ? 0 : 1;
} finally {
  await closeBrowsers();
}

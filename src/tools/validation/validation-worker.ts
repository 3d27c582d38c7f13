/**
 * Worker-thread entry for background-validation.ts: validates the project in `workerData.root`
 * and posts the printed lines and the verdict back. Runs with the parent's loader (tsx), which
 * worker threads inherit through execArgv.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { closeBrowsers } from '../../lib/diagrams/text/browser.ts';
import { runValidation } from './run-validation.ts';
import type { ValidationOutcome } from './background-validation.ts';

const { root } = workerData as { root: string };
const lines: ValidationOutcome['lines'] = [];
const ok = await runValidation({
  root,
  log: (text) => lines.push({ stream: 'out', text }),
  error: (text) => lines.push({ stream: 'err', text }),
});
// This thread's own headless Chromium (if an uncached Mermaid fence started one).
await closeBrowsers();
parentPort?.postMessage({ ok, lines } satisfies ValidationOutcome);

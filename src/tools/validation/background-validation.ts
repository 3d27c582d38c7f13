/**
 * Validation on a second core while Astro builds: `npm run build` starts this, builds into a
 * temporary folder at the same time, and swaps the result into dist/ only if validation passed
 * (src/cli/build.ts), so a validation failure still leaves dist/ untouched.
 *
 * The validator runs in a worker thread (validation-worker.ts). If the worker cannot start or
 * dies, validation runs on this thread instead: slower, same verdict, never skipped.
 */
import { Worker } from 'node:worker_threads';
import { runValidation } from './run-validation.ts';

export interface ValidationOutcome {
  ok: boolean;
  /** What the validator printed, in order: the report of problems or the one-line OK. */
  lines: { stream: 'out' | 'err'; text: string }[];
}

/** Runs the validator on this thread, collecting its output. */
export async function validateHere(root: string): Promise<ValidationOutcome> {
  const lines: ValidationOutcome['lines'] = [];
  const ok = await runValidation({
    root,
    log: (text) => lines.push({ stream: 'out', text }),
    error: (text) => lines.push({ stream: 'err', text }),
  });
  return { ok, lines };
}

function isOutcome(value: unknown): value is ValidationOutcome {
  return typeof value === 'object' && value !== null && typeof (value as ValidationOutcome).ok === 'boolean' &&
    Array.isArray((value as ValidationOutcome).lines);
}

/** Validates `root` on a worker thread (falling back to this thread). Never rejects for bad content. */
export function validateInBackground(root: string, script: URL = new URL('./validation-worker.ts', import.meta.url)): Promise<ValidationOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const fallBack = () => {
      if (settled) return;
      settled = true;
      resolve(validateHere(root));
    };
    let worker: Worker;
    try {
      worker = new Worker(script, { workerData: { root } });
    } catch {
      fallBack();
      return;
    }
    worker.once('message', (message: unknown) => {
      if (settled) return;
      if (!isOutcome(message)) return fallBack();
      settled = true;
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', fallBack);
    worker.once('exit', fallBack);
  });
}

/** Prints an outcome's lines to stdout/stderr as the validator would have. */
export function printOutcome(outcome: ValidationOutcome): void {
  for (const { stream, text } of outcome.lines) (stream === 'out' ? console.log : console.error)(text);
}

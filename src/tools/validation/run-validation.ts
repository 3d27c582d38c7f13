/**
 * Runs the content validator and prints its report; shared by `npm run validate` and the build.
 */
import { formatProblem, formatReport, isWarning, sortProblems } from './problem.ts';
import { validateContent } from './validate-content.ts';

export interface RunValidationOptions {
  root: string;
  log?: (line: string) => void;
  error?: (line: string) => void;
}

/** Prints problems (to stderr) or a one-line OK; returns whether the content is valid. */
export async function runValidation({ root, log = console.log, error = console.error }: RunValidationOptions): Promise<boolean> {
  const { files, problems } = await validateContent({ root });
  if (problems.some((p) => !isWarning(p))) {
    error(formatReport(problems));
    return false;
  }
  // Warnings only: printed with file:line, and the content is valid.
  for (const p of sortProblems(problems)) error(formatProblem(p));
  const warned = problems.length ? ` (${problems.length} warning${problems.length === 1 ? '' : 's'} above)` : '';
  log(`Content OK: ${files.length} case ${files.length === 1 ? 'study' : 'studies'} checked${warned}.`);
  return true;
}

/**
 * Runs the content validator and prints its report; shared by `npm run validate` and the build.
 */
import { formatReport } from './problem.ts';
import { validateContent } from './validate-content.ts';

export interface RunValidationOptions {
  root: string;
  log?: (line: string) => void;
  error?: (line: string) => void;
}

/** Prints problems (to stderr) or a one-line OK; returns whether the content is valid. */
export async function runValidation({ root, log = console.log, error = console.error }: RunValidationOptions): Promise<boolean> {
  const { files, problems } = await validateContent({ root });
  if (problems.length > 0) {
    error(formatReport(problems));
    return false;
  }
  log(`Content OK: ${files.length} case ${files.length === 1 ? 'study' : 'studies'} checked.`);
  return true;
}

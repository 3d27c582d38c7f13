/**
 * The error the Markdown plugins throw for an author's mistake (a math syntax error, a
 * missing image): one line, `file:line: subject: what was found — how to fix it`, which the
 * build prints as is (src/tools/validation/build-error.ts). The validator reports the same
 * findings as Problems before the build gets that far.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Finding {
  /** 1-based line in the file. */
  line?: number | undefined;
  subject: string;
  message: string;
}

export class MarkdownError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  constructor(file: string, finding: Finding) {
    const where = finding.line === undefined ? file : `${file}:${finding.line}`;
    super(`${where}: ${finding.subject}: ${finding.message}`);
    this.name = 'MarkdownError';
    this.file = file;
    this.line = finding.line;
  }
}

/** A document's path relative to the working directory, for messages; `<input>` without one. */
export function displayPath(fileURL: URL | undefined, root = process.cwd()): string {
  if (!fileURL) return '<input>';
  return path.relative(root, fileURLToPath(fileURL)).split(path.sep).join('/');
}

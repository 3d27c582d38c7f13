/**
 * The one error type the diagram pipeline throws.
 *
 * Every failure an author can cause (a broken SVG, a remote image, a `<Diagram>` naming no
 * file) becomes a `DiagramError` whose message is a single line: where (file:line), which
 * element, what was found, and what was expected. Astro prints the message as is, so the
 * author never has to read a stack trace to fix a diagram.
 */

export interface DiagramErrorDetails {
  /** Project-relative path of the file at fault, e.g. `diagrams/checkout.svg` or an MDX file. */
  file: string;
  /** 1-based line in that file, when known. */
  line?: number | undefined;
  /** The element or attribute at fault, e.g. `<foreignObject>` or `<image href>`. */
  element?: string | undefined;
  /** What was found, in words. */
  found: string;
  /** What would have been accepted instead. */
  expected?: string | undefined;
  /** An exception nobody anticipated, reported as `could not process <file>: <found>`. */
  unexpected?: boolean | undefined;
}

export class DiagramError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly element: string | undefined;
  readonly found: string;
  readonly expected: string | undefined;

  constructor(details: DiagramErrorDetails) {
    super(formatDiagramError(details));
    this.name = 'DiagramError';
    this.file = details.file;
    this.line = details.line;
    this.element = details.element;
    this.found = details.found;
    this.expected = details.expected;
  }
}

/** `file:line: <element> found; expected ...` on one line. */
export function formatDiagramError(d: DiagramErrorDetails): string {
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}`;
  const what = d.element ? `${d.element}: ${d.found}` : d.found;
  const expected = d.expected ? `; expected ${d.expected}` : '';
  if (d.unexpected) return `could not process ${where}: ${what}${expected}`.replace(/\s*\n\s*/g, ' ');
  return `${where}: ${what}${expected}`.replace(/\s*\n\s*/g, ' ');
}

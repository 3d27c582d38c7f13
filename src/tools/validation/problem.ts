/**
 * One mistake an author made, and how it is printed.
 *
 * Every check (frontmatter, MDX syntax, components, diagram names, duplicate slugs) produces
 * `Problem`s instead of throwing, so one run reports all of them. The printed form is the
 * same everywhere — `file:line:col  subject  found …, expected …` — so authors learn to read
 * it once, and editors/terminals can jump to `file:line`.
 */

import type { DiagramError } from '../../lib/diagrams/errors.ts';

export interface Problem {
  /** Path relative to the project root, with forward slashes, e.g. content/case-studies/x.mdx. */
  file: string;
  /** 1-based line in `file`, when known. */
  line?: number;
  /** 1-based column, when known (MDX syntax errors). */
  column?: number;
  /** What is wrong: a frontmatter field path (`metrics[1].label`), `<Calout>`, `MDX syntax`, ... */
  subject: string;
  /** The explanation, normally "found …, expected …" plus an optional hint. */
  message: string;
  /**
   * `warning`: printed, but the content is still valid (a remote image, an unknown code
   * language). Anything else stops the build.
   */
  severity?: 'error' | 'warning';
}

export const isWarning = (p: Pick<Problem, 'severity'>): boolean => p.severity === 'warning';

/** Builds the usual "found …, expected …" sentence, with an optional hint after a dash. */
export function foundExpected(found: string, expected: string, hint?: string): string {
  return `found ${found}, expected ${expected}${hint ? ` — ${hint}` : ''}`;
}

/** A diagram pipeline or catalogue error as a Problem (the same words, the report's shape). */
export function diagramProblem(error: DiagramError): Problem {
  const problem: Problem = {
    file: error.file,
    subject: error.element ?? 'diagram',
    message: error.expected ? foundExpected(error.found, error.expected) : `found ${error.found}`,
  };
  if (error.line !== undefined) problem.line = error.line;
  return problem;
}

/** The problems without repeats (the same file, place, subject and message). */
export function uniqueProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = JSON.stringify([p.file, p.line, p.column, p.subject, p.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function formatLocation(p: Pick<Problem, 'file' | 'line' | 'column'>): string {
  if (p.line === undefined) return p.file;
  return p.column === undefined ? `${p.file}:${p.line}` : `${p.file}:${p.line}:${p.column}`;
}

export function formatProblem(p: Problem): string {
  return `${formatLocation(p)}  ${isWarning(p) ? 'warning: ' : ''}${p.subject}  ${p.message}`;
}

/** Orders problems by file, then line, then column, so the report reads top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "3 problems in 2 files" (", 1 warning") — the closing line of a report. */
export function summaryLine(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => !isWarning(p));
  const warnings = problems.length - errors.length;
  const files = new Set(errors.map((p) => p.file)).size;
  const head = errors.length > 0 || warnings === 0 ? `${plural(errors.length, 'problem')} in ${plural(files, 'file')}` : '';
  return [head, warnings > 0 ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ');
}

/** The whole report: one line per problem, sorted, then the summary line. */
export function formatReport(problems: readonly Problem[]): string {
  return [...sortProblems(problems).map(formatProblem), '', summaryLine(problems)].join('\n');
}

/** A value as an author would recognise it in their YAML: `"Kafka"`, `42`, `a list of 3 items`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') {
    if (value.trim() === '') return value === '' ? 'an empty string' : 'only spaces';
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${plural(value.length, 'item')}`;
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    return keys.length === 0 ? 'an empty mapping' : `a mapping with ${keys.map((k) => `\`${k}\``).join(', ')}`;
  }
  return String(value);
}

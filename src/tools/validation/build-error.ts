/**
 * Prints an error thrown by the Astro build the way the validator prints problems: where,
 * what, and what to do, without a stack trace.
 *
 * Astro's own errors (AstroError) carry `title`, `message` (markdown), `hint` and `loc`
 * ({ file, line, column }); Vite/Rollup errors carry `id`/`loc`/`frame`; errors thrown by
 * Casebook's own modules (e.g. DiagramError) already have a one-line message that names the
 * file. Set CASEBOOK_DEBUG=1 to see the stack as well.
 */
import path from 'node:path';

interface ErrorLike {
  name?: string;
  title?: string;
  message?: string;
  hint?: string;
  id?: string;
  loc?: { file?: string; line?: number; column?: number };
  stack?: string;
  cause?: unknown;
  /** Rolldown/Vite aggregate several plugin errors into one "Build failed with N errors". */
  errors?: unknown[];
}

/**
 * Markdown emphasis in Astro messages reads badly in a terminal, and some bundler messages
 * embed their own stack trace: both are removed.
 */
function plain(text: string): string {
  return text
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .split('\n')
    .filter((line) => !/^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/.test(line))
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function formatBuildError(error: unknown, root: string, debug = process.env['CASEBOOK_DEBUG'] === '1'): string {
  const e: ErrorLike = error && typeof error === 'object' ? (error as ErrorLike) : { message: String(error) };
  if (Array.isArray(e.errors) && e.errors.length > 0) {
    return e.errors.map((inner) => formatBuildError(inner, root, debug)).join('\n');
  }
  const file = e.loc?.file ?? e.id;
  const relative = file ? path.relative(root, file).split(path.sep).join('/') : undefined;
  const line = e.loc?.line ? `:${e.loc.line}${e.loc.column ? `:${e.loc.column}` : ''}` : '';
  const message = plain(e.message ?? String(error));
  const where = relative && !message.includes(relative) ? `${relative}${line}  ` : '';
  const title = e.title && !message.startsWith(e.title) ? `${e.title} ` : '';
  const lines = [`${where}${title}${message}`.replace(/\n(?=.)/g, '\n  ')];
  if (e.hint) lines.push(`  hint: ${plain(e.hint).replace(/\n/g, '\n  ')}`);
  if (debug && e.stack) lines.push(e.stack);
  return lines.join('\n');
}

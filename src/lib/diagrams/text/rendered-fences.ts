/**
 * The fences the page build already rendered, by file and content, so the collector
 * (collect.ts: /diagrams/<name>.svg, covers that name a fence) does not parse and render every
 * case study a second time in the same build.
 *
 * The page build (the Sätteri plugin) sees each MDX file with its frontmatter blanked out;
 * the collector reads the file from disk. Both are reduced to the same canonical text (the
 * leading blank region kept only as its line count, so line numbers still agree) and a file
 * is reused only when that text is the same: a file edited in between, or compiled some other
 * way, is simply parsed again. Kept on globalThis because Vite bundles separate copies of the
 * modules for the page build and for the prerendered routes.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { RenderedFence } from './remark-text-diagrams.ts';

interface Remembered {
  digest: string;
  fences: readonly RenderedFence[];
}

const KEY = Symbol.for('casebook.diagrams.text.rendered-fences');
type GlobalWithFences = typeof globalThis & { [KEY]?: Map<string, Remembered> };

function store(): Map<string, Remembered> {
  const g = globalThis as GlobalWithFences;
  return (g[KEY] ??= new Map());
}

/**
 * A digest of the MDX body that does not depend on how the frontmatter was blanked: the
 * leading run of whitespace counts only by its newlines.
 */
export function bodyDigest(source: string): string {
  const lead = /^\s*/.exec(source)?.[0] ?? '';
  const lines = lead.split('\n').length - 1;
  return createHash('sha256').update(`${lines}\n`).update(source.slice(lead.length)).digest('hex');
}

/** Records the fences rendered from `source` (the file at `path`, frontmatter blanked). */
export function rememberRenderedFences(path: string, source: string, fences: readonly RenderedFence[]): void {
  store().set(resolve(path), { digest: bodyDigest(source), fences });
}

/** The fences rendered earlier in this process from the same body of `path`, if any. */
export function recallRenderedFences(path: string, source: string): readonly RenderedFence[] | undefined {
  const remembered = store().get(resolve(path));
  return remembered && remembered.digest === bodyDigest(source) ? remembered.fences : undefined;
}

/** Forgets everything (tests). */
export function forgetRenderedFences(): void {
  store().clear();
}

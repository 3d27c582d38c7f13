/**
 * The benchmark's throwaway copy of the site: the repository without build output, caches
 * or git, with node_modules linked rather than copied, and content/case-studies replaced by
 * the synthetic studies.
 *
 * node_modules is a real folder of per-entry symlinks instead of one symlink, so anything a
 * build writes under `node_modules/.something` (Astro's and Vite's caches, a diagram cache)
 * lands in the temporary copy and never in, or from, the real repository: a "cold" build
 * is really cold and the benchmark leaves the working tree as it found it.
 */
import { cpSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { DiagramVariant } from './diagram-variants.ts';
import type { SyntheticStudy } from './synthetic-study.ts';

/** Top-level entries never copied: build output, caches, VCS, test reports. */
export const EXCLUDED_TOP_LEVEL = new Set([
  'node_modules',
  'dist',
  '.git',
  '.astro',
  '.casebook',
  'test-results',
  'playwright-report',
]);

/** Whether a path (relative to the repository root) is copied into the benchmark site. */
export function isCopied(relativePath: string): boolean {
  const top = relativePath.split(sep)[0] ?? '';
  return !EXCLUDED_TOP_LEVEL.has(top);
}

export function copySite(repoRoot: string, dest: string): void {
  mkdirSync(dest, { recursive: true });
  cpSync(repoRoot, dest, {
    recursive: true,
    filter: (src) => isCopied(relative(repoRoot, src)),
  });
  linkNodeModules(repoRoot, dest);
}

/** `dest/node_modules/<entry>` -> `repoRoot/node_modules/<entry>` for every package and .bin. */
export function linkNodeModules(repoRoot: string, dest: string): void {
  const from = join(repoRoot, 'node_modules');
  const to = join(dest, 'node_modules');
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from)) {
    if (entry.startsWith('.') && entry !== '.bin') continue; // caches stay per site
    symlinkSync(join(from, entry), join(to, entry));
  }
}

/** Replaces the site's case studies with `studies`. */
export function writeStudies(siteDir: string, studies: readonly SyntheticStudy[]): void {
  const dir = join(siteDir, 'content', 'case-studies');
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(dir)) {
    if (file.endsWith('.mdx') || file.endsWith('.md')) rmSync(join(dir, file));
  }
  for (const study of studies) writeFileSync(join(dir, study.fileName), study.source);
}

/** Adds diagram variants to the site's diagrams/ folder. */
export function writeDiagrams(siteDir: string, variants: readonly DiagramVariant[]): void {
  const dir = join(siteDir, 'diagrams');
  mkdirSync(dir, { recursive: true });
  for (const v of variants) writeFileSync(join(dir, `${v.name}.svg`), v.svg);
}

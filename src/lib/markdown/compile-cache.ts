/**
 * Compiled MDX cached by everything the compile reads, so a build with nothing changed does
 * not run Sätteri, Casebook's plugins and Shiki on every case study again (at 300 synthetic
 * studies that was ~4.5 CPU s of a ~28 s warm build; plain Astro pays it too, every build).
 *
 * What one file's compiled module depends on, and so its key (`compileKey`):
 * - the file: its path, its text (after the HTML-comment step) and its frontmatter;
 * - the code: every file under src/ and the package files (the validator's code fingerprint:
 *   the plugins, the Shiki transformers, Sätteri, Shiki, Astro), and astro.config.mjs (the
 *   Markdown options); the options Astro passes the renderer;
 * - the files a plugin may read: everything under diagrams/ (names for the `<Diagram>` check,
 *   the committed Mermaid renders, D2 icons) and every file under content/ that is not a case
 *   study (images, icons next to a study), by path and bytes;
 * - the `CASEBOOK_*` settings that are inputs (the base path goes into figure links);
 * - the diagram id prefixes lengthened by a collision anywhere in the site (a fence's prefix
 *   is its name's own code otherwise; catalogue.ts `lengthenedPrefixes`).
 * Anything else a plugin reads is a bug of this list: the safe fix is adding it here.
 *
 * The text-diagram plugin also leaves two things besides the module: its warnings (printed
 * as it renders) and the rendered fences it hands to the `/diagrams/<name>.svg` collector
 * (rendered-fences.ts). Both are stored with the entry and given again on a hit, so a warm
 * build prints the same warnings and the collector still does not parse the file.
 *
 * Only `astro build` uses the cache (NODE_ENV=production): the dev server keeps one renderer
 * while files change, and the folder digests are taken once per renderer. A compile that
 * throws is never stored, so its error is shown on every build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { cacheDir, cacheKey, DiskCache, jsonFormat } from '../cache.ts';
import { lengthenedPrefixes } from '../diagrams/catalogue.ts';
import type { RenderedFence } from '../diagrams/text/remark-text-diagrams.ts';
import { codeFingerprint, NOT_INPUTS } from '../../tools/validation/result-cache.ts';
import { pruneEntries, touchEntry } from '../site-output-cache.ts';

/** Case-study sources: their text is in their own key. */
const STUDY_FILE = /\.(mdx|md|markdown)$/i;

/** What `renderer.process` returns (the shape @astrojs/mdx hands to Vite). */
export interface CompiledMdx {
  code: string;
  map?: string | null;
  astroMetadata: object;
}

export interface CompileEntry {
  result: CompiledMdx;
  /** The text-diagram fences the compile rendered (their warnings included). */
  fences: RenderedFence[];
}

/** Path and bytes of every file under `dir` (recursive, sorted) that `keep` accepts. */
function folderParts(dir: string, keep: (file: string) => boolean): (string | Uint8Array)[] {
  let files: string[];
  try {
    files = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
      .filter(keep)
      .sort();
  } catch {
    return ['missing'];
  }
  const parts: (string | Uint8Array)[] = [String(files.length)];
  for (const file of files) {
    try {
      parts.push(file, readFileSync(join(dir, file)));
    } catch {
      parts.push(file, 'unreadable');
    }
  }
  return parts;
}

/** The `CASEBOOK_*` settings that are inputs (not locations or bench plumbing). */
function settings(env: NodeJS.ProcessEnv): string {
  return Object.keys(env)
    .filter((k) => k.startsWith('CASEBOOK_') && !NOT_INPUTS.has(k))
    .sort()
    .map((k) => `${k}=${env[k] ?? ''}`)
    .join('\n');
}

/** Everything every file's compile depends on besides the file itself (see the header). */
export function sharedCompileInputs(root: string, rendererOptions: unknown, env: NodeJS.ProcessEnv = process.env): string {
  let config: string | Uint8Array;
  try {
    config = readFileSync(join(root, 'astro.config.mjs'));
  } catch {
    config = 'missing';
  }
  return cacheKey(
    'mdx',
    codeFingerprint(root),
    config,
    JSON.stringify(rendererOptions) ?? '',
    settings(env),
    'diagrams',
    ...folderParts(join(root, 'diagrams'), () => true),
    'content',
    ...folderParts(join(root, 'content'), (f) => !STUDY_FILE.test(f)),
    'id prefixes',
    lengthenedPrefixes(root),
  );
}

export function compileKey(shared: string, filePath: string, source: string, frontmatter: unknown): string {
  return cacheKey('mdx', shared, filePath, JSON.stringify(frontmatter) ?? '', source);
}

/**
 * Plain JSON data: what survives a round trip through JSON.stringify (an object's undefined
 * properties are dropped, which its readers cannot tell from undefined).
 */
export function isPlainData(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isPlainData);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.values(value as Record<string, unknown>).every((v) => v === undefined || isPlainData(v));
  }
  return false;
}

function isEntry(value: unknown): value is CompileEntry {
  if (typeof value !== 'object' || value === null) return false;
  const { result, fences } = value as Partial<CompileEntry>;
  return (
    typeof result === 'object' && result !== null && typeof result.code === 'string' &&
    (result.map === undefined || result.map === null || typeof result.map === 'string') &&
    typeof result.astroMetadata === 'object' && result.astroMetadata !== null &&
    Array.isArray(fences) && fences.every((f) => typeof f === 'object' && f !== null && Array.isArray((f as RenderedFence).warnings))
  );
}

export interface CompileCache {
  get(key: string): CompileEntry | undefined;
  /** Stores the entry when it is plain data (else it is left out: only speed is lost). */
  set(key: string, entry: CompileEntry): void;
}

/** Generations of entries kept: the current shared inputs' and the ones before (see below). */
export const KEPT_GENERATIONS = 2;

/**
 * The cache of one build's shared inputs. Entries live in a folder named by those inputs (a
 * generation): editing any source file starts a new generation, and all but the newest
 * KEPT_GENERATIONS earlier ones are removed, so the cache does not grow with every edit.
 */
export function createCompileCache(shared: string, base: string = cacheDir('mdx')): CompileCache {
  const dir = join(base, shared.slice(0, 32));
  touchEntry(dir);
  pruneEntries(base, (name) => /^[0-9a-f]{32}$/.test(name) && name !== basename(dir), KEPT_GENERATIONS);
  // Entries of the first layout (one folder for every generation), from builds before this one.
  pruneEntries(base, (name) => /^[0-9a-f]{64}\.json$/.test(name), 0);
  const store = new DiskCache(dir, jsonFormat(isEntry));
  return {
    get: (key) => store.get(key),
    set: (key, entry) => {
      if (isPlainData(entry)) store.set(key, entry);
    },
  };
}

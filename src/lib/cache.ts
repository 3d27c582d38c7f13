/**
 * The build's one on-disk cache: processed SVG diagrams, rendered text diagrams and social
 * card PNGs all go through here, so a rebuild with unchanged inputs reads files instead of
 * running svgo, a diagram renderer or satori.
 *
 * - Where: `$CASEBOOK_CACHE_DIR/<cache>` when that is set (it also holds Astro's cache, see
 *   astro.config.mjs, so parallel builds such as tests and the bench stay apart), else
 *   `node_modules/.cache/casebook/<cache>`.
 * - Keys: `cacheKey(cache, ...parts)`, a sha256 of the cache's name, its pipeline version
 *   below and every part that affects the output (the source, library versions, ...).
 * - Versions: `PIPELINE_VERSIONS`, the one place to bump when a pipeline changes in a way its
 *   key parts do not show; every entry of that cache then misses once.
 * - Entries are written to a temporary file and renamed into place, so parallel builds sharing
 *   a cache never read half a file. An entry that cannot be read or decoded is a miss; a write
 *   that fails (read-only or full disk) only costs speed.
 *
 * Hand-written rather than a package (cacache, flat-cache): the whole contract is a hash, a
 * read and an atomic rename, and the callers need both sync reads (the Markdown plugins and
 * `<Diagram>` run synchronously per node) and async ones (the card renderer).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** Bump a cache's version when its pipeline changes in a way its key parts do not capture. */
export const PIPELINE_VERSIONS = {
  /** Processed SVGs (sanitise, svgo, ids, report): src/lib/diagrams/pipeline.ts. */
  diagrams: '10',
  /** Rendered Mermaid/D2/Graphviz SVGs (theming, stripping): src/lib/diagrams/text/. */
  'text-diagrams': '4',
  /** Social card PNGs (card design is in the key; this covers rasterising): src/lib/og-image/. */
  og: '1',
  /** Per-file validation reports (the code is in the key too): src/tools/validation/result-cache.ts. */
  validation: '1',
  /** The Pagefind index, keyed by the built pages: src/integrations/search-index.ts. */
  'search-index': '1',
  /** Compiled MDX modules (Sätteri, plugins, Shiki): src/lib/markdown/compile-cache.ts. */
  mdx: '1',
  /** Drafts and dates read from frontmatter for the sitemap: src/lib/seo/sitemap-filter.ts. */
  sitemap: '1',
  /** The feeds, keyed by the built case-study pages: src/integrations/feeds.ts. */
  feeds: '1',
} as const;

export type CacheName = keyof typeof PIPELINE_VERSIONS;

/** The folder of one cache (see the header for the convention). */
export function cacheDir(name: CacheName, env: NodeJS.ProcessEnv = process.env, root: string = process.cwd()): string {
  const base = env.CASEBOOK_CACHE_DIR;
  return base ? resolve(base, name) : resolve(root, 'node_modules', '.cache', 'casebook', name);
}

/** sha256 (hex) of the cache's name and version and each part, separated so parts cannot run together. */
export function cacheKey(name: CacheName, ...parts: ReadonlyArray<string | Uint8Array>): string {
  const hash = createHash('sha256').update(`${name}\0${PIPELINE_VERSIONS[name]}\0`);
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/** How a cache's values are stored: the file extension, and the two conversions. */
export interface CacheFormat<T> {
  ext: string;
  encode(value: T): string | Uint8Array;
  /** The value, or undefined when the stored data is not a valid one (then it is a miss). */
  decode(data: Buffer): T | undefined;
}

/** JSON values, checked by `isValid` on the way back in. */
export function jsonFormat<T>(isValid: (value: unknown) => value is T): CacheFormat<T> {
  return {
    ext: '.json',
    encode: (value) => JSON.stringify(value),
    decode: (data) => {
      const value: unknown = JSON.parse(data.toString('utf8'));
      return isValid(value) ? value : undefined;
    },
  };
}

/** Raw bytes (e.g. PNG files). */
export function bytesFormat(ext: string): CacheFormat<Uint8Array> {
  return { ext, encode: (value) => value, decode: (data) => new Uint8Array(data) };
}

export class DiskCache<T> {
  constructor(
    readonly dir: string,
    private readonly format: CacheFormat<T>,
  ) {}

  fileOf(key: string): string {
    return join(this.dir, `${key}${this.format.ext}`);
  }

  has(key: string): boolean {
    return existsSync(this.fileOf(key));
  }

  get(key: string): T | undefined {
    try {
      return this.format.decode(readFileSync(this.fileOf(key)));
    } catch {
      return undefined;
    }
  }

  set(key: string, value: T): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      const temp = this.tempOf(key);
      writeFileSync(temp, this.format.encode(value));
      renameSync(temp, this.fileOf(key));
    } catch {
      // A read-only or full disk only costs speed: the next build does the work again.
    }
  }

  async read(key: string): Promise<T | undefined> {
    try {
      return this.format.decode(await readFile(this.fileOf(key)));
    } catch {
      return undefined;
    }
  }

  async write(key: string, value: T): Promise<void> {
    try {
      await mkdir(this.dir, { recursive: true });
      const temp = this.tempOf(key);
      await writeFile(temp, this.format.encode(value));
      await rename(temp, this.fileOf(key));
    } catch {
      // As in set().
    }
  }

  private tempOf(key: string): string {
    return `${this.fileOf(key)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  }
}

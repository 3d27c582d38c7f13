/**
 * The committed render cache: `diagrams/.rendered/<key>.svg`, one file per rendered fence,
 * checked in with the content so a clean clone, CI or a host without a browser builds the
 * site without rendering anything. Only a new or changed fence needs a browser.
 *
 * A file holds the renderer's RAW output (what mermaid returned), before theming and before
 * the sanitise/optimise pipeline: a change to those steps re-runs them at build time (they
 * are cheap and need no browser) instead of invalidating every committed render. The key
 * covers everything that changes the raw output: the renderer and its version, the options
 * and sentinel theme it was given, and the source.
 *
 * `CASEBOOK_RENDER_CACHE` moves the folder (tests use a temporary one).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const RENDER_STORE_DIR = 'diagrams/.rendered';

export function defaultStoreDir(): string {
  return resolve(process.env.CASEBOOK_RENDER_CACHE ?? RENDER_STORE_DIR);
}

/** 32 hex digits of sha256 over everything that determines the raw render. */
export function storeKey(parts: { renderer: string; options: string; source: string }): string {
  return createHash('sha256')
    .update(`${parts.renderer}\0${parts.options}\0${parts.source}`)
    .digest('hex')
    .slice(0, 32);
}

const ENTRY = /^[0-9a-f]{32}\.svg$/;

export class RenderStore {
  /** Keys read or written in this process: what `prune` keeps. */
  readonly used = new Set<string>();

  constructor(readonly dir: string = defaultStoreDir()) {}

  file(key: string): string {
    return join(this.dir, `${key}.svg`);
  }

  get(key: string): string | undefined {
    try {
      const svg = readFileSync(this.file(key), 'utf8');
      if (!svg.includes('<svg')) return undefined;
      this.used.add(key);
      return svg;
    } catch {
      return undefined;
    }
  }

  set(key: string, svg: string): void {
    mkdirSync(this.dir, { recursive: true });
    const file = this.file(key);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, svg);
    renameSync(tmp, file);
    this.used.add(key);
  }

  /** Entries on disk. */
  keys(): string[] {
    try {
      return readdirSync(this.dir).filter((f) => ENTRY.test(f)).map((f) => f.slice(0, -4)).sort();
    } catch {
      return [];
    }
  }

  /** Deletes the entries not in `keep`; returns the deleted keys. */
  prune(keep: ReadonlySet<string> = this.used): string[] {
    const gone = this.keys().filter((k) => !keep.has(k));
    for (const k of gone) rmSync(this.file(k), { force: true });
    return gone;
  }
}

const SHARED = Symbol.for('casebook.diagrams.text.render-store');
type WithStore = typeof globalThis & { [SHARED]?: Map<string, RenderStore> };

/** One store per folder per process (shared by the build, validation and the CLI). */
export function sharedStore(dir: string = defaultStoreDir()): RenderStore {
  const g = globalThis as WithStore;
  const stores = (g[SHARED] ??= new Map());
  let store = stores.get(dir);
  if (!store) {
    store = new RenderStore(dir);
    stores.set(dir, store);
  }
  return store;
}

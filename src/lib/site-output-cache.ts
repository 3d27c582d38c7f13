/**
 * Caches for the work done on the finished site after Astro wrote it (the Pagefind search
 * index, the feeds): their input is the built pages themselves, so the same page bytes and the
 * same code give the same files, and a build with nothing changed can copy last build's
 * result instead of reading, parsing and indexing every page again.
 *
 * - The key (`siteFilesKey`) is the cache's name and version (src/lib/cache.ts), the code
 *   fingerprint (every file under src/ and the package files: an edited integration or an
 *   upgraded Pagefind misses), any extra parts the caller passes (its options), and the path
 *   and bytes of every input page, sorted. One changed byte in one page misses.
 * - A directory result (the search index) is stored as a folder named by its key, copied
 *   into a temporary folder and renamed into place, so a reader never sees half an entry;
 *   restoring copies it into the site (never over a folder that is already there). A
 *   restore that fails part-way removes what it copied and reports a miss, so the caller
 *   does the work instead. Only the newest few entries are
 *   kept (each is a whole index).
 * - A file-set result (the feeds) is one JSON file of { path, text } in the ordinary
 *   DiskCache, pruned the same way (`pruneEntries`: the feeds of a large site are tens of MB).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { cacheDir, cacheKey, type CacheName } from './cache.ts';

/** Files under `dir` (relative paths with `/`, sorted) for which `keep` holds. */
export function listSiteFiles(dir: string, keep: (relativePath: string) => boolean): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const rel = relative(dir, full).split(sep).join('/');
        if (keep(rel)) found.push(rel);
      }
    }
  };
  walk(dir);
  return found.sort();
}

/** The key of a result computed from `files` (relative to `dir`) by code with `fingerprint`. */
export function siteFilesKey(
  name: CacheName,
  fingerprint: string,
  extra: readonly string[],
  dir: string,
  files: readonly string[],
): string {
  const parts: (string | Uint8Array)[] = [fingerprint, ...extra, String(files.length)];
  for (const file of [...files].sort()) parts.push(file, readFileSync(join(dir, file)));
  return cacheKey(name, ...parts);
}

/** Entries kept per directory cache: the current one and a few before it (e.g. a drafts build). */
export const KEPT_ENTRIES = 3;

export class DirectoryCache {
  readonly dir: string;

  constructor(name: CacheName, dir: string = cacheDir(name)) {
    this.dir = dir;
  }

  /**
   * Copies the entry `key` to the folder `target`; false when there is no such entry, when
   * `target` already exists (it is left as it is), or when the copy failed (what it had
   * copied is removed again).
   */
  restore(key: string, target: string): boolean {
    const entry = join(this.dir, key);
    try {
      if (!statSync(entry).isDirectory()) return false;
    } catch {
      return false;
    }
    if (existsSync(target)) return false;
    try {
      cpSync(entry, target, { recursive: true, errorOnExist: true, force: false });
      touchEntry(entry);
      return true;
    } catch {
      try {
        rmSync(target, { recursive: true, force: true });
      } catch {
        // Nothing was created there.
      }
      return false;
    }
  }

  /** Stores a copy of the folder `source` as the entry `key`; a failure only costs speed. */
  store(key: string, source: string): void {
    const entry = join(this.dir, key);
    const temp = `${entry}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true });
      cpSync(source, temp, { recursive: true });
      renameSync(temp, entry);
    } catch {
      // Another build stored the same entry first, or the disk is read-only or full.
      rmSync(temp, { recursive: true, force: true });
    }
    this.prune();
  }

  /** Removes all but the KEPT_ENTRIES most recently used entries. */
  private prune(): void {
    pruneEntries(this.dir, (name) => /^[0-9a-f]{64}$/.test(name));
  }
}

/**
 * Removes all but the `keep` most recently used (modified) entries of `dir` whose names pass
 * `isEntry`: files or folders. Housekeeping only; it never throws.
 */
export function pruneEntries(dir: string, isEntry: (name: string) => boolean, keep: number = KEPT_ENTRIES): void {
  try {
    const entries = readdirSync(dir)
      .filter(isEntry)
      .map((name) => ({ path: join(dir, name), used: statSync(join(dir, name)).mtimeMs }))
      .sort((a, b) => b.used - a.used);
    for (const old of entries.slice(keep)) rmSync(old.path, { recursive: true, force: true });
  } catch {
    // A build never fails for housekeeping.
  }
}

/** Marks an entry as just used, so pruning keeps it. */
export function touchEntry(path: string): void {
  try {
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // As above.
  }
}

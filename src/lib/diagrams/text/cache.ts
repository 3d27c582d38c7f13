/**
 * On-disk cache of rendered text diagrams, so an unchanged fence costs one file read on a
 * rebuild instead of a WebAssembly start-up and a layout.
 *
 * Key: sha256 of the language, the renderer's version (library version + our theming
 * revision) and the exact source. Value: the themed SVG and its warnings as JSON. Entries
 * are written atomically (temp file + rename) so parallel builds sharing a cache never
 * read half a file; an unreadable entry is treated as a miss and rewritten.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RenderedTextDiagram, TextDiagramLang } from './types.ts';

/** Bump when the post-processing (theming, stripping) changes, to drop stale entries. */
export const THEMING_REVISION = 2;

/** `$CASEBOOK_CACHE_DIR/text-diagrams` when set (parallel builds), else under node_modules/.cache. */
export function defaultCacheDir(): string {
  const base = process.env.CASEBOOK_CACHE_DIR;
  return base ? resolve(base, 'text-diagrams') : resolve('node_modules/.cache/casebook/text-diagrams');
}

export function cacheKey(lang: TextDiagramLang, rendererVersion: string, source: string): string {
  return createHash('sha256')
    .update(`${lang}\0${rendererVersion}\0theming-${THEMING_REVISION}\0${source}`)
    .digest('hex');
}

export class TextDiagramCache {
  constructor(readonly dir: string = defaultCacheDir()) {}

  private file(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  get(key: string): RenderedTextDiagram | undefined {
    try {
      const entry = JSON.parse(readFileSync(this.file(key), 'utf8')) as RenderedTextDiagram;
      return typeof entry.svg === 'string' && Array.isArray(entry.warnings) ? entry : undefined;
    } catch {
      return undefined;
    }
  }

  set(key: string, value: RenderedTextDiagram): void {
    const file = this.file(key);
    mkdirSync(join(this.dir, key.slice(0, 2)), { recursive: true });
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, file);
  }
}

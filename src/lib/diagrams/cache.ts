/**
 * The on-disk cache of processed diagrams, keyed by content hash.
 *
 * Key: sha256(name, source, pipeline version, svgo version). A rebuild with unchanged
 * diagrams reads JSON instead of running svgo; any change to the file, to the pipeline
 * (bump PIPELINE_VERSION) or to svgo misses. Writes go to a temp file and are renamed into
 * place, so parallel builds sharing a cache never read half a file. A corrupt or unreadable
 * entry is treated as a miss. Location: `$CASEBOOK_DIAGRAM_CACHE_DIR`, else
 * `$CASEBOOK_CACHE_DIR/casebook-diagrams`, else `node_modules/.cache/casebook/diagrams`.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VERSION as SVGO_VERSION } from 'svgo';
import { PIPELINE_VERSION, type ProcessedDiagram } from './pipeline.ts';

export function defaultCacheDir(cwd: string = process.cwd()): string {
  const explicit = process.env.CASEBOOK_DIAGRAM_CACHE_DIR;
  if (explicit) return explicit;
  const astroCache = process.env.CASEBOOK_CACHE_DIR;
  if (astroCache) return join(astroCache, 'casebook-diagrams');
  return join(cwd, 'node_modules', '.cache', 'casebook', 'diagrams');
}

export function cacheKey(name: string, source: string): string {
  return createHash('sha256')
    .update(`${name}\0${PIPELINE_VERSION}\0${SVGO_VERSION}\0`)
    .update(source)
    .digest('hex');
}

export class DiagramCache {
  constructor(readonly dir: string) {}

  get(key: string): ProcessedDiagram | undefined {
    try {
      const value: unknown = JSON.parse(readFileSync(join(this.dir, `${key}.json`), 'utf8'));
      return isProcessedDiagram(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }

  set(key: string, diagram: ProcessedDiagram): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      const target = join(this.dir, `${key}.json`);
      const temp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(temp, JSON.stringify(diagram));
      renameSync(temp, target);
    } catch {
      // A read-only or full disk only costs speed: the next build processes the file again.
    }
  }
}

function isProcessedDiagram(v: unknown): v is ProcessedDiagram {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Record<string, unknown>;
  return typeof d.name === 'string' && typeof d.svg === 'string' && typeof d.viewBox === 'string' &&
    typeof d.width === 'number' && typeof d.height === 'number' && Array.isArray(d.warnings) &&
    typeof d.hash === 'string';
}

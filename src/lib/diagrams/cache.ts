/**
 * Processed diagrams in the shared disk cache (src/lib/cache.ts), keyed by content: the
 * name, its id prefix, svgo's version and the exact SVG source (plus the pipeline's version, which the
 * shared module adds). A rebuild with unchanged diagrams reads JSON instead of running svgo;
 * any change to the file, to the pipeline or to svgo misses. Used for hand-authored files
 * (registry.ts) and for rendered text-diagram fences alike.
 */
import { VERSION as SVGO_VERSION } from 'svgo';
import { cacheDir, cacheKey, DiskCache, jsonFormat } from '../cache.ts';
import type { ProcessedDiagram } from './pipeline.ts';

export function diagramCacheKey(name: string, idPrefix: string, source: string): string {
  return cacheKey('diagrams', name, idPrefix, SVGO_VERSION, source);
}

/** The cache of processed diagrams, in `dir` or the default folder for this project. */
export function diagramCache(dir: string = cacheDir('diagrams')): DiskCache<ProcessedDiagram> {
  return new DiskCache(dir, jsonFormat(isProcessedDiagram));
}

function isProcessedDiagram(v: unknown): v is ProcessedDiagram {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Record<string, unknown>;
  return typeof d.name === 'string' && typeof d.svg === 'string' && typeof d.idPrefix === 'string' && typeof d.viewBox === 'string' &&
    typeof d.width === 'number' && typeof d.height === 'number' && Array.isArray(d.warnings) &&
    typeof d.hash === 'string';
}

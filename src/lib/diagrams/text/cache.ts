/**
 * Rendered text diagrams in the shared disk cache (src/lib/cache.ts), so an unchanged fence
 * costs one file read on a rebuild instead of a WebAssembly start-up and a layout.
 *
 * Key: the language, the renderer's version (library version) and the exact source, plus
 * the `text-diagrams` pipeline version (bump it in src/lib/cache.ts when the theming or
 * stripping changes). Value: the themed SVG and its warnings as JSON.
 */
import { cacheDir, cacheKey as sharedCacheKey, DiskCache, jsonFormat } from '../../cache.ts';
import type { RenderedTextDiagram, TextDiagramLang } from './types.ts';

export function cacheKey(lang: TextDiagramLang, rendererVersion: string, source: string): string {
  return sharedCacheKey('text-diagrams', lang, rendererVersion, source);
}

export class TextDiagramCache extends DiskCache<RenderedTextDiagram> {
  constructor(dir: string = cacheDir('text-diagrams')) {
    super(dir, jsonFormat(isRenderedTextDiagram));
  }
}

function isRenderedTextDiagram(v: unknown): v is RenderedTextDiagram {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Record<string, unknown>;
  return typeof d.svg === 'string' && Array.isArray(d.warnings);
}

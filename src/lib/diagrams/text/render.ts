/**
 * One entry point for "render this fence": picks the renderer for the language and goes
 * through the disk cache first, so the remark plugin, the cover-diagram lookup and the
 * benchmark all share the same rendered output and the same cache.
 */
import { TextDiagramCache, cacheKey } from './cache.ts';
import { createD2Renderer } from './render-d2.ts';
import { createGraphvizRenderer } from './render-graphviz.ts';
import { createMermaidRenderer } from './render-mermaid.ts';
import type { RenderedTextDiagram, TextDiagramLang, TextDiagramRenderer } from './types.ts';

export interface TextDiagramService {
  render(lang: TextDiagramLang, source: string): Promise<RenderedTextDiagram & { cached: boolean }>;
}

export interface TextDiagramServiceOptions {
  cache?: TextDiagramCache;
  /** Renderers by language; tests wrap the real ones to count calls. */
  renderers?: Partial<Record<TextDiagramLang, TextDiagramRenderer>>;
}

export function defaultRenderers(): Record<TextDiagramLang, TextDiagramRenderer> {
  return { mermaid: createMermaidRenderer(), d2: createD2Renderer(), dot: createGraphvizRenderer() };
}

/** Source as the renderers see it: Unix newlines, no trailing blank lines. */
export function normaliseSource(source: string): string {
  return source.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
}

export function createTextDiagramService(options: TextDiagramServiceOptions = {}): TextDiagramService {
  const cache = options.cache ?? new TextDiagramCache();
  let defaults: Record<TextDiagramLang, TextDiagramRenderer> | undefined;
  const rendererFor = (lang: TextDiagramLang): TextDiagramRenderer => {
    const given = options.renderers?.[lang];
    if (given) return given;
    defaults ??= defaultRenderers();
    return defaults[lang];
  };
  return {
    async render(lang, rawSource) {
      const source = normaliseSource(rawSource);
      const renderer = rendererFor(lang);
      const key = cacheKey(lang, renderer.version, source);
      const hit = cache.get(key);
      if (hit) return { ...hit, cached: true };
      const rendered = await renderer.render(source);
      cache.set(key, rendered);
      return { ...rendered, cached: false };
    },
  };
}

let shared: TextDiagramService | undefined;
/** The process-wide service (default cache dir, real renderers). */
export function textDiagrams(): TextDiagramService {
  shared ??= createTextDiagramService();
  return shared;
}

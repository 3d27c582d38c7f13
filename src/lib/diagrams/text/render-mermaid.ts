/**
 * Mermaid fences -> themed SVG, in Node, with beautiful-mermaid (no browser, no DOM).
 *
 * beautiful-mermaid colours everything through CSS custom properties (--bg, --fg, --accent,
 * ...) that it sets on the root <svg>, so we hand it the site's `--cb-diagram-*` variables
 * and the diagram follows light/dark mode with no second render. Its <style> block is made
 * safe to inline in a page: the remote Google Fonts @import is dropped, and the rules that
 * target every `svg`/`text` on the page are moved onto this diagram's root element.
 */
import { renderMermaidSVG } from 'beautiful-mermaid';
import { checkMermaidSource } from './mermaid-syntax.ts';
import { packageVersion } from './package-version.ts';
import { DIAGRAM_COLOURS, DIAGRAM_FONT } from './theme.ts';
import { TextDiagramError, type RenderedTextDiagram, type TextDiagramRenderer } from './types.ts';

/**
 * Makes beautiful-mermaid's embedded stylesheet local to this SVG: drops remote font
 * imports, turns `svg { --x: ... }` into declarations on the root element and the
 * `text { font-family }` rule into an inherited attribute, so nothing leaks to the page.
 */
export function localiseMermaidStyles(svg: string): string {
  const rootDecls: string[] = [];
  let out = svg.replace(/<style>([\s\S]*?)<\/style>/g, (_m, css: string) => {
    let rules = css
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/@import\s+url\([^)]*\)\s*;?/g, '')
      .replace(/(^|[\s}])text\s*\{[^}]*\}/g, '$1');
    rules = rules.replace(/(^|[\s}])svg\s*\{([^}]*)\}/g, (_r, lead: string, decls: string) => {
      rootDecls.push(
        ...decls
          .split(';')
          .map((d) => d.trim())
          .filter(Boolean),
      );
      return lead;
    });
    rules = rules.trim();
    return rules ? `<style>\n${rules}\n</style>` : '';
  });
  out = out.replace(/<svg\b([^>]*?)\sstyle="([^"]*)"/, (_m, attrs: string, style: string) => {
    const decls = [style.replace(/;?\s*$/, ''), ...rootDecls].filter(Boolean).join(';');
    return `<svg${attrs} style="${decls.replace(/"/g, "'")}" font-family="${DIAGRAM_FONT.replace(/"/g, "'")}"`;
  });
  return out;
}

export function createMermaidRenderer(): TextDiagramRenderer {
  return {
    lang: 'mermaid',
    version: `beautiful-mermaid@${packageVersion('beautiful-mermaid')}`,
    async render(source: string): Promise<RenderedTextDiagram> {
      const type = checkMermaidSource(source);
      let raw: string;
      try {
        raw = renderMermaidSVG(source, {
          bg: DIAGRAM_COLOURS.bg,
          fg: DIAGRAM_COLOURS.fg,
          accent: DIAGRAM_COLOURS.accent,
          muted: DIAGRAM_COLOURS.muted,
          surface: DIAGRAM_COLOURS.surface,
          border: DIAGRAM_COLOURS.border,
          font: 'Inter',
          transparent: true,
          padding: 24,
        });
      } catch (err) {
        throw new TextDiagramError('mermaid', err instanceof Error ? err.message : String(err));
      }
      return { lang: 'mermaid', type, svg: localiseMermaidStyles(raw), warnings: [] };
    },
  };
}

/**
 * The text-diagram step (remark-text-diagrams.ts) as a Sätteri mdast plugin, for
 * `markdown.processor: satteri(...)` in astro.config.mjs: Astro's default Markdown processor,
 * much faster than the unified (remark/rehype) pipeline, but with its own plugin API.
 *
 * Sätteri walks the tree and hands over the ```mermaid / ```d2 / ```dot fences; once the walk
 * is done they are rendered by the shared `renderTextDiagramFences` (same names, same cache,
 * same errors with file:line) and each fence is replaced by its figure HTML.
 *
 * The figure goes in as an mdast `html` node, which needs `features: { rawHtml: true }` (see
 * src/lib/satteri-plugins.ts): Sätteri then parses it into elements, untouched, as rehype-raw
 * did in the unified pipeline. Not as `{ raw, mdxExpressions: false }`: that string is
 * re-parsed as Markdown, and smart punctuation then rewrites the SVG's text, turning `--` in
 * its <style> (`var(--cb-diagram-fg)`) into an en dash and `"` in labels into curly quotes.
 * mdast plugins run before Sätteri's syntax highlighting (a hast step), so Shiki never sees
 * these fences.
 */
import { fileURLToPath } from 'node:url';
import type { HastPluginDefinition, MdastPluginDefinition, MdastPluginEntry, PluginFactoryContext } from 'satteri';
import { fenceLang, mayHaveDiagramFence } from '../catalogue.ts';
import { renderTextDiagramFences, type RemarkTextDiagramsOptions, type RenderedFence, type TextDiagramFence } from './remark-text-diagrams.ts';
import { rememberRenderedFences } from './rendered-fences.ts';

export function satteriTextDiagrams(options: RemarkTextDiagramsOptions = {}): MdastPluginEntry {
  // A factory: Sätteri calls it once per document, so the collected fences are per document.
  return (doc: PluginFactoryContext): MdastPluginDefinition | null => {
    // A cheap filter before any walk.
    if (!mayHaveDiagramFence(doc.source)) return null;
    const fences: TextDiagramFence[] = [];
    return {
      name: 'casebook-text-diagrams',
      // Line numbers for error messages and default names.
      options: { position: true },
      code(node) {
        const lang = fenceLang(node.lang);
        if (lang) fences.push({ node, lang });
      },
      async after(_root, ctx) {
        const mdxPath = doc.fileURL ? fileURLToPath(doc.fileURL) : undefined;
        const rendered: RenderedFence[] = [];
        const figures = await renderTextDiagramFences(fences, mdxPath, {
          ...options,
          onDiagram: (d) => {
            rendered.push(d);
            options.onDiagram?.(d);
          },
        });
        // So the collector (collect.ts) reuses these instead of parsing the file again.
        if (mdxPath) rememberRenderedFences(mdxPath, doc.source, rendered);
        fences.forEach(({ node }, i) => ctx.replaceNode(node, { type: 'html', value: figures[i]! }));
      },
    };
  };
}

/**
 * Works around a Sätteri 0.10 bug: its HTML parser (the `rawHtml` feature) gives an `<svg>`'s
 * `xmlns` attribute the property name `:xmlns`, which MDX then emits as a `:xmlns="…"`
 * attribute. This hast plugin renames it back, keeping the attributes' order, so the inline
 * SVG of a text-diagram figure is exactly what the unified pipeline produced. It touches only
 * elements carrying the bad name.
 */
export const satteriSvgNamespaceFix: HastPluginDefinition = {
  name: 'casebook-svg-xmlns-fix',
  element: {
    filter: ['svg'],
    visit(node) {
      const properties = node.properties ?? {};
      if (!(BAD_XMLNS in properties)) return;
      // The same element (children passed through), with the property renamed in place.
      const renamed = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k === BAD_XMLNS ? 'xmlns' : k, v]));
      return { ...node, properties: renamed, children: [...node.children] };
    },
  },
};

const BAD_XMLNS = ':xmlns';

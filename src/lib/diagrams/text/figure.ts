/**
 * The HTML a text-diagram fence becomes: the same figure as src/components/Diagram.astro
 * renders for a hand-authored SVG (`figure.diagram[data-diagram]`, a `.canvas` holding the
 * inline SVG with one accessible name, a "View diagram" link to /diagrams/<name>.svg, the
 * caption), built as a string because the remark plugin emits raw HTML into the MDX tree.
 *
 * Naming, link and aspect ratio come from the pipeline's inline.ts, so both paths decide
 * them the same way. Both are styled by the global src/styles/diagrams.css.
 */
import { aspectRatio, diagramHref, inlineSvg } from '../inline.ts';
import type { ProcessedDiagram } from '../pipeline.ts';
import type { TextDiagramLang } from './types.ts';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Puts `<title>` (the accessible name) first inside the root <svg>, replacing a title there. */
export function withTitle(svg: string, title: string): string {
  const open = /^([\s\S]*?<svg\b[^>]*?)(\/?)>/.exec(svg);
  if (!open) return svg;
  const head = open[1] ?? '';
  const rest = svg.slice(open[0].length).replace(/^\s*<title\b[^>]*>[\s\S]*?<\/title>/, '');
  const element = `<title>${escapeHtml(title)}</title>`;
  return open[2] ? `${head}>${element}</svg>` : `${head}>${element}${rest}`;
}

export interface TextFigureInput {
  diagram: ProcessedDiagram;
  lang: TextDiagramLang;
  /** Visible caption (the fence's title); none when the fence has no title. */
  caption: string | undefined;
  /** Longer accessible name than the caption, from the fence's `alt`. */
  alt: string | undefined;
  /** Site base path, e.g. "/" or "/portfolio/". */
  base: string;
}

export function textDiagramFigure(input: TextFigureInput): string {
  const { diagram, lang, caption, alt, base } = input;
  const name = escapeHtml(diagram.name);
  const captionId = caption ? `${diagram.name}-figcaption` : undefined;
  const ratio = aspectRatio(diagram.viewBox);
  const svg = inlineSvg(diagram, { alt, caption, captionId });
  const label = alt ?? diagram.title ?? caption ?? diagram.name;
  return (
    `<figure class="diagram diagram--text" data-diagram="${name}" data-diagram-lang="${lang}">` +
    `<div class="canvas" style="--diagram-ratio:${ratio};--diagram-width:${diagram.width}px">${svg}</div>` +
    `<a class="open" href="${escapeHtml(diagramHref(base, diagram.name))}" data-diagram-open>` +
    `View diagram<span class="visually-hidden"> “${escapeHtml(label)}” full size (SVG)</span><span aria-hidden="true"> ↗</span></a>` +
    (caption ? `<figcaption id="${escapeHtml(captionId ?? '')}">${escapeHtml(caption)}</figcaption>` : '') +
    `</figure>`
  );
}

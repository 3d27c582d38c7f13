/**
 * The figure a diagram becomes in a page, for both `<Diagram name="...">`
 * (src/components/Diagram.astro) and a text-diagram fence (text/remark-text-diagrams.ts):
 * `figure.diagram[data-diagram]`, a `.canvas` holding the inline SVG with one accessible
 * name, a "View diagram" link to /diagrams/<name>.svg, and the caption. Built as a string
 * because the Markdown plugins emit raw HTML into the MDX tree; the component inserts the
 * same string. Naming, link and aspect ratio come from inline.ts; both are styled by the
 * global src/styles/diagrams.css.
 */
import type { TextDiagramLang } from './catalogue.ts';
import { aspectRatio, diagramHref, escapeHtml, inlineSvg } from './inline.ts';
import type { ProcessedDiagram } from './pipeline.ts';

export interface FigureInput {
  diagram: ProcessedDiagram;
  /** Visible caption; none when empty or absent. */
  caption?: string | undefined;
  /** Longer accessible name than the caption or the SVG's <title>. */
  alt?: string | undefined;
  /** Site base path, e.g. "/" or "/portfolio/". */
  base: string;
  /** Set for a text-diagram fence: marks the figure with its language. */
  lang?: TextDiagramLang | undefined;
}

export function diagramFigure(input: FigureInput): string {
  const { diagram, caption, alt, base, lang } = input;
  const captionId = caption ? `${diagram.name}-figcaption` : undefined;
  const svg = inlineSvg(diagram, { alt, caption, captionId });
  const label = alt ?? diagram.title ?? caption ?? diagram.name;
  const kind = lang ? ` class="diagram diagram--text" data-diagram="${escapeHtml(diagram.name)}" data-diagram-lang="${lang}"` : ` class="diagram" data-diagram="${escapeHtml(diagram.name)}"`;
  return (
    `<figure${kind}>` +
    `<div class="canvas" style="--diagram-ratio: ${aspectRatio(diagram.viewBox)}; --diagram-width: ${diagram.width}px">${svg}</div>` +
    `<a class="open" href="${escapeHtml(diagramHref(base, diagram.name))}" data-diagram-open>` +
    `View diagram<span class="visually-hidden"> “${escapeHtml(label)}” full size (SVG)</span><span aria-hidden="true"> ↗</span></a>` +
    (caption && captionId ? `<figcaption id="${escapeHtml(captionId)}">${escapeHtml(caption)}</figcaption>` : '') +
    `</figure>`
  );
}

/**
 * The HTML a text-diagram fence becomes: the same figure as `<Diagram>` renders for a
 * hand-authored SVG (class="diagram", data-diagram, inline SVG with an accessible name,
 * visible caption, "View diagram" link to the standalone file), built as a string because
 * the remark plugin emits it as raw HTML into the MDX tree (a `<Diagram>` element would
 * need the diagram to exist in diagrams/ under its name).
 *
 * Keep this in step with src/components/Diagram.astro.
 */
import type { ProcessedDiagram } from '../pipeline.ts';
import type { TextDiagramLang } from './types.ts';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Puts `<title>` (the accessible name) first inside the root <svg>, replacing any title there. */
export function withTitle(svg: string, title: string): string {
  const open = /^([\s\S]*?<svg\b[^>]*?)(\/?)>/.exec(svg);
  if (!open) return svg;
  const head = open[1] ?? '';
  const rest = svg.slice(open[0].length).replace(/^\s*<title\b[^>]*>[\s\S]*?<\/title>/, '');
  return open[2] ? `${head}><title>${escapeHtml(title)}</title></svg>` : `${head}><title>${escapeHtml(title)}</title>${rest}`;
}

export interface TextFigureInput {
  diagram: Pick<ProcessedDiagram, 'name' | 'svg' | 'title' | 'width' | 'height'>;
  lang: TextDiagramLang;
  /** Visible caption (the fence's title); none when the fence has no title. */
  caption: string | undefined;
  /** Accessible name: `alt`, else the caption, else a description from the language. */
  label: string;
  /** Site-relative URL of the standalone file, base path included. */
  href: string;
}

/** Marks the root <svg> as one image named by `label`, sized by its viewBox. */
function accessibleRoot(svg: string, name: string, label: string): string {
  return svg.replace(/^<svg\b/, `<svg role="img" aria-label="${escapeHtml(label)}" focusable="false" data-diagram-svg="${escapeHtml(name)}"`);
}

export function textDiagramFigure(input: TextFigureInput): string {
  const { diagram, lang, caption, label, href } = input;
  const name = escapeHtml(diagram.name);
  const captionHtml = caption
    ? `<span class="diagram__caption-text">${escapeHtml(caption)}</span> `
    : '';
  return (
    `<figure class="diagram diagram--text" data-diagram="${name}" data-diagram-lang="${lang}">` +
    `<div class="diagram__canvas" style="--diagram-width:${diagram.width}px">${accessibleRoot(diagram.svg, diagram.name, label)}</div>` +
    `<figcaption class="diagram__caption">${captionHtml}` +
    `<a class="diagram__view" href="${escapeHtml(href)}">View diagram<span class="visually-hidden">: ${escapeHtml(label)}</span></a>` +
    `</figcaption></figure>`
  );
}

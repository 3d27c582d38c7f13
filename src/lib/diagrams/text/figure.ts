/**
 * The HTML a text-diagram fence becomes: the same figure as src/components/Diagram.astro
 * renders for a hand-authored SVG (`figure.diagram[data-diagram]`, a `.canvas` holding the
 * inline SVG with one accessible name, a "View diagram" link to /diagrams/<name>.svg, the
 * caption), built as a string because the remark plugin emits raw HTML into the MDX tree.
 *
 * Naming, link and aspect ratio come from the pipeline's inline.ts, so both paths decide
 * them the same way. Diagram.astro's stylesheet is scoped to that component and does not
 * reach markup made elsewhere, so the few layout rules it has are repeated here as inline
 * `style` attributes (no stylesheet, no script). Keep the two in step.
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

/** Adds declarations to the root <svg>'s style attribute (creating it if needed). */
function styleRoot(svg: string, declarations: string): string {
  return svg.replace(/^<svg\b([^>]*)>/, (_m, attrs: string) => {
    const existing = /\sstyle="([^"]*)"/.exec(attrs);
    if (!existing) return `<svg${attrs} style="${declarations}">`;
    const merged = `${(existing[1] ?? '').replace(/;?\s*$/, '')};${declarations}`;
    return `<svg${attrs.replace(existing[0], ` style="${merged}"`)}>`;
  });
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

const FIGURE_STYLE =
  "margin:var(--space-6, 2rem) 0;display:grid;grid-template-columns:1fr auto;grid-template-areas:'canvas canvas' 'caption open';gap:var(--space-2, 0.5rem) var(--space-4, 1rem);align-items:baseline;font-family:var(--font-ui, system-ui, sans-serif)";
const CANVAS_STYLE =
  'grid-area:canvas;color:var(--cb-diagram-fg, currentColor);background:var(--cb-diagram-bg, transparent);border:1px solid color-mix(in srgb, var(--cb-diagram-border, #44506a) 35%, transparent);border-radius:var(--radius, 6px);padding:var(--space-3, 0.75rem);overflow:hidden';
const OPEN_STYLE = 'grid-area:open;font-size:0.9rem;white-space:nowrap';
const CAPTION_STYLE = 'grid-area:caption;color:var(--cb-diagram-muted, inherit);font-size:0.9rem';

export function textDiagramFigure(input: TextFigureInput): string {
  const { diagram, lang, caption, alt, base } = input;
  const name = escapeHtml(diagram.name);
  const captionId = caption ? `${diagram.name}-figcaption` : undefined;
  const ratio = aspectRatio(diagram.viewBox);
  const svg = styleRoot(
    inlineSvg(diagram, { alt, caption, captionId }),
    `display:block;inline-size:100%;block-size:auto;max-inline-size:${diagram.width}px;aspect-ratio:${ratio};margin-inline:auto`,
  );
  const label = alt ?? diagram.title ?? caption ?? diagram.name;
  return (
    `<figure class="diagram diagram--text" data-diagram="${name}" data-diagram-lang="${lang}" style="${FIGURE_STYLE}">` +
    `<div class="canvas" style="${CANVAS_STYLE};--diagram-ratio:${ratio};--diagram-width:${diagram.width}px">${svg}</div>` +
    `<a class="open" href="${escapeHtml(diagramHref(base, diagram.name))}" data-diagram-open style="${OPEN_STYLE}">` +
    `View diagram<span class="visually-hidden"> “${escapeHtml(label)}” full size (SVG)</span><span aria-hidden="true"> ↗</span></a>` +
    (caption ? `<figcaption id="${escapeHtml(captionId ?? '')}" style="${CAPTION_STYLE}">${escapeHtml(caption)}</figcaption>` : '') +
    `</figure>`
  );
}

/**
 * How a processed diagram is placed in a page: accessible name, link target, aspect ratio.
 *
 * The figure (figure.ts) is built from these; the decisions live here so they are unit-tested. The root
 * `<svg>` gets `role="img"` and exactly one accessible name, in this order of preference:
 * the `alt` prop, the diagram's `<title>`, the caption. Its `<desc>` becomes the
 * description. Any naming attributes the author put on the root are replaced, so the
 * figure never carries two competing names.
 */
import { joinBase, routes } from '../urls.ts';
import { DiagramError } from './errors.ts';
import type { ProcessedDiagram } from './pipeline.ts';

export interface InlineOptions {
  alt?: string | undefined;
  caption?: string | undefined;
  /** id of the visible caption element, used when the caption is the name. */
  captionId?: string | undefined;
}

/** Text for HTML content or a double-quoted attribute (the one escape helper of the diagram markup). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
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

/** The id the pipeline gave an element with the given text, read back from the markup. */
function idOf(svg: string, tag: 'title' | 'desc'): string | undefined {
  return new RegExp(`<${tag}\\b[^>]*\\bid="([^"]+)"`).exec(svg)?.[1];
}

export function inlineSvg(diagram: ProcessedDiagram, options: InlineOptions = {}): string {
  const alt = options.alt?.trim();
  const caption = options.caption?.trim();
  const titleId = diagram.title ? idOf(diagram.svg, 'title') : undefined;
  const descId = diagram.desc ? idOf(diagram.svg, 'desc') : undefined;

  const naming: string[] = ['role="img"'];
  if (alt) naming.push(`aria-label="${escapeHtml(alt)}"`);
  else if (titleId) naming.push(`aria-labelledby="${titleId}"`);
  else if (caption && options.captionId) naming.push(`aria-labelledby="${options.captionId}"`);
  else if (caption) naming.push(`aria-label="${escapeHtml(caption)}"`);
  else {
    throw new DiagramError({
      file: `diagrams/${diagram.name}.svg`, element: `<Diagram name="${diagram.name}">`,
      found: 'no accessible name (the SVG has no <title>, and no alt or caption was given)',
      expected: 'a <title> in the SVG, or alt="..." / caption="..." on <Diagram>',
    });
  }
  if (descId) naming.push(`aria-describedby="${descId}"`);

  return diagram.svg.replace(/^<svg\b([^>]*)>/, (_m, attrs: string) => {
    const kept = attrs.replace(/\s(?:role|aria-label|aria-labelledby|aria-describedby)="[^"]*"/g, '');
    return `<svg${kept} ${naming.join(' ')}>`;
  });
}

/** The standalone file's URL under the site's base path. */
export function diagramHref(base: string, name: string): string {
  return joinBase(base, routes.diagram(name));
}

/** `aspect-ratio` value from a viewBox, so the figure reserves its height before paint. */
export function aspectRatio(viewBox: string): string {
  const [, , w, h] = viewBox.split(/[\s,]+/).map(Number);
  return w && h ? `${w} / ${h}` : 'auto';
}

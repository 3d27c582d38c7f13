/**
 * The standalone file served at `/diagrams/<name>.svg` ("View diagram").
 *
 * It is the same optimised, sanitised SVG as the inline one, plus what a document of its
 * own needs: the XML namespace, its natural width/height (so it opens at full size and the
 * browser can zoom it), and the theme stylesheet so it follows the visitor's colour scheme.
 */
import type { ProcessedDiagram } from './pipeline.ts';
import { standaloneThemeCss } from './theme.ts';

export function standaloneSvg(diagram: Pick<ProcessedDiagram, 'svg' | 'width' | 'height'>): string {
  const match = /^<svg\b([^>]*)>/.exec(diagram.svg);
  if (!match) throw new Error('standaloneSvg: expected the pipeline output to start with <svg');
  let attrs = match[1] ?? '';
  if (!/\sxmlns=/.test(attrs)) attrs = ` xmlns="http://www.w3.org/2000/svg"${attrs}`;
  attrs += ` width="${diagram.width}" height="${diagram.height}"`;
  const selfClosing = attrs.endsWith('/');
  if (selfClosing) attrs = attrs.slice(0, -1);
  const rest = selfClosing ? '</svg>' : diagram.svg.slice(match[0].length);
  return `<svg${attrs}><style>${standaloneThemeCss()}</style>${rest}`;
}

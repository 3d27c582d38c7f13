/**
 * Graphviz (```dot / ```graphviz fences) -> themed SVG with @viz-js/viz, Graphviz compiled to
 * WebAssembly: no `dot` binary on the build machine, no browser.
 *
 * Graphviz draws in fixed colours (black lines and text, white fills, a white background
 * polygon). We render with a sans-serif font for the layout metrics, then map those default
 * colours onto the site's diagram variables, drop the background and give text without a
 * colour the foreground colour, so the same SVG reads in light and dark mode. Colours the
 * author picked (`color=red`) are kept.
 */
import { instance, type Viz } from '@viz-js/viz';
import { packageVersion } from './package-version.ts';
import { DIAGRAM_COLOURS, recolour } from './theme.ts';
import { TextDiagramError, type RenderedTextDiagram, type TextDiagramRenderer } from './types.ts';

/** Graphviz's default colours and the site variables they become. */
const GRAPHVIZ_PALETTE = new Map<string, string>([
  ['black', DIAGRAM_COLOURS.fg],
  ['#000000', DIAGRAM_COLOURS.fg],
  ['white', DIAGRAM_COLOURS.surface],
  ['#ffffff', DIAGRAM_COLOURS.surface],
  ['lightgrey', DIAGRAM_COLOURS.surface],
  ['lightgray', DIAGRAM_COLOURS.surface],
]);

/**
 * Graphviz-in-WASM measures labels with built-in Helvetica metrics, so the SVG asks for
 * Helvetica or a metric-compatible face (Arial, Liberation Sans, Nimbus Sans): with a wider
 * font (the site's Inter, DejaVu) labels would overflow their boxes.
 */
const LAYOUT_FONT = 'Helvetica';
const OUTPUT_FONT = "Helvetica, Arial, 'Liberation Sans', 'Nimbus Sans', 'Helvetica Neue', sans-serif";

let vizPromise: Promise<Viz> | undefined;
function viz(): Promise<Viz> {
  vizPromise ??= instance();
  return vizPromise;
}

/** `graph`, `digraph`, optionally `strict`, as written in the source (after comments). */
function graphKind(source: string): string {
  const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*(\/\/|#).*$/gm, '');
  const m = /^\s*(strict\s+)?(digraph|graph)\b/i.exec(withoutComments);
  if (!m) {
    throw new TextDiagramError('dot', 'expected the source to start with "digraph {", "graph {" or "strict digraph {"', 1);
  }
  return `${m[1] ? 'strict ' : ''}${(m[2] ?? '').toLowerCase()}`;
}

/** Graphviz reports "syntax error in line 3 near 'x'"; this keeps the number and the text. */
function toError(messages: string[]): TextDiagramError {
  const first = messages[0] ?? 'Graphviz could not render the diagram';
  const m = /\bline (\d+)\b/.exec(first);
  const reason = first.replace(/\s+/g, ' ').trim();
  return new TextDiagramError('dot', reason, m ? Number(m[1]) : undefined);
}

/** Whether a node or cluster group draws its shape with a fill the author chose. */
function authorFilled(group: string): boolean {
  for (const m of group.matchAll(/<(?:polygon|ellipse|path|polyline)\b[^>]*\sfill="([^"]*)"/g)) {
    const fill = (m[1] ?? '').trim().toLowerCase();
    if (fill !== 'none' && fill !== 'transparent' && !fill.startsWith('var(')) return true;
  }
  return false;
}

/** Map Graphviz's fixed colours to the site's diagram variables. */
export function themeGraphvizSvg(svg: string): string {
  let out = svg
    .replace(/<\?xml[^>]*\?>\s*/g, '')
    .replace(/<!DOCTYPE[^>]*>\s*/g, '')
    .replace(/<!--[\s\S]*?-->\s*/g, '');
  // The canvas: the first polygon of the graph, filled white with no stroke.
  out = out.replace(/(<g id="graph0" class="graph"[^>]*>\s*)<polygon fill="white" stroke="none"[^>]*\/>\s*/, '$1');
  out = recolour(out, GRAPHVIZ_PALETTE);
  // On a shape the author filled (`style=filled color=AntiqueWhite`), uncoloured text keeps
  // Graphviz's black: the author picked that fill for black text, and the theme's light
  // foreground would vanish on it in dark mode.
  out = out.replace(/<g id="[^"]*" class="(?:node|cluster)">[\s\S]*?<\/g>/g, (group) =>
    authorFilled(group) ? group.replace(/<text\b(?![^>]*\sfill=)/g, '<text fill="#000000"') : group,
  );
  // Other text Graphviz leaves uncoloured is black in every viewer: make it the foreground.
  out = out.replace(/<text\b(?![^>]*\sfill=)/g, `<text fill="${DIAGRAM_COLOURS.fg}"`);
  out = out.replace(/font-family="Helvetica,sans-Serif"/g, `font-family="${OUTPUT_FONT}"`);
  // Graphviz sizes in points; the viewBox already carries the geometry.
  out = out.replace(/<svg width="([\d.]+)pt" height="([\d.]+)pt"/, (_m, w: string, h: string) => {
    const px = (pt: string) => String(Math.round(Number(pt) * (4 / 3)));
    return `<svg width="${px(w)}" height="${px(h)}"`;
  });
  return out;
}

export function createGraphvizRenderer(): TextDiagramRenderer {
  return {
    lang: 'dot',
    version: `@viz-js/viz@${packageVersion('@viz-js/viz')}`,
    async render(source: string): Promise<RenderedTextDiagram> {
      const type = graphKind(source);
      const v = await viz();
      const result = v.render(source, {
        format: 'svg',
        // A little room around labels and the drawing, for fonts slightly wider than the metrics.
        graphAttributes: { fontname: LAYOUT_FONT, bgcolor: 'transparent', pad: 0.2 },
        nodeAttributes: { fontname: LAYOUT_FONT, fontsize: 13, margin: '0.2,0.08' },
        edgeAttributes: { fontname: LAYOUT_FONT, fontsize: 12 },
      });
      const errors = result.errors.filter((e) => e.level !== 'warning').map((e) => e.message);
      const warnings = result.errors.filter((e) => e.level === 'warning').map((e) => `Graphviz: ${e.message.trim()}`);
      if (result.status !== 'success') throw toError(errors.length ? errors : warnings);
      return { lang: 'dot', type, svg: themeGraphvizSvg(result.output), warnings };
    },
  };
}

/**
 * Gives every diagram a viewBox and a natural size.
 *
 * An inlined diagram scales with the page only if it has a `viewBox`; exports from some
 * tools carry just `width`/`height`, which this turns into `viewBox="0 0 w h"`. The root's
 * `width`/`height` are then removed so the inline SVG fills its figure (the component sets
 * the aspect ratio) and put back only in the standalone file. A file with neither fails:
 * there is no honest size to guess.
 */
import type { CustomPlugin, XastElement } from 'svgo';
import { DiagramError } from './errors.ts';
import { lineOfElement } from './source-lines.ts';

export interface Geometry {
  viewBox: string;
  width: number;
  height: number;
}

const UNIT_TO_PX: Record<string, number> = {
  '': 1, px: 1, pt: 4 / 3, pc: 16, mm: 96 / 25.4, cm: 96 / 2.54, in: 96, q: 96 / 101.6,
};

/** A CSS length in px, or undefined for percentages, em and the like. */
export function lengthToPx(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  if (!m) return undefined;
  const factor = UNIT_TO_PX[(m[2] ?? '').toLowerCase()];
  const n = Number(m[1]) * (factor ?? NaN);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

export function parseViewBox(value: string | undefined): [number, number, number, number] | undefined {
  if (value === undefined) return undefined;
  const parts = value.trim().split(/[\s,]+/).map(Number);
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return undefined;
  const [x, y, w, h] = parts as [number, number, number, number];
  return w > 0 && h > 0 ? [x, y, w, h] : undefined;
}

const round = (n: number): number => Math.round(n * 100) / 100;
const round3 = (n: number): number => Math.round(n * 1000) / 1000;

/**
 * When width/height and the viewBox disagree in shape (Graphviz rounds its size to whole
 * points), the browser letterboxes the drawing inside the declared size. The inline figure is
 * sized by the viewBox alone, so the viewBox is widened the same way the browser would
 * (`preserveAspectRatio`, default `xMidYMid meet`), and the picture sits where it did.
 */
export function fitViewBox(box: [number, number, number, number], width: number, height: number, par: string | undefined): [number, number, number, number] {
  const [x, y, w, h] = box;
  if (Math.abs(width / height - w / h) < 1e-3 * (w / h)) return box;
  const m = /^\s*(none|x(Min|Mid|Max)Y(Min|Mid|Max))(?:\s+(meet|slice))?\s*$/.exec(par ?? 'xMidYMid meet');
  if (!m || m[1] === 'none' || m[4] === 'slice') return box;
  const scale = Math.min(width / w, height / h);
  const extraW = width / scale - w;
  const extraH = height / scale - h;
  const share = (align: string | undefined): number => (align === 'Min' ? 0 : align === 'Max' ? 1 : 0.5);
  return [x - extraW * share(m[2]), y - extraH * share(m[3]), w + extraW, h + extraH];
}

/** Reads (or derives) the geometry of a root `<svg>`; throws when there is none. */
export function geometryOf(root: XastElement, file: string, source: string): Geometry {
  const box = parseViewBox(root.attributes.viewBox);
  const width = lengthToPx(root.attributes.width);
  const height = lengthToPx(root.attributes.height);
  if (box) {
    const [, , w, h] = box;
    // Keep the author's aspect ratio: a width alone scales the viewBox's height.
    const naturalWidth = width ?? (height ? (height * w) / h : w);
    const naturalHeight = height ?? (naturalWidth * h) / w;
    const fitted = width !== undefined && height !== undefined ? fitViewBox(box, width, height, root.attributes.preserveAspectRatio) : box;
    return { viewBox: fitted.map(round3).join(' '), width: round(naturalWidth), height: round(naturalHeight) };
  }
  if (width !== undefined && height !== undefined) {
    return { viewBox: `0 0 ${round(width)} ${round(height)}`, width: round(width), height: round(height) };
  }
  const found = root.attributes.viewBox !== undefined
    ? `an unusable viewBox="${root.attributes.viewBox}"`
    : `no viewBox and ${width === undefined ? `no usable width (${root.attributes.width ?? 'missing'})` : `no usable height (${root.attributes.height ?? 'missing'})`}`;
  throw new DiagramError({
    file, line: lineOfElement(source, 'svg'), element: '<svg>', found,
    expected: 'viewBox="0 0 <width> <height>", or width and height in px',
  });
}

/**
 * CSS properties in the root's `style` that size the drawing. They would beat the figure's
 * stylesheet (an inline style wins), so `style="max-width: 100%"` (mermaid-cli) stretched the
 * inline figure past its natural width and `style="width:977px"` (PlantUML) kept it from
 * shrinking on a narrow screen. The figure sizes the inline SVG; the standalone file gets its
 * width and height back as attributes.
 */
const ROOT_SIZE_PROPERTIES = new Set([
  'width', 'height', 'min-width', 'min-height', 'max-width', 'max-height',
  'inline-size', 'block-size', 'min-inline-size', 'min-block-size', 'max-inline-size', 'max-block-size',
]);

/** Splits a `style` attribute into declarations at `;` outside quotes and parentheses. */
export function splitDeclarations(style: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < style.length; i++) {
    const c = style[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ';' && depth === 0) {
      out.push(style.slice(start, i));
      start = i + 1;
    }
  }
  out.push(style.slice(start));
  return out.filter((d) => d.trim() !== '');
}

/** The root's `style` without its sizing declarations; undefined when nothing is left. */
export function withoutRootSize(style: string): string | undefined {
  const kept = splitDeclarations(style).filter((d) => {
    const property = d.slice(0, d.indexOf(':')).trim().toLowerCase();
    return !ROOT_SIZE_PROPERTIES.has(property);
  });
  return kept.length ? kept.map((d) => d.trim()).join(';') : undefined;
}

/** svgo plugin: sets the viewBox, drops the root size, and hands the geometry to `onGeometry`. */
export function createViewBoxPlugin(file: string, source: string, onGeometry: (g: Geometry) => void): CustomPlugin {
  return {
    name: 'casebookViewBox',
    fn: () => ({
      element: {
        enter: (node, parent) => {
          if (parent.type !== 'root') return;
          const geometry = geometryOf(node, file, source);
          onGeometry(geometry);
          node.attributes.viewBox = geometry.viewBox;
          delete node.attributes.width;
          delete node.attributes.height;
          const style = node.attributes.style;
          if (style !== undefined) {
            const rest = withoutRootSize(style);
            if (rest === undefined) delete node.attributes.style;
            else node.attributes.style = rest;
          }
        },
      },
    }),
  };
}

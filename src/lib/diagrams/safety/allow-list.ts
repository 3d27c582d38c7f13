/**
 * What a diagram may contain: the one allow-list the sanitiser (sanitise.ts) enforces on the
 * way in and the final check (final-check.ts) verifies on the way out.
 *
 * Anything not named here is removed: elements in the SVG namespace (SVG 2 plus the SVG 1.1
 * filter and animation elements browsers draw), and inside `<foreignObject>` only the XHTML
 * subset diagram editors use for labels (issue #10: draw.io "Formatted Text", mermaid-cli
 * htmlLabels). Left out on purpose: `<script>`, `<handler>`, SVG fonts (`<font>`, `<glyph>`,
 * ...: no browser draws them, and `<font>` is an HTML breakout tag), `<cursor>` and
 * `<animateColor>` (load or animate nothing a static picture needs), `<tref>`, `<discard>`.
 *
 * Names are keyed by their lower-case form and map to the spelling browsers expect, so
 * `<FOREIGNOBJECT>` or `viewbox=` come out as `<foreignObject>`/`viewBox=` (an HTML parser
 * fixes the case of an inline diagram, an XML parser does not: the two would differ).
 */

export const SVG_NS = 'http://www.w3.org/2000/svg';
export const XHTML_NS = 'http://www.w3.org/1999/xhtml';
export const XLINK_NS = 'http://www.w3.org/1999/xlink';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

const canonical = (names: string[]): Map<string, string> => new Map(names.map((n) => [n.toLowerCase(), n]));

const SHAPES = ['rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'path'];
const FILTER_PRIMITIVES = [
  'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feConvolveMatrix',
  'feDiffuseLighting', 'feDisplacementMap', 'feDistantLight', 'feDropShadow', 'feFlood', 'feFuncA',
  'feFuncB', 'feFuncG', 'feFuncR', 'feGaussianBlur', 'feImage', 'feMerge', 'feMergeNode',
  'feMorphology', 'feOffset', 'fePointLight', 'feSpecularLighting', 'feSpotLight', 'feTile',
  'feTurbulence',
];
export const ANIMATION_ELEMENTS = new Set(['animate', 'animateMotion', 'animateTransform', 'set']);

/** SVG elements, lower-case key to canonical spelling. */
export const SVG_ELEMENTS = canonical([
  'svg', 'g', 'defs', 'symbol', 'use', 'a', 'switch', 'title', 'desc', 'style', 'image',
  'foreignObject', 'text', 'tspan', 'textPath', 'marker', 'pattern', 'linearGradient',
  'radialGradient', 'stop', 'clipPath', 'mask', 'filter', 'view', 'mpath', 'metadata',
  ...SHAPES, ...FILTER_PRIMITIVES, ...ANIMATION_ELEMENTS,
]);

/** XHTML inside `<foreignObject>` (issue #10's subset). */
export const XHTML_ELEMENTS = canonical([
  'div', 'span', 'p', 'br', 'b', 'i', 'em', 'strong', 'u', 's', 'sub', 'sup', 'code', 'pre',
  'ul', 'ol', 'li', 'font', 'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot',
  'tr', 'td', 'th', 'img',
]);
/** Written `<br/>` in both syntaxes; every other XHTML element needs an end tag in HTML. */
export const XHTML_VOID = new Set(['br', 'col', 'img']);

/** Presentation attributes: also the only attributes SMIL may animate (with GEOMETRY). */
export const PRESENTATION_ATTRIBUTES = new Set([
  'alignment-baseline', 'baseline-shift', 'clip', 'clip-path', 'clip-rule', 'color',
  'color-interpolation', 'color-interpolation-filters', 'color-rendering', 'direction', 'display',
  'dominant-baseline', 'fill', 'fill-opacity', 'fill-rule', 'filter', 'flood-color',
  'flood-opacity', 'font', 'font-family', 'font-size', 'font-size-adjust', 'font-stretch',
  'font-style', 'font-variant', 'font-weight', 'glyph-orientation-horizontal',
  'glyph-orientation-vertical', 'image-rendering', 'kerning', 'letter-spacing', 'lighting-color',
  'marker', 'marker-end', 'marker-mid', 'marker-start', 'mask', 'mask-type', 'opacity', 'overflow',
  'paint-order', 'pointer-events', 'shape-rendering', 'stop-color', 'stop-opacity', 'stroke',
  'stroke-dasharray', 'stroke-dashoffset', 'stroke-linecap', 'stroke-linejoin',
  'stroke-miterlimit', 'stroke-opacity', 'stroke-width', 'text-anchor', 'text-decoration',
  'text-overflow', 'text-rendering', 'transform-origin', 'unicode-bidi', 'vector-effect',
  'visibility', 'white-space', 'word-spacing', 'writing-mode', 'enable-background',
]);

/** Geometry and transforms: animatable, never a URL. */
const GEOMETRY = [
  'x', 'y', 'width', 'height', 'cx', 'cy', 'r', 'rx', 'ry', 'x1', 'y1', 'x2', 'y2', 'd',
  'points', 'offset', 'transform', 'dx', 'dy', 'rotate', 'startOffset', 'stdDeviation',
  'pathLength', 'fx', 'fy', 'fr', 'viewBox', 'gradientTransform', 'patternTransform',
];
export const SMIL_TARGETS: ReadonlyMap<string, string> = new Map([
  ...[...PRESENTATION_ATTRIBUTES].map((a): [string, string] => [a, a]),
  ...canonical(GEOMETRY),
]);

/** On every SVG element. `aria-*` and `role` are checked by pattern (see `allowedSvgAttribute`). */
const CORE = [
  'id', 'class', 'style', 'lang', 'tabindex', 'transform', 'requiredExtensions',
  'requiredFeatures', 'systemLanguage', 'focusable',
];
const RECT_LIKE = ['x', 'y', 'width', 'height'];
const BOX = ['viewBox', 'preserveAspectRatio'];
const FILTER_PRIMITIVE_COMMON = [...RECT_LIKE, 'result', 'in', 'in2'];
const TIMING = [
  'attributeName', 'attributeType', 'begin', 'end', 'dur', 'min', 'max', 'restart', 'repeatCount',
  'repeatDur', 'fill', 'calcMode', 'keyTimes', 'keySplines', 'additive', 'accumulate', 'values',
  'from', 'to', 'by', 'href',
];
const TEXT_POSITION = ['x', 'y', 'dx', 'dy', 'rotate', 'textLength', 'lengthAdjust'];

const PER_ELEMENT: Record<string, string[]> = {
  svg: [...RECT_LIKE, ...BOX, 'version', 'baseProfile', 'zoomAndPan'],
  symbol: [...RECT_LIKE, ...BOX, 'refX', 'refY'],
  use: [...RECT_LIKE, 'href'],
  a: ['href', 'target', 'hreflang', 'type'],
  image: [...RECT_LIKE, 'preserveAspectRatio', 'href'],
  foreignObject: RECT_LIKE,
  style: ['type', 'media', 'title'],
  rect: [...RECT_LIKE, 'rx', 'ry', 'pathLength'],
  circle: ['cx', 'cy', 'r', 'pathLength'],
  ellipse: ['cx', 'cy', 'rx', 'ry', 'pathLength'],
  line: ['x1', 'y1', 'x2', 'y2', 'pathLength'],
  polyline: ['points', 'pathLength'],
  polygon: ['points', 'pathLength'],
  path: ['d', 'pathLength'],
  text: TEXT_POSITION,
  tspan: TEXT_POSITION,
  textPath: ['href', 'startOffset', 'method', 'spacing', 'side', 'path', 'textLength', 'lengthAdjust'],
  marker: [...BOX, 'refX', 'refY', 'markerUnits', 'markerWidth', 'markerHeight', 'orient'],
  pattern: [...RECT_LIKE, ...BOX, 'patternUnits', 'patternContentUnits', 'patternTransform', 'href'],
  linearGradient: ['x1', 'y1', 'x2', 'y2', 'gradientUnits', 'gradientTransform', 'spreadMethod', 'href'],
  radialGradient: ['cx', 'cy', 'r', 'fx', 'fy', 'fr', 'gradientUnits', 'gradientTransform', 'spreadMethod', 'href'],
  stop: ['offset'],
  clipPath: ['clipPathUnits'],
  mask: [...RECT_LIKE, 'maskUnits', 'maskContentUnits'],
  filter: [...RECT_LIKE, 'filterUnits', 'primitiveUnits'],
  view: BOX,
  mpath: ['href'],
  animate: TIMING,
  set: TIMING,
  animateTransform: [...TIMING, 'type'],
  animateMotion: [...TIMING, 'path', 'keyPoints', 'rotate', 'origin'],
  feBlend: [...FILTER_PRIMITIVE_COMMON, 'mode'],
  feColorMatrix: [...FILTER_PRIMITIVE_COMMON, 'type', 'values'],
  feComponentTransfer: FILTER_PRIMITIVE_COMMON,
  feComposite: [...FILTER_PRIMITIVE_COMMON, 'operator', 'k1', 'k2', 'k3', 'k4'],
  feConvolveMatrix: [...FILTER_PRIMITIVE_COMMON, 'order', 'kernelMatrix', 'divisor', 'bias', 'targetX', 'targetY', 'edgeMode', 'kernelUnitLength', 'preserveAlpha'],
  feDiffuseLighting: [...FILTER_PRIMITIVE_COMMON, 'surfaceScale', 'diffuseConstant', 'kernelUnitLength'],
  feDisplacementMap: [...FILTER_PRIMITIVE_COMMON, 'scale', 'xChannelSelector', 'yChannelSelector'],
  feDistantLight: ['azimuth', 'elevation'],
  feDropShadow: [...FILTER_PRIMITIVE_COMMON, 'dx', 'dy', 'stdDeviation'],
  feFlood: FILTER_PRIMITIVE_COMMON,
  feFuncA: ['type', 'tableValues', 'slope', 'intercept', 'amplitude', 'exponent', 'offset'],
  feGaussianBlur: [...FILTER_PRIMITIVE_COMMON, 'stdDeviation', 'edgeMode'],
  feImage: [...FILTER_PRIMITIVE_COMMON, 'preserveAspectRatio', 'href'],
  feMerge: FILTER_PRIMITIVE_COMMON,
  feMergeNode: ['in'],
  feMorphology: [...FILTER_PRIMITIVE_COMMON, 'operator', 'radius'],
  feOffset: [...FILTER_PRIMITIVE_COMMON, 'dx', 'dy'],
  fePointLight: ['x', 'y', 'z'],
  feSpecularLighting: [...FILTER_PRIMITIVE_COMMON, 'surfaceScale', 'specularConstant', 'specularExponent', 'kernelUnitLength'],
  feSpotLight: ['x', 'y', 'z', 'pointsAtX', 'pointsAtY', 'pointsAtZ', 'specularExponent', 'limitingConeAngle'],
  feTile: FILTER_PRIMITIVE_COMMON,
  feTurbulence: [...FILTER_PRIMITIVE_COMMON, 'baseFrequency', 'numOctaves', 'seed', 'stitchTiles', 'type'],
};
PER_ELEMENT.feFuncB = PER_ELEMENT.feFuncA ?? [];
PER_ELEMENT.feFuncG = PER_ELEMENT.feFuncA ?? [];
PER_ELEMENT.feFuncR = PER_ELEMENT.feFuncA ?? [];

const CORE_CANONICAL = canonical(CORE);
const PER_ELEMENT_CANONICAL = new Map(Object.entries(PER_ELEMENT).map(([el, attrs]) => [el, canonical(attrs)]));
const ARIA = /^aria-[a-z]+$/;

/**
 * The canonical spelling of an unprefixed attribute allowed on an SVG element, or undefined.
 * `element` is the canonical element name. Event handlers are never in these tables.
 */
export function allowedSvgAttribute(element: string, attribute: string): string | undefined {
  const lower = attribute.toLowerCase();
  const own = PER_ELEMENT_CANONICAL.get(element)?.get(lower);
  if (own) return own;
  // On animation elements `fill` is the freeze/remove timing attribute, already listed.
  if (PRESENTATION_ATTRIBUTES.has(lower)) return lower;
  const core = CORE_CANONICAL.get(lower);
  if (core) return core;
  if (lower === 'role' || ARIA.test(lower)) return lower;
  return undefined;
}

/**
 * Attributes allowed on the XHTML subset (issue #10: class, style through the CSS rules, dir,
 * lang), plus what a few elements need to lay out the same. draw.io's legacy `<font color>`,
 * `align=` and `<img width>` are turned into `style` by foreign-object.ts, not kept.
 */
const XHTML_COMMON = new Set(['class', 'style', 'dir', 'lang']);
const XHTML_PER_ELEMENT: Record<string, string[]> = {
  img: ['src', 'alt'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan', 'scope'],
  col: ['span'],
  colgroup: ['span'],
  ol: ['start', 'reversed'],
  li: ['value'],
};

export function allowedXhtmlAttribute(element: string, attribute: string): string | undefined {
  const lower = attribute.toLowerCase();
  if (XHTML_COMMON.has(lower)) return lower;
  return XHTML_PER_ELEMENT[element]?.includes(lower) ? lower : undefined;
}

/** Attributes whose value is a URL (checked by kind in urls.ts, wherever they are allowed). */
export const URL_ATTRIBUTES = new Set(['href', 'src']);

/**
 * At-rules a diagram's CSS may use. Everything else is removed: `@import` loads, and
 * `@property`, `@page`, `@counter-style`, `@font-palette-values`, `@layer`, `@namespace`,
 * `@scope`, `@container`, ... define or reorder things for the whole page. `@keyframes` and
 * `@font-face` are global too, so scope-styles.ts renames what they define to the diagram.
 */
export const ALLOWED_AT_RULES = new Set(['media', 'supports', 'keyframes', '-webkit-keyframes', 'font-face']);

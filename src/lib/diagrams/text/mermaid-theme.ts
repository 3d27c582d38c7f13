/**
 * Mermaid in the site's colours, in both schemes, from ONE render.
 *
 * Mermaid is rendered with its `base` theme and sentinel colours: every theme variable it
 * paints with is set to a distinct hex value (the site's light palette, nudged so no two
 * roles share a value). Afterwards (at build time, in Node, cheap) each colour in the SVG is
 * mapped back to its role's `--cb-diagram-*` variable, so the diagram follows the light/dark
 * toggle like the hand-authored ones.
 *
 * Mermaid derives further colours from the variables (khroma's lighten/darken, written as
 * hsl()/rgb()); those are mapped to the nearest sentinel when they are close to one, and
 * kept as they are otherwise (categorical palettes: pie slices, git branches, journey
 * sections). Colours the author wrote in the fence (`style`, `classDef`, `linkStyle`, their
 * own `themeVariables`) are never remapped.
 *
 * The sentinel table is part of the render-cache key (render-store.ts): changing a value
 * here needs a re-render, changing only the variable a sentinel maps to does not.
 */
import { DIAGRAM_COLOURS, DIAGRAM_FONT, type DiagramColourRole } from './theme.ts';

/** A colour used as mermaid paints it, and the CSS it becomes. */
interface Sentinel {
  hex: string;
  css: string;
}

const tint = (role: DiagramColourRole, percent: number): string =>
  `color-mix(in srgb, ${DIAGRAM_COLOURS[role]} ${percent}%, ${DIAGRAM_COLOURS.bg})`;

/** Sentinel hex -> site colour. The hex values are the site's light palette (nudged). */
const ROLES = {
  text: { hex: '#1b2230', css: DIAGRAM_COLOURS.fg },
  muted: { hex: '#5a6478', css: DIAGRAM_COLOURS.muted },
  canvas: { hex: '#ffffff', css: DIAGRAM_COLOURS.bg },
  node: { hex: '#f6f8fb', css: DIAGRAM_COLOURS.surface },
  border: { hex: '#44506a', css: DIAGRAM_COLOURS.border },
  line: { hex: '#45516b', css: DIAGRAM_COLOURS.border },
  accent: { hex: '#2357c6', css: DIAGRAM_COLOURS.accent },
  secondary: { hex: '#e4ebf8', css: tint('accent', 12) },
  tertiary: { hex: '#f1f5fc', css: tint('accent', 6) },
  note: { hex: '#fbf3dc', css: `color-mix(in srgb, #e0a800 14%, ${DIAGRAM_COLOURS.bg})` },
  danger: { hex: '#b42318', css: DIAGRAM_COLOURS.danger },
  ok: { hex: '#1a7f37', css: DIAGRAM_COLOURS.ok },
} as const satisfies Record<string, Sentinel>;

type Role = keyof typeof ROLES;
const hex = (role: Role): string => ROLES[role].hex;

/**
 * Mermaid's theme variables (base theme), each set to a role's sentinel. Names from
 * mermaid's theme-base.js; the ones left out are derived by mermaid from these.
 */
export const MERMAID_THEME_VARIABLES: Readonly<Record<string, string | boolean>> = {
  darkMode: false,
  background: hex('canvas'),
  fontFamily: DIAGRAM_FONT,
  primaryColor: hex('node'),
  primaryTextColor: hex('text'),
  primaryBorderColor: hex('border'),
  secondaryColor: hex('secondary'),
  secondaryTextColor: hex('text'),
  secondaryBorderColor: hex('border'),
  tertiaryColor: hex('tertiary'),
  tertiaryTextColor: hex('text'),
  tertiaryBorderColor: hex('border'),
  noteBkgColor: hex('note'),
  noteTextColor: hex('text'),
  noteBorderColor: hex('muted'),
  lineColor: hex('line'),
  textColor: hex('text'),
  mainBkg: hex('node'),
  nodeBorder: hex('border'),
  nodeTextColor: hex('text'),
  clusterBkg: hex('tertiary'),
  clusterBorder: hex('muted'),
  defaultLinkColor: hex('line'),
  titleColor: hex('text'),
  edgeLabelBackground: hex('canvas'),
  errorBkgColor: hex('danger'),
  errorTextColor: hex('canvas'),
  // Sequence diagrams.
  actorBkg: hex('node'),
  actorBorder: hex('border'),
  actorTextColor: hex('text'),
  actorLineColor: hex('muted'),
  signalColor: hex('line'),
  signalTextColor: hex('text'),
  labelBoxBkgColor: hex('node'),
  labelBoxBorderColor: hex('border'),
  labelTextColor: hex('text'),
  loopTextColor: hex('text'),
  activationBorderColor: hex('border'),
  activationBkgColor: hex('secondary'),
  sequenceNumberColor: hex('canvas'),
  // State and class diagrams.
  labelColor: hex('text'),
  altBackground: hex('tertiary'),
  compositeBackground: hex('canvas'),
  compositeTitleBackground: hex('tertiary'),
  compositeBorder: hex('muted'),
  innerEndBackground: hex('border'),
  specialStateColor: hex('text'),
  transitionColor: hex('line'),
  transitionLabelColor: hex('text'),
  stateLabelColor: hex('text'),
  stateBkg: hex('node'),
  // Gantt.
  sectionBkgColor: hex('tertiary'),
  altSectionBkgColor: hex('canvas'),
  sectionBkgColor2: hex('secondary'),
  taskBorderColor: hex('accent'),
  taskBkgColor: hex('secondary'),
  taskTextColor: hex('text'),
  taskTextLightColor: hex('text'),
  taskTextOutsideColor: hex('text'),
  taskTextClickableColor: hex('accent'),
  taskTextDarkColor: hex('text'),
  activeTaskBorderColor: hex('accent'),
  activeTaskBkgColor: hex('node'),
  gridColor: hex('muted'),
  doneTaskBkgColor: hex('muted'),
  doneTaskBorderColor: hex('border'),
  critBorderColor: hex('danger'),
  critBkgColor: hex('note'),
  todayLineColor: hex('danger'),
  // Requirement, ER, C4 and friends fall back on the values above.
  relationColor: hex('line'),
  relationLabelBackground: hex('canvas'),
  relationLabelColor: hex('text'),
  attributeBackgroundColorOdd: hex('canvas'),
  attributeBackgroundColorEven: hex('node'),
  personBorder: hex('border'),
  personBkg: hex('node'),
  // Quadrant charts: the base theme derives the point colour with lighten()/darken() and no
  // amount, which comes out as hsl(…, NaN%): no colour at all. The points take the accent.
  quadrantPointFill: hex('accent'),
};

/**
 * C4 diagrams take their shape colours from mermaid's `c4` options, not the theme, and draw
 * every label white (`#ffffff`, the canvas sentinel: the site background, dark in the dark
 * scheme). Their fixed blues would put dark labels on dark blue there, so every shape gets a
 * role that is dark in the light scheme and light in the dark one: the accent for the
 * system's own elements, muted for external ones, the border colour for outlines.
 */
export const MERMAID_C4_COLOURS: Readonly<Record<string, string>> = Object.fromEntries(
  ['person', 'system', 'system_db', 'system_queue', 'container', 'container_db', 'container_queue', 'component', 'component_db', 'component_queue'].flatMap((kind) => [
    [`${kind}_bg_color`, hex('accent')],
    [`${kind}_border_color`, hex('border')],
    [`external_${kind}_bg_color`, hex('muted')],
    [`external_${kind}_border_color`, hex('border')],
  ]),
);

/** Sentinel hex -> CSS, plus black/white, which mermaid's stylesheets use directly. */
const SENTINEL_CSS = new Map<string, string>([
  ...Object.values(ROLES).map((r): [string, string] => [r.hex, r.css]),
  ['#000000', DIAGRAM_COLOURS.fg],
]);
const SENTINEL_RGB = [...SENTINEL_CSS].map(([h, css]) => ({ rgb: parseHex(h)!, css }));

/** A derived colour this close (RGB distance) to a sentinel takes its role. */
const NEAR = 40;

type Rgba = [number, number, number, number];

function parseHex(value: string): Rgba | undefined {
  const m = /^#([0-9a-f]{3,8})$/i.exec(value.trim());
  if (!m) return undefined;
  let h = m[1]!;
  if (h.length === 3 || h.length === 4) h = [...h].map((c) => c + c).join('');
  if (h.length !== 6 && h.length !== 8) return undefined;
  const n = (i: number) => parseInt(h.slice(i, i + 2), 16);
  return [n(0), n(2), n(4), h.length === 8 ? n(6) / 255 : 1];
}

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const hue = ((h % 360) + 360) % 360;
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((hue / 60) % 2) - 1));
  const m = l - c / 2;
  const [r, g, b] =
    hue < 60 ? [c, x, 0] : hue < 120 ? [x, c, 0] : hue < 180 ? [0, c, x] : hue < 240 ? [0, x, c] : hue < 300 ? [x, 0, c] : [c, 0, x];
  return [(r + m) * 255, (g + m) * 255, (b + m) * 255];
}

const NAMED: Record<string, Rgba> = {
  black: [0, 0, 0, 1],
  white: [255, 255, 255, 1],
  grey: [128, 128, 128, 1],
  gray: [128, 128, 128, 1],
};

/** Parses hex, rgb()/rgba(), hsl()/hsla() and a few keywords; undefined otherwise. */
export function parseColour(value: string): Rgba | undefined {
  const v = value.trim().toLowerCase();
  if (v.startsWith('#')) return parseHex(v);
  if (NAMED[v]) return NAMED[v];
  const fn = /^(rgba?|hsla?)\(\s*([^)]*)\)$/.exec(v);
  if (!fn) return undefined;
  const parts = fn[2]!.split(/[\s,/]+/).filter(Boolean);
  if (parts.length < 3) return undefined;
  const num = (p: string, scale: number): number => (p.endsWith('%') ? (parseFloat(p) / 100) * scale : parseFloat(p));
  const alpha = parts[3] === undefined ? 1 : num(parts[3], 1);
  if (fn[1]!.startsWith('rgb')) {
    const [r, g, b] = parts.slice(0, 3).map((p) => num(p, 255)) as [number, number, number];
    return [r, g, b, alpha].some(Number.isNaN) ? undefined : [r, g, b, alpha];
  }
  const [h, s, l] = [parseFloat(parts[0]!), parseFloat(parts[1]!) / 100, parseFloat(parts[2]!) / 100];
  if ([h, s, l, alpha].some(Number.isNaN)) return undefined;
  return [...hslToRgb(h, s, l), alpha];
}

const key = ([r, g, b]: Rgba): string =>
  `#${[r, g, b].map((c) => Math.max(0, Math.min(255, Math.round(c))).toString(16).padStart(2, '0')).join('')}`;

/** Every colour written in the fence's source, as `#rrggbb`: the author's, never remapped. */
export function authorColours(source: string): Set<string> {
  const found = new Set<string>();
  const token = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?)\([^)]*\)|\b(?:black|white|grey|gray)\b/gi;
  for (const m of source.matchAll(token)) {
    const c = parseColour(m[0]);
    if (c) found.add(key(c));
  }
  return found;
}

/** The CSS a colour becomes: a site variable for theme colours, itself for the rest. */
function mapColour(value: string, author: ReadonlySet<string>): string {
  const c = parseColour(value);
  if (!c) return value;
  const k = key(c);
  if (author.has(k)) return value;
  let css = SENTINEL_CSS.get(k);
  if (!css) {
    let best = NEAR;
    for (const s of SENTINEL_RGB) {
      const d = Math.hypot(s.rgb[0] - c[0], s.rgb[1] - c[1], s.rgb[2] - c[2]);
      if (d < best) {
        best = d;
        css = s.css;
      }
    }
  }
  if (!css) return value;
  const alpha = c[3];
  if (alpha >= 0.999) return css;
  if (alpha <= 0.001) return 'transparent';
  return `color-mix(in srgb, ${css} ${Math.round(alpha * 100)}%, transparent)`;
}

const COLOUR_TOKEN = /#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?)\([^)]*\)|\b(?:black|white)\b/g;
const COLOUR_PROPS = 'fill|stroke|color|stop-color|flood-color|lighting-color|background-color|background|border-color|border';

/** Replaces theme colours in attributes and CSS declarations with site variables. */
export function recolourMermaid(svg: string, author: ReadonlySet<string>): string {
  const swap = (value: string): string => value.replace(COLOUR_TOKEN, (token) => mapColour(token, author));
  return svg
    .replace(new RegExp(`\\s(${COLOUR_PROPS})="([^"]*)"`, 'g'), (_m, attr: string, value: string) => ` ${attr}="${swap(value)}"`)
    .replace(
      new RegExp(`(^|[\\s;{"'])(${COLOUR_PROPS})\\s*:\\s*([^;}"]+)`, 'g'),
      (_m, lead: string, prop: string, value: string) => `${lead}${prop}:${swap(value)}`,
    );
}

/**
 * Mermaid's raw SVG -> the SVG Casebook passes to its pipeline: site colours, a natural
 * size (mermaid writes width="100%" and a max-width style), none of mermaid's internal
 * layout data (`data-points` repeats every edge's coordinates in base64), and nothing
 * that only serves mermaid's interactive or "neo" looks.
 */
/** The id mermaid is told to give the root <svg> (no hex digits: see COLOUR_TOKEN). */
export const MERMAID_ROOT_ID = 'mmd';

/**
 * Mermaid's SVG comes from the browser's HTML serialiser, which writes the HTML inside
 * `<foreignObject>` labels as HTML: void elements unclosed (`<br>`) and U+00A0 as
 * `&nbsp;`. The pipeline reads XML, so those are written the XML way.
 */
export function xmlFromHtmlSerialisation(svg: string): string {
  return svg
    .replace(/<(area|br|col|embed|hr|img|input|source|track|wbr)\b((?:[^>"']|"[^"]*"|'[^']*')*?)\s*(?<!\/)>/gi, '<$1$2/>')
    .replace(/&nbsp;/g, '&#160;');
}

export function themeMermaidSvg(raw: string, source: string): string {
  let svg = xmlFromHtmlSerialisation(raw).replace(/\sdata-points="[^"]*"/g, '');
  // Mermaid writes some style attributes that are not CSS (`style="undefined;;;undefined"`
  // on ER attributes): keep only `property: value` declarations.
  svg = svg.replace(/(<[^>]*?\s)style="([^"]*)"/g, (_m, before: string, css: string) => {
    // Entities (`&quot;` around "Segoe UI") end in ';' too: protect them while splitting.
    const protectedCss = css.replace(/&(#?\w+);/g, '&$1\u0000');
    const kept = protectedCss
      .split(';')
      .map((d) => d.trim())
      .filter((d) => /^-{0,2}[a-z][\w-]*\s*:\s*\S/i.test(d))
      .map((d) => d.replace(/\u0000/g, ';'));
    return kept.length > 0 ? `${before}style="${kept.join(';')}"` : before.replace(/\s$/, '');
  });
  svg = svg.replace(/@keyframes[^{]*\{(?:[^{}]*\{[^}]*\})*[^}]*\}/g, '');
  // Mermaid anchors its rules on the root's id (`#mmd .node rect`); the pipeline anchors
  // every rule on the root itself, so the selectors are made relative (`#mmd` alone is the
  // root: `:root`, which the pipeline turns into the root's new id).
  svg = svg.replace(/<style>([\s\S]*?)<\/style>/g, (_m, css: string) =>
    `<style>${css.replace(new RegExp(`#${MERMAID_ROOT_ID}\\s+`, 'g'), '').replace(new RegExp(`#${MERMAID_ROOT_ID}(?=[{,.:\\[])`, 'g'), ':root')}</style>`,
  );
  svg = svg.replace(/<svg\b([^>]*)>/, (_m, attrs: string) => {
    const vb = /\sviewBox="([^"]*)"/.exec(attrs)?.[1]?.split(/[\s,]+/).map(Number);
    let out = attrs.replace(/\s(?:width|height)="[^"]*"/g, '').replace(/\sstyle="[^"]*"/, '');
    if (vb && vb.length === 4 && vb.every(Number.isFinite)) {
      out += ` width="${round(vb[2]!)}" height="${round(vb[3]!)}"`;
    }
    return `<svg${out}>`;
  });
  return recolourMermaid(pruneMermaidCss(svg), authorColours(source));
}

/**
 * Drops the rules of mermaid's stylesheet that cannot select anything in this diagram.
 * Mermaid writes the rules of every look and shape its diagram type has (~10 KB for a
 * two-node flowchart); a rule stays when one of its selectors only names classes and
 * attribute values that occur in the SVG. Hand-written rather than left to svgo because
 * the pipeline must not guess at stylesheets it did not write, and here we know mermaid's:
 * flat rules, no nesting once the keyframes are gone. Cuts the pipeline's work (and the
 * bytes shipped) several times over on real diagrams.
 */
export function pruneMermaidCss(svg: string): string {
  const classes = new Set<string>();
  for (const m of svg.matchAll(/\sclass="([^"]*)"/g)) for (const c of (m[1] ?? '').split(/\s+/)) if (c) classes.add(c);
  const looks = new Set([...svg.matchAll(/\sdata-look="([^"]*)"/g)].map((m) => m[1] ?? ''));
  const selects = (selector: string): boolean => {
    for (const c of selector.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)) if (!classes.has(c[1]!)) return false;
    for (const l of selector.matchAll(/\[data-look="?([\w-]+)"?\]/g)) if (!looks.has(l[1]!)) return false;
    return true;
  };
  return svg.replace(/<style>([\s\S]*?)<\/style>/g, (_m, css: string) => {
    if (/@(?!keyframes)/.test(css)) return `<style>${css}</style>`; // not the flat sheet we know
    const kept = css.replace(/([^{}]+)\{([^{}]*)\}/g, (rule, selectors: string) =>
      selectors.split(',').some((sel) => selects(sel)) ? rule : '',
    );
    return `<style>${kept}</style>`;
  });
}

const round = (n: number): number => Math.round(n * 100) / 100;

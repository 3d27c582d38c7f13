/**
 * HTML labels (`<foreignObject>` content) kept safely.
 *
 * mermaid-cli's default labels and draw.io's "Formatted Text" are XHTML inside
 * `<foreignObject>`. That is what the author saw in the editor, so the pipeline keeps it,
 * limited to a small XHTML subset: text formatting, lists, tables and embedded images.
 * Inlined in a page, `<foreignObject>` is an HTML integration point: its children are
 * parsed as HTML but stay inside the figure, so these elements cannot escape the diagram.
 *
 * Which elements and attributes a label may keep is the allow-list's (safety/allow-list.ts,
 * #9); this module decides how legacy markup is converted and what a removal keeps. The
 * sanitiser checks the result again with namespaces (sanitise.ts).
 *
 * Kept: the elements in `XHTML_ELEMENTS`; attributes `class`, `style` (through the CSS
 * sanitiser), `dir`, `lang`; `<img>` only with an embedded `data:image` source. draw.io's
 * legacy `<font color face size>`, `align` and `<img width height>` become the equivalent
 * `style`, so the label looks the same; `data-*` attributes (which draw nothing) are dropped. Anything else is removed: harmless wrappers (`<a>`, `<label>`,
 * headings) keep their text; active or embedding elements go with their content.
 */
import type { XastChild, XastElement, XastParent } from 'svgo';
import { sanitiseCss } from './css-safety.ts';
import { XHTML_ELEMENTS as ALLOWED_XHTML, allowedXhtmlAttribute } from './safety/allow-list.ts';
import { classifyUrl } from './urls.ts';

export const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/** The label subset is the allow-list's (safety/allow-list.ts, #9): one list for both. */
export const XHTML_ELEMENTS: ReadonlySet<string> = new Set(ALLOWED_XHTML.keys());
const keepsAttribute = (element: string, attribute: string): boolean => allowedXhtmlAttribute(element, attribute) !== undefined;
/** Removed with everything inside them (they run code, embed documents or take input). */
const DROPPED_WITH_CONTENT = new Set([
  'script', 'style', 'iframe', 'object', 'embed', 'frame', 'frameset', 'form', 'input', 'button',
  'textarea', 'select', 'option', 'video', 'audio', 'source', 'track', 'canvas', 'link', 'meta',
  'base', 'template', 'svg', 'math', 'noscript', 'portal', 'applet', 'title', 'head',
]);
/** HTML void elements: written `<br/>`; every other element needs an explicit end tag in HTML. */
export const VOID_ELEMENTS = new Set(['br', 'img', 'col', 'hr', 'wbr']);

/** `<font size>` 1-7 in CSS, as browsers map it. */
const FONT_SIZES = ['x-small', 'small', 'medium', 'large', 'x-large', 'xx-large', 'xxx-large'];

const localName = (name: string): string => name.slice(name.indexOf(':') + 1).toLowerCase();

export interface ForeignObjectResult {
  /** One phrase per kind of thing removed, e.g. `<input>`, `<a href>`, `the onclick attribute`. */
  removed: string[];
}

function styleFromLegacy(el: XastElement, name: string): string[] {
  const extra: string[] = [];
  const a = el.attributes;
  if (name === 'font') {
    if (a.color) extra.push(`color:${a.color}`);
    if (a.face) extra.push(`font-family:${a.face}`);
    const size = Number.parseInt(a.size ?? '', 10);
    if (a.size && Number.isFinite(size)) {
      const relative = /^[+-]/.test(a.size.trim());
      const index = Math.min(7, Math.max(1, relative ? 3 + size : size)) - 1;
      extra.push(`font-size:${FONT_SIZES[index]}`);
    }
  }
  if (a.align && /^(left|right|center|justify)$/i.test(a.align.trim())) extra.push(`text-align:${a.align.trim().toLowerCase()}`);
  if (name === 'img') {
    if (a.width && /^\d+(\.\d+)?$/.test(a.width)) extra.push(`width:${a.width}px`);
    if (a.height && /^\d+(\.\d+)?$/.test(a.height)) extra.push(`height:${a.height}px`);
  }
  return extra;
}

/**
 * Cleans the content of one `<foreignObject>` in place. Every element left is recorded in
 * `approved`, so the sanitiser's SVG rules (which remove HTML elements outside HTML) skip it.
 */
export function cleanForeignObject(fo: XastElement, approved: WeakSet<XastElement>): ForeignObjectResult {
  const removed = new Set<string>();

  const cleanElement = (el: XastElement): boolean => {
    const name = localName(el.name);
    if (!XHTML_ELEMENTS.has(name)) return false;
    if (name === 'img') {
      const src = el.attributes.src ?? '';
      if (classifyUrl(src) !== 'embedded-image') {
        removed.add(`<img src="${src.slice(0, 40)}"> (only embedded data:image pictures load)`);
        return false;
      }
    }
    const legacy = styleFromLegacy(el, name);
    for (const attr of Object.keys(el.attributes)) {
      const lower = attr.toLowerCase();
      if (keepsAttribute(name, lower) || lower === 'xmlns') continue;
      // Converted to style above, or data that draws nothing (draw.io's data-drawio-colors).
      const known = (name === 'font' && ['color', 'face', 'size'].includes(lower)) ||
        (name === 'img' && ['width', 'height', 'alt'].includes(lower)) ||
        lower === 'align' || lower.startsWith('data-') || lower.startsWith('xmlns:');
      if (!known) removed.add(`the ${attr} attribute on <${name}>`);
      delete el.attributes[attr];
    }
    const style = [el.attributes.style ?? '', ...legacy].filter((s) => s.trim() !== '').join(';');
    if (style) {
      const safe = sanitiseCss(style, 'declarationList');
      for (const r of safe.removed) removed.add(r);
      if (safe.css) el.attributes.style = safe.css;
      else delete el.attributes.style;
    }
    approved.add(el);
    el.children = cleanChildren(el);
    return true;
  };

  const cleanChildren = (parent: XastParent): XastChild[] => {
    const out: XastChild[] = [];
    for (const child of parent.children) {
      if (child.type === 'text' || child.type === 'cdata') {
        out.push(child.type === 'cdata' ? { type: 'text', value: child.value } : child);
        continue;
      }
      if (child.type !== 'element') continue; // comments, processing instructions
      if (cleanElement(child)) {
        out.push(child);
        continue;
      }
      const name = localName(child.name);
      if (DROPPED_WITH_CONTENT.has(name) || name === 'img') {
        if (name !== 'img') removed.add(`<${name}>`);
        continue;
      }
      // A wrapper we do not keep (<a>, <label>, <h3>...): keep what it contains.
      removed.add(`<${name}> (its text is kept)`);
      out.push(...cleanChildren(child));
    }
    return out;
  };

  fo.children = cleanChildren(fo);
  // The label's root must be XHTML for the standalone (XML) file to lay it out as HTML.
  for (const c of fo.children) {
    if (c.type === 'element' && c.attributes.xmlns === undefined) c.attributes.xmlns = XHTML_NAMESPACE;
  }
  return { removed: [...removed] };
}

/**
 * HTML has no self-closing syntax for non-void elements: `<span/>` inlined in a page opens
 * a span that swallows its siblings. Gives every empty non-void XHTML element an empty text
 * child so svgo writes `<span></span>`.
 */
export function closeEmptyHtmlElements(node: XastElement, inside = false): void {
  const here = inside || localName(node.name) === 'foreignobject';
  for (const c of node.children) {
    if (c.type !== 'element') continue;
    if (here && c.children.length === 0 && !VOID_ELEMENTS.has(localName(c.name)) && localName(c.name) !== 'foreignobject') {
      c.children.push({ type: 'text', value: '' });
    }
    closeEmptyHtmlElements(c, here);
  }
}

/**
 * svgo's parser trims the text of every element that is not SVG text, so `x <b>if</b> y`
 * inside an HTML label would become `x<b>if</b>y`. Before svgo parses the file, whitespace
 * at the edges of label text is written as noncharacters (which no label contains and
 * trimming keeps); after the last pass they become whitespace again. Hand-written because
 * svgo has no option for it.
 */
const WHITESPACE_STAND_INS: [string, string][] = [[' ', '\uFDD0'], ['\n', '\uFDD1'], ['\t', '\uFDD2'], ['\r', '\uFDD3']];
const STAND_IN = /[\uFDD0-\uFDD3]/;

export function protectLabelWhitespace(source: string): string {
  if (STAND_IN.test(source) || !/<(?:[\w-]+:)?foreignObject\b/i.test(source)) return source;
  const encode = (ws: string): string => ws.replace(/[ \n\t\r]/g, (c) => WHITESPACE_STAND_INS.find(([w]) => w === c)?.[1] ?? c);
  return source.replace(/(<(?:[\w-]+:)?foreignObject\b[^>]*>)([\s\S]*?)(<\/(?:[\w-]+:)?foreignObject\s*>)/gi, (_m, open: string, body: string, close: string) =>
    open + body.replace(/>([^<]+)</g, (_t, text: string) => {
      const [, lead = '', middle = '', trail = ''] = /^([ \n\t\r]*)([\s\S]*?)([ \n\t\r]*)$/.exec(text) ?? [];
      return `>${encode(lead)}${middle}${encode(trail)}<`;
    }) + close);
}

export function restoreLabelWhitespace(svg: string): string {
  if (!STAND_IN.test(svg)) return svg;
  let out = svg;
  for (const [ws, standIn] of WHITESPACE_STAND_INS) out = out.split(standIn).join(ws);
  return out;
}

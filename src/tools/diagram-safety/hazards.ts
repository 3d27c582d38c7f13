/**
 * What is still dangerous in a sanitiser's output, judged the way a browser would see it when
 * the SVG is inlined in a page (parse5, the WHATWG HTML parser). Independent of Casebook's
 * own allow-list on purpose, so it can judge plain svgo's and DOMPurify's outputs too.
 *
 * A hazard is one of: a script-capable element (`script`, `iframe`, `object`, `embed`,
 * `handler`, ...) or any HTML element outside `<foreignObject>` (it escaped the SVG); an event
 * handler attribute; an active URL (`javascript:`, `data:text/html`, ...) anywhere; a request
 * to another origin (a remote `href`/`src` on anything but a link, `url()`/`@import` in CSS);
 * a global at-rule (`@property`, `@font-face`, `@keyframes`, `@page`, `@counter-style`,
 * `@layer`) or a CSS escape outside a string; SMIL that animates `href`, `style` or an event
 * handler; position:fixed; anything beside the one `<svg>` in the page body.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node5 = DefaultTreeAdapterMap['node'];
type Element5 = DefaultTreeAdapterMap['element'];
const isElement = (n: Node5): n is Element5 => 'tagName' in n;

const SVG_NS = 'http://www.w3.org/2000/svg';
const SCRIPTING = /^(script|iframe|object|embed|applet|frame|frameset|handler|listener|base|meta|link|form|input|button|portal|animation)$/i;
const ACTIVE_URL = /^\s*(?:javascript|vbscript|livescript|mocha|data:(?!image\/(?:png|jpe?g|gif|webp|avif|svg\+xml)[;,]))/i;
const REMOTE = /^\s*(?:[a-z][a-z0-9+.-]*:|\/\/|\/|\.|[\w-]+\/|[\w-]+\.\w)/i;
const CSS_URL = /(?<![\w-])(?:url|image-set|image|src|cross-fade)\(\s*(['"]?)\s*([^'")]*)/gi;
const GLOBAL_AT_RULE = /@(?:property|page|counter-style|font-palette-values|layer|import|namespace|scope|container)\b/i;
/** `@keyframes` and `@font-face` define page-wide names: fine only when scoped to the diagram. */
const KEYFRAMES_NAME = /@(?:-webkit-)?keyframes\s+(['"]?)([^\s'"{]+)/gi;
const FONT_FACE_FAMILY = /@font-face\s*\{[^}]*?font-family\s*:\s*(['"]?)([^;'"}]+)/gi;

const clean = (s: string): string => s.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '').toLowerCase();

function cssHazards(css: string, where: string, out: string[], scope: string | undefined): void {
  if (GLOBAL_AT_RULE.test(css)) out.push(`${where}: global at-rule`);
  for (const re of [KEYFRAMES_NAME, FONT_FACE_FAMILY]) {
    for (const m of css.matchAll(re)) {
      const name = (m[2] ?? '').trim();
      if (scope === undefined || !name.startsWith(`${scope}-`)) out.push(`${where}: page-wide name "${name}"`);
    }
  }
  // A backslash outside a string can spell url( or @import in disguise.
  if (/\\/.test(css.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, ''))) out.push(`${where}: CSS escape`);
  if (/position\s*:\s*fixed/i.test(css)) out.push(`${where}: position:fixed`);
  for (const m of css.matchAll(CSS_URL)) {
    const url = clean(m[2] ?? '');
    if (url.startsWith('#') || /^data:(?:image|font|application\/font)/.test(url)) continue;
    out.push(`${where}: loads ${url.slice(0, 40) || '(empty url)'}`);
  }
}

/**
 * Every hazard in `markup` as it would be inlined in a page; empty when it is inert. `scope`
 * is the prefix a sanitiser gave the diagram's own names (Casebook: the diagram's id prefix), if any.
 */
export function hazardsInline(markup: string, scope?: string): string[] {
  const out: string[] = [];
  const doc = parse(`<!DOCTYPE html><html><head></head><body>${markup}</body></html>`);
  const html = doc.childNodes.find(isElement);
  const head = html?.childNodes.filter(isElement).find((n) => n.tagName === 'head');
  const body = html?.childNodes.filter(isElement).find((n) => n.tagName === 'body');
  if (!head || !body) return ['the page lost its body'];
  if (head.childNodes.length > 0) out.push('markup in the page head');
  const top = body.childNodes.filter((n) => !(n.nodeName === '#text' && 'value' in n && n.value.trim() === ''));
  if (top.length !== 1 || !top[0] || !isElement(top[0]) || top[0].tagName !== 'svg') {
    out.push(`beside the <svg>: ${top.filter((n) => !(isElement(n) && n.tagName === 'svg')).map((n) => n.nodeName).join(', ') || 'nothing'}`);
  }
  const stack: { node: Node5; inLabel: boolean }[] = top.map((node) => ({ node, inLabel: false }));
  while (stack.length > 0) {
    const { node, inLabel } = stack.pop() as { node: Node5; inLabel: boolean };
    if (!isElement(node)) continue;
    const tag = node.tagName;
    if (SCRIPTING.test(tag)) out.push(`<${tag}>`);
    if (node.namespaceURI !== SVG_NS && !inLabel && node.tagName !== 'svg') out.push(`HTML <${tag}> outside a label`);
    for (const a of node.attrs) {
      const name = a.name.toLowerCase();
      if (name.startsWith('on')) out.push(`<${tag} ${name}>`);
      if (ACTIVE_URL.test(clean(a.value)) && /href|src|action|data|values|to|from|by|style|background|poster/.test(name)) out.push(`<${tag} ${name}="${a.value.slice(0, 30)}">`);
      if ((name === 'href' || name === 'src' || name === 'background') && !clean(a.value).startsWith('#') && !/^data:image\//.test(clean(a.value))) {
        const isLink = tag === 'a' && name === 'href';
        if (!isLink && REMOTE.test(a.value)) out.push(`<${tag} ${name}> loads ${a.value.slice(0, 40)}`);
        if (isLink && /^\s*(?:http:|\/\/|\/\\)/i.test(a.value)) out.push(`<a href> leaves for ${a.value.slice(0, 40)} (not https)`);
      }
      if (name === 'style' || /^(fill|stroke|filter|clip-path|mask|marker(-start|-mid|-end)?|cursor)$/.test(name)) cssHazards(a.value, `<${tag} ${name}>`, out, scope);
      if (name === 'attributename' && /^(?:href|xlink:href|style|class|on\w+)$/i.test(a.value.trim())) out.push(`<${tag} attributeName="${a.value.trim()}">`);
    }
    if (tag === 'style') cssHazards(node.childNodes.map((c) => ('value' in c ? c.value : '')).join(''), '<style>', out, scope);
    const label = inLabel || tag === 'foreignObject';
    for (const c of node.childNodes) stack.push({ node: c, inLabel: label });
  }
  return out;
}

/**
 * The last line of defence: the finished diagram, parsed the way its reader will parse it.
 *
 * Inline, a diagram is HTML: `checkInlineMarkup` parses it with parse5 (the WHATWG HTML
 * parser, so foreign content, integration points and error recovery behave as in a browser)
 * inside a page body, and requires exactly one `<svg>` subtree and nothing beside it.
 * Standalone, it is XML: `checkStandaloneXml` parses it with saxes (a strict, namespace-aware
 * XML parser). Both walk the tree against the same allow-list the sanitiser enforced
 * (allow-list.ts): SVG elements and attributes, the XHTML label subset only under
 * `<foreignObject>`, URLs by kind, CSS through css-safety.ts, no comments or processing
 * instructions. Whatever the earlier steps did, markup that would parse differently than it
 * was checked never ships: the build fails naming the file.
 *
 * It returns a reason instead of throwing so it can be tested on its own; `assertSafe` turns
 * a reason into the DiagramError.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { sanitiseCss, unsafeCssValue } from '../css-safety.ts';
import { DiagramError } from '../errors.ts';
import { classifyUrl } from '../urls.ts';
import {
  PRESENTATION_ATTRIBUTES, SVG_ELEMENTS, SVG_NS, XHTML_ELEMENTS, XHTML_NS, XLINK_NS, XML_NS,
  allowedSvgAttribute, allowedXhtmlAttribute,
} from './allow-list.ts';

const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
/**
 * Compared without case: an HTML parser fixes the case of SVG names only from its own table,
 * which predates some SVG 2 names (`feDropShadow` comes out as `fedropshadow`, as in browsers).
 */
const SVG_NAMES = new Set(SVG_ELEMENTS.keys());
const XHTML_NAMES = new Set(XHTML_ELEMENTS.values());

interface Attr {
  /** Local name. */
  name: string;
  namespace: string | undefined;
  value: string;
}

/** One element as both parsers report it. */
interface Checked {
  ns: string;
  name: string;
  attrs: Attr[];
  /** Canonical name of the nearest SVG ancestor, '' at the root. */
  svgParent: string;
  isRoot: boolean;
}

/** Why an element (or its attributes) is not allowed, or undefined when it is. */
function elementProblem(el: Checked): string | undefined {
  const { ns, name } = el;
  if (el.isRoot && (ns !== SVG_NS || name !== 'svg')) return `the root is <${name}> (namespace ${ns}), not <svg>`;
  const html = ns === XHTML_NS;
  if (html) {
    if (el.svgParent !== 'foreignObject') return `HTML <${name}> outside a <foreignObject>`;
    if (!XHTML_NAMES.has(name)) return `HTML <${name}> is not in the label subset`;
  } else if (ns !== SVG_NS || !SVG_NAMES.has(name.toLowerCase())) {
    return `<${name}> (namespace ${ns}) is not an allowed element`;
  } else if (el.svgParent === 'style' || el.svgParent === 'title' || el.svgParent === 'desc') {
    return `<${name}> inside <${el.svgParent}>`;
  }
  for (const a of el.attrs) {
    const problem = attributeProblem(el, a);
    if (problem) return `<${name} ${a.name}="${a.value.slice(0, 60)}">: ${problem}`;
  }
  return undefined;
}

function attributeProblem(el: Checked, a: Attr): string | undefined {
  if (a.namespace === XMLNS_NS || (a.namespace === undefined && a.name === 'xmlns')) {
    return a.value === SVG_NS || a.value === XHTML_NS || a.value === XLINK_NS ? undefined : 'unexpected namespace';
  }
  if (a.namespace === XML_NS) return a.name === 'space' || a.name === 'lang' ? undefined : 'not an allowed xml: attribute';
  if (a.namespace === XLINK_NS) {
    if (a.name !== 'href') return 'not an allowed xlink: attribute';
  } else if (a.namespace !== undefined) {
    return 'attribute in an unknown namespace';
  } else {
    const element = el.ns === XHTML_NS ? el.name : (SVG_ELEMENTS.get(el.name.toLowerCase()) ?? el.name);
    const allowed = el.ns === XHTML_NS ? allowedXhtmlAttribute(element, a.name) : allowedSvgAttribute(element, a.name);
    if (allowed?.toLowerCase() !== a.name.toLowerCase()) return 'not an allowed attribute';
  }
  if (a.name === 'href' || a.name === 'src') {
    const kind = classifyUrl(a.value);
    if (kind === 'active') return 'active URL';
    if (kind === 'external' && el.name !== 'a') return 'remote resource';
    if (a.name === 'src' && kind !== 'embedded-image') return 'label images must be embedded';
  }
  if (a.name === 'style' && sanitiseCss(a.value, 'declarationList').removed.length > 0) return 'unsafe CSS';
  if (PRESENTATION_ATTRIBUTES.has(a.name) && unsafeCssValue(a.name, a.value)) return 'unsafe CSS value';
  if (/^on/i.test(a.name)) return 'event handler';
  return undefined;
}

function styleProblem(css: string): string | undefined {
  const { removed } = sanitiseCss(css, 'stylesheet');
  return removed.length > 0 ? `<style> still holds ${removed[0]}` : undefined;
}

type Node5 = DefaultTreeAdapterMap['node'];
type Element5 = DefaultTreeAdapterMap['element'];

/** parse5 node kinds: elements, text, comments, and the document's own nodes. */
const isElement = (n: Node5): n is Element5 => 'tagName' in n;

/** Checks markup as inlined in a page; returns why it is unsafe, or undefined. */
export function checkInlineMarkup(markup: string): string | undefined {
  const doc = parse(`<!DOCTYPE html><html><head></head><body>${markup}</body></html>`);
  const html = doc.childNodes.find(isElement);
  const body = html?.childNodes.filter(isElement).find((n) => n.tagName === 'body');
  const head = html?.childNodes.filter(isElement).find((n) => n.tagName === 'head');
  if (!body || !head) return 'the page lost its body';
  if (head.childNodes.length > 0) return 'markup moved into the page <head>';
  const top = body.childNodes;
  if (top.length !== 1 || !top[0] || !isElement(top[0])) {
    return `the figure holds ${top.length} nodes (${top.map((n) => n.nodeName).join(', ')}), not exactly one <svg>`;
  }
  if (html && html.childNodes.filter(isElement).length !== 2) return 'markup escaped the page body';

  const stack: { node: Node5; svgParent: string }[] = [{ node: top[0], svgParent: '' }];
  while (stack.length > 0) {
    const { node, svgParent } = stack.pop() as { node: Node5; svgParent: string };
    if (!isElement(node)) {
      if (node.nodeName === '#text') continue;
      return `a ${node.nodeName} node inside the diagram`;
    }
    const ns = node.namespaceURI as string;
    const el: Checked = {
      ns, name: node.tagName, svgParent, isRoot: svgParent === '',
      attrs: node.attrs.map((a) => ({ name: a.name, namespace: a.namespace, value: a.value })),
    };
    const problem = elementProblem(el);
    if (problem) return problem;
    if (ns === SVG_NS && node.tagName === 'style') {
      const css = node.childNodes.map((c) => ('value' in c ? c.value : '')).join('');
      const bad = styleProblem(css);
      if (bad) return bad;
    }
    const nextParent = ns === SVG_NS ? node.tagName : svgParent;
    for (const child of node.childNodes) stack.push({ node: child, svgParent: nextParent });
  }
  return undefined;
}

/** Checks a standalone SVG file as XML; returns why it is unsafe, or undefined. */
export function checkStandaloneXml(xml: string): string | undefined {
  const parser = new SaxesParser({ xmlns: true, position: false });
  let problem: string | undefined;
  const open: { name: string; ns: string; css: string }[] = [];
  let roots = 0;
  const note = (p: string): void => {
    problem ??= p;
  };
  parser.on('error', (e) => note(`not well-formed XML (${e.message})`));
  parser.on('processinginstruction', (pi) => note(`a processing instruction <?${pi.target}?>`));
  parser.on('doctype', () => note('a DOCTYPE'));
  parser.on('comment', () => note('a comment'));
  parser.on('cdata', () => note('a CDATA section'));
  parser.on('text', (t) => {
    const top = open[open.length - 1];
    if (top) top.css += t;
    else if (t.trim() !== '') note('text outside the root element');
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (open.length === 0 && ++roots > 1) note('more than one root element');
    const svgParent = [...open].reverse().find((o) => o.ns === SVG_NS)?.name ?? '';
    const attrs: Attr[] = Object.values(tag.attributes).map((a) => ({
      name: a.prefix === 'xmlns' ? a.local : a.local || a.name,
      namespace: a.prefix === 'xmlns' || a.name === 'xmlns' ? XMLNS_NS : a.uri || undefined,
      value: a.value,
    }));
    const p = elementProblem({ ns: tag.uri, name: tag.local, attrs, svgParent, isRoot: open.length === 0 });
    if (p) note(p);
    open.push({ name: tag.local, ns: tag.uri, css: '' });
  });
  parser.on('closetag', () => {
    const closed = open.pop();
    if (closed?.ns === SVG_NS && closed.name === 'style') {
      const p = styleProblem(closed.css);
      if (p) note(p);
    }
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    note(`not well-formed XML (${(e as Error).message})`);
  }
  if (roots === 0) note('no root element');
  return problem;
}

/** Fails the build, naming the file, when either form of a finished diagram is unsafe. */
export function assertSafe(file: string, inline: string, standalone: string): void {
  const problem = checkInlineMarkup(inline) ?? checkStandaloneXml(standalone);
  if (problem) {
    throw new DiagramError({
      file,
      found: `the processed diagram failed the final safety check: ${problem}`,
      expected: 'a diagram the sanitiser can prove inert (simplify the file, or report it as a Casebook bug with the file attached)',
    });
  }
}

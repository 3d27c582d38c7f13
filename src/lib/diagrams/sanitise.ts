/**
 * The sanitiser: an svgo plugin that runs before any optimisation and rebuilds the diagram
 * from an allow-list (safety/allow-list.ts). Whatever the input, what comes out is:
 *
 *  - one root `<svg>` in the SVG namespace, written unprefixed;
 *  - only allow-listed SVG elements, with only the attributes allowed on each, under their
 *    canonical names; inside a kept `<foreignObject>` only the XHTML label subset, its outermost
 *    elements carrying the XHTML namespace;
 *  - no processing instructions, DOCTYPE, comments or CDATA sections (CDATA becomes escaped
 *    text: `<title>` and `<desc>` are HTML integration points, where `<![CDATA[` means nothing);
 *  - URLs allowed by kind (urls.ts), CSS made inert (css-safety.ts) in `<style>`, in `style`
 *    and in every presentation attribute, by the same rules;
 *  - SMIL that animates only presentation and geometry attributes (name trimmed first, as
 *    browsers do), with `values`/`from`/`to`/`by` checked like the attribute they set.
 *
 * Policy, per hazard (the README's diagram safety table is this table):
 *
 * | hazard                                                        | action          |
 * | ------------------------------------------------------------- | --------------- |
 * | `<script>`, `<iframe>`, any element not on the allow-list      | strip + warn    |
 * | `on*` event attributes, any attribute not on the allow-list    | strip (+ warn)  |
 * | `javascript:`/`data:text/html`/any unknown scheme in an href  | strip + warn    |
 * | SMIL whose target is not a presentation/geometry attribute    | strip + warn    |
 * | `xml:base`, `src`, processing instructions, CDATA, comments   | strip (+ warn)  |
 * | HTML elements outside `<foreignObject>`                       | strip + warn    |
 * | remote `@import`, `url()` to anything but `#id`/embedded data  | strip + warn    |
 * | CSS escapes outside strings; global at-rules (`@property`...) | strip + warn    |
 * | `<foreignObject>` HTML label: the XHTML subset is kept, and    | keep, filtered  |
 * | preferred over a `<switch>` fallback unless something went    | (+ warn, naming |
 * | (foreign-object.ts converts legacy markup, tools.ts the fix)  | the tool's fix) |
 * | `<image>`/`<use>`/... pointing outside the file (http, path)  | fail the build  |
 * | a root element that is not `<svg>` in the SVG namespace       | fail the build  |
 *
 * The rule behind the split: strip (and say so) whatever a static picture never needs, so
 * the reader sees exactly what the author drew; fail when stripping would silently change
 * the picture (a remote image), because only the author can fix that.
 *
 * Hand-written rather than DOMPurify + jsdom, on purpose (measured, see
 * `npm run diagrams:safety-compare`): jsdom takes ~15 s just to parse an 80,000-element export
 * that svgo's own parser reads in under a second, DOMPurify's SVG profile keeps `data-*`
 * attributes and the whole content of `<style>` (it does not filter CSS), and it drops a
 * prefixed root (`<svg:svg>`) with everything in it instead of normalising it. The tree walk
 * here is small; the allow-list tables it enforces are data, and the final check
 * (safety/final-check.ts) verifies the result again with parse5, as a browser parses it.
 */
import type { CustomPlugin, XastChild, XastElement, XastParent, XastRoot } from 'svgo';
import { sanitiseCss, unsafeCssValue } from './css-safety.ts';
import { DiagramError, formatDiagramError } from './errors.ts';
import {
  ANIMATION_ELEMENTS, PRESENTATION_ATTRIBUTES, SMIL_TARGETS, SVG_ELEMENTS, SVG_NS, XHTML_ELEMENTS, XHTML_NS,
  XHTML_VOID, XLINK_NS, XML_NS, allowedSvgAttribute, allowedXhtmlAttribute,
} from './safety/allow-list.ts';
import { cleanForeignObject } from './foreign-object.ts';
import { lineOfElement } from './source-lines.ts';
import { detectTool, svgTextLabelsFix } from './tools.ts';
import { classifyUrl, describeUrl, normaliseUrl } from './urls.ts';

export interface SanitiseContext {
  /** Project-relative file name used in messages. */
  file: string;
  /** The original text, to find line numbers. */
  source: string;
  /** Collects one-line warnings. */
  warn: (message: string) => void;
}

const NON_PICTURE_ELEMENTS = new Set([
  'script', 'handler', 'listener', 'iframe', 'embed', 'object', 'applet', 'frame', 'frameset',
  'base', 'meta', 'link', 'audio', 'video', 'source', 'track', 'portal', 'form', 'input',
  'button', 'textarea', 'select',
]);
/** Start tags that make an HTML parser leave SVG when the diagram is inlined. */
const HTML_BREAKOUT_ELEMENTS = new Set([
  'b', 'big', 'blockquote', 'body', 'br', 'center', 'code', 'dd', 'div', 'dl', 'dt', 'em',
  'font', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'hr', 'i', 'img', 'li', 'listing', 'menu',
  'nobr', 'ol', 'p', 'pre', 'ruby', 's', 'small', 'span', 'strong', 'strike', 'sub', 'sup',
  'table', 'tt', 'u', 'ul', 'var', 'html',
]);
/** Editor namespaces whose elements and attributes go without a warning (pure metadata). */
const EDITOR_NAMESPACE = /inkscape|sodipodi|adobe|sketch|serif|figma|purl\.org\/dc|creativecommons|rdf-syntax|jgraph|draw\.io|diagrams\.net|bohemian|excalidraw|lucid|schemas\.microsoft\.com\/visio/i;
const IMAGE_ELEMENTS = new Set(['image', 'feImage']);
const REPORTED_ATTRIBUTES = new Set(['xml:base', 'src', 'action', 'formaction', 'data', 'background', 'ping', 'srcset', 'poster', 'lowsrc', 'dynsrc']);

type Scope = ReadonlyMap<string, string>;
type Context = 'svg' | 'html';

const splitName = (qname: string): [prefix: string, local: string] => {
  const i = qname.indexOf(':');
  return i < 0 ? ['', qname] : [qname.slice(0, i), qname.slice(i + 1)];
};

function extendScope(scope: Scope, node: XastElement): Scope {
  let next: Map<string, string> | undefined;
  for (const [name, value] of Object.entries(node.attributes)) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) {
      next ??= new Map(scope);
      next.set(name === 'xmlns' ? '' : name.slice(6), value.trim());
    }
  }
  return next ?? scope;
}

export function createSanitisePlugin(ctx: SanitiseContext): CustomPlugin {
  const seen = new Set<string>();
  const warnAt = (tag: string, needle: string | undefined, element: string, found: string): void => {
    const message = formatDiagramError({ file: ctx.file, line: lineOfElement(ctx.source, tag, needle), element, found });
    if (!seen.has(message)) {
      seen.add(message);
      ctx.warn(message);
    }
  };
  const fail = (tag: string, needle: string | undefined, element: string, found: string, expected: string): never => {
    throw new DiagramError({ file: ctx.file, line: lineOfElement(ctx.source, tag, needle), element, found, expected });
  };

  // XHTML labels: what counts as removed from one (it decides a <switch>'s branch), and the
  // labels preferred over their <switch> fallback. Side tables, never marker attributes.
  let labelRemovals = 0;
  const preferredLabels = new WeakSet<XastElement>();
  const tool = detectTool(ctx.source);
  const made = tool === 'unknown' ? '' : ` (this file was made by ${tool})`;

  /**
   * A `<foreignObject>` HTML label. foreign-object.ts (fidelity, #10) turns legacy markup into
   * style, keeps the text of wrappers it drops and reports what it removed; then the same
   * allow-list walk as everywhere checks namespaces, elements, attributes, URLs and CSS.
   * A label that lost something gives way to its `<switch>` fallback; a clean one is
   * preferred over it (it is what the editor showed).
   */
  function cleanLabel(node: XastElement, parent: XastParent, scope: Scope): XastElement | undefined {
    node.attributes = cleanSvgAttributes(node, 'foreignObject', scope);
    const { removed } = cleanForeignObject(node, new WeakSet());
    const before = labelRemovals;
    node.children = cleanChildren(node, extendScope(scope, node), 'svg', true);
    const unsafe = removed.length > 0 || labelRemovals > before;
    const fix = svgTextLabelsFix(tool);
    const what = removed.length > 0 ? removed.join(', ') : 'markup outside the allowed XHTML subset';
    if (parent.type === 'element' && hasSvgFallback(node, parent)) {
      if (!unsafe) {
        preferredLabels.add(node);
        return node;
      }
      warnAt('foreignObject', undefined, '<foreignObject>',
        `an HTML label held ${what}, which cannot be kept; its <switch> fallback is shown instead${made}. To keep the label, ${fix}`);
      return undefined;
    }
    if (unsafe) warnAt('foreignObject', undefined, '<foreignObject>', `removed ${what} from an HTML label${made}. To avoid this, ${fix}`);
    return node;
  }

  /** Rebuilds `node`'s children from the allow-list; returns the kept ones. */
  function cleanChildren(node: XastElement, scope: Scope, context: Context, xhtmlRoot: boolean): XastChild[] {
    const kept: XastChild[] = [];
    const textOnly = context === 'svg' && (node.name === 'style' || node.name === 'title' || node.name === 'desc');
    for (const child of node.children) {
      if (child.type === 'text') kept.push(child);
      else if (child.type === 'cdata') kept.push({ type: 'text', value: child.value });
      else if (child.type === 'instruction') warnAt(`?${child.name}`, undefined, `<?${child.name}?>`, 'removed a processing instruction');
      else if (child.type === 'element') {
        if (textOnly) {
          warnAt(child.name, undefined, `<${child.name}>`, `removed (only text is allowed inside <${node.name}>)`);
          continue;
        }
        const cleaned = cleanElement(child, node, scope, context, xhtmlRoot);
        if (cleaned) kept.push(cleaned);
      }
      // comments and doctypes: dropped silently (svgo drops them anyway).
    }
    // A <switch> whose HTML label is clean shows the label, not the fallback (foreign-object.ts).
    if (node.name === 'switch' && kept.some((c) => c.type === 'element' && preferredLabels.has(c))) {
      return kept.filter((c) => c.type !== 'element' || preferredLabels.has(c));
    }
    return kept;
  }

  function cleanElement(node: XastElement, parent: XastParent, outer: Scope, context: Context, xhtmlRoot: boolean): XastElement | undefined {
    const scope = extendScope(outer, node);
    const [prefix, local] = splitName(node.name);
    const lower = local.toLowerCase();
    const ns = scope.get(prefix) ?? (prefix === '' ? (context === 'svg' ? SVG_NS : XHTML_NS) : undefined);

    if (context === 'html' || (parent.type === 'element' && parent.name === 'foreignObject')) {
      // Inside a label: XHTML elements, or (as editors and browsers treat them) the same
      // names written without the XHTML namespace.
      const name = (ns === XHTML_NS || ns === SVG_NS) ? XHTML_ELEMENTS.get(lower) : undefined;
      if (!name) {
        labelRemovals++;
        warnAt(node.name, undefined, `<${node.name}>`, 'removed from an HTML label (not in the allowed XHTML subset)');
        return undefined;
      }
      node.name = name;
      node.attributes = cleanXhtmlAttributes(node, name, scope);
      if (name === 'img' && node.attributes.src === undefined) return undefined;
      if (xhtmlRoot) node.attributes = { xmlns: XHTML_NS, ...node.attributes };
      node.children = XHTML_VOID.has(name) ? [] : cleanChildren(node, scope, 'html', false);
      // An empty non-void element must be written with an end tag (`<div/>` opens a div in HTML).
      if (!XHTML_VOID.has(name) && node.children.length === 0) node.children = [{ type: 'text', value: '' }];
      return node;
    }

    const name = ns === SVG_NS ? SVG_ELEMENTS.get(lower) : undefined;
    if (!name || name === 'metadata') {
      if (name === 'metadata' || (ns !== undefined && ns !== SVG_NS && EDITOR_NAMESPACE.test(ns))) return undefined;
      const found = NON_PICTURE_ELEMENTS.has(lower)
        ? 'removed (a static diagram runs no code and embeds no documents)'
        : HTML_BREAKOUT_ELEMENTS.has(lower) || ns === XHTML_NS
          ? 'removed an HTML element (inlined in a page it would escape the diagram)'
          : 'removed (not an SVG element a diagram may use)';
      warnAt(local, undefined, `<${node.name}>`, found);
      return undefined;
    }
    node.name = name;

    if (name === 'foreignObject') return cleanLabel(node, parent, scope);
    node.attributes = cleanSvgAttributes(node, name, scope);

    if (ANIMATION_ELEMENTS.has(name) && !animationIsSafe(node, name)) return undefined;
    if (name === 'style') {
      const css = node.children.filter((c) => c.type === 'text' || c.type === 'cdata').map((c) => c.value).join('');
      const { css: clean, removed } = sanitiseCss(css, 'stylesheet');
      removed.forEach((r) => warnAt('style', undefined, '<style>', `removed ${r}`));
      node.children = clean.trim() === '' ? [] : [{ type: 'text', value: removed.length > 0 ? clean : css }];
      return node;
    }
    node.children = cleanChildren(node, scope, 'svg', name === 'foreignObject');
    return node;
  }

  function cleanSvgAttributes(node: XastElement, element: string, scope: Scope): Record<string, string> {
    const out: Record<string, string> = {};
    const where = (attr: string): string => `<${element} ${attr}>`;
    for (const [qname, value] of Object.entries(node.attributes)) {
      if (qname === 'xmlns' || qname.startsWith('xmlns:')) continue;
      const [prefix, local] = splitName(qname);
      const lower = qname.toLowerCase();
      if (local.toLowerCase().startsWith('on')) {
        warnAt(element, qname, where(qname), 'removed an event handler');
        continue;
      }
      let name: string | undefined;
      if (prefix === '') name = allowedSvgAttribute(element, local);
      else {
        const ns = prefix === 'xml' ? XML_NS : scope.get(prefix);
        if (ns === XLINK_NS && local === 'href') name = 'href';
        else if (ns === XML_NS && (local === 'space' || local === 'lang')) name = `xml:${local}`;
      }
      if (name === undefined) {
        if (REPORTED_ATTRIBUTES.has(lower) || REPORTED_ATTRIBUTES.has(local.toLowerCase())) {
          warnAt(element, qname, where(qname), `removed "${describeUrl(value)}"`);
        }
        continue;
      }
      if (name === 'href') {
        if (out.href !== undefined) continue;
        const verdict = hrefVerdict(element, value);
        if (verdict === 'strip') {
          warnAt(element, value, where(qname), element === 'a'
            ? `removed the link "${describeUrl(value)}" (links may go to https:, mailto: or a path on this site)`
            : `removed "${describeUrl(value)}" (not a picture or a link)`);
          continue;
        }
        if (verdict === 'fail') {
          fail(element, value, where(qname), `points outside the diagram ("${describeUrl(value)}")`,
            IMAGE_ELEMENTS.has(element)
              ? 'an embedded image (data:image/png;base64,...) or a #fragment'
              : 'a #fragment reference to an element in the same file');
        }
        out.href = value;
        continue;
      }
      const checked = checkStyleOrPresentation(element, name, value, where(qname));
      if (checked !== undefined) out[name] = checked;
    }
    return out;
  }

  function cleanXhtmlAttributes(node: XastElement, element: string, scope: Scope): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [qname, value] of Object.entries(node.attributes)) {
      if (qname === 'xmlns' || qname.startsWith('xmlns:')) continue;
      const [prefix, local] = splitName(qname);
      if (local.toLowerCase().startsWith('on')) {
        labelRemovals++;
        warnAt(local, qname, `<${element} ${qname}>`, 'removed an event handler');
        continue;
      }
      const ns = prefix === 'xml' ? XML_NS : prefix ? scope.get(prefix) : undefined;
      const name = prefix === '' ? allowedXhtmlAttribute(element, local) : ns === XML_NS && local === 'lang' ? 'lang' : undefined;
      if (name === undefined) {
        if (REPORTED_ATTRIBUTES.has(local.toLowerCase()) && !(element === 'img' && local === 'src')) {
          warnAt(local, qname, `<${element} ${qname}>`, `removed "${describeUrl(value)}"`);
        }
        continue;
      }
      if (name === 'src') {
        if (classifyUrl(value) !== 'embedded-image') {
          labelRemovals++;
          warnAt('img', value, '<img src>', `removed an HTML label image "${describeUrl(value)}" (only embedded data:image/... pictures are kept)`);
          continue;
        }
        out.src = value;
        continue;
      }
      const checked = name === 'style' ? checkStyleOrPresentation(element, 'style', value, `<${element} style>`) : value;
      if (checked !== undefined) out[name] = checked;
    }
    return out;
  }

  /** `style` through the declaration rules; presentation attributes through the value rules. */
  function checkStyleOrPresentation(element: string, name: string, value: string, where: string): string | undefined {
    if (name === 'style') {
      const { css, removed } = sanitiseCss(value, 'declarationList');
      removed.forEach((r) => warnAt(element, undefined, where, `removed ${r}`));
      return removed.length > 0 ? css : value;
    }
    if (PRESENTATION_ATTRIBUTES.has(name)) {
      const problem = unsafeCssValue(name, value);
      if (problem) {
        warnAt(element, value.slice(0, 40), where, `removed ${problem}`);
        return undefined;
      }
    }
    return value;
  }

  /** SMIL: the target must be a presentation/geometry attribute, the values as safe as its own. */
  function animationIsSafe(node: XastElement, element: string): boolean {
    const raw = node.attributes.attributeName;
    if (element === 'animateMotion') {
      delete node.attributes.attributeName;
    } else {
      const target = raw === undefined ? undefined : SMIL_TARGETS.get(raw.trim()) ?? SMIL_TARGETS.get(raw.trim().toLowerCase());
      if (target === undefined) {
        warnAt(element, raw, `<${element} attributeName="${(raw ?? '').trim()}">`, 'removed an animation of an attribute diagrams may not animate (only presentation and geometry attributes)');
        return false;
      }
      node.attributes.attributeName = target;
      for (const key of ['values', 'from', 'to', 'by'] as const) {
        const value = node.attributes[key];
        if (value === undefined) continue;
        const parts = key === 'values' ? value.split(';') : [value];
        const bad = parts.map((p) => unsafeCssValue(target, p)).find((p) => p !== undefined);
        if (bad) {
          warnAt(element, raw, `<${element} ${key}>`, `removed an animation that sets ${bad}`);
          return false;
        }
      }
    }
    return true;
  }

  return {
    name: 'casebookSanitise',
    fn: () => ({
      root: {
        enter: (root: XastRoot) => {
          for (const c of root.children) {
            if (c.type === 'instruction' && c.name.toLowerCase() === 'xml-stylesheet') {
              warnAt('?xml-stylesheet', undefined, '<?xml-stylesheet?>', 'removed an external stylesheet');
            }
          }
          const rootElement = root.children.find((c): c is XastElement => c.type === 'element');
          const scope = rootElement ? extendScope(new Map([['xml', XML_NS]]), rootElement) : undefined;
          const [prefix, local] = rootElement ? splitName(rootElement.name) : ['', ''];
          const ns = scope?.get(prefix) ?? (prefix === '' ? SVG_NS : undefined);
          if (!rootElement || !scope || local !== 'svg' || ns !== SVG_NS) {
            throw new DiagramError({
              file: ctx.file,
              line: rootElement ? lineOfElement(ctx.source, local) : undefined,
              element: rootElement ? `<${rootElement.name}>` : undefined,
              found: rootElement ? (local === 'svg' ? 'is the root element, in another namespace' : 'is the root element') : 'no element at all',
              expected: 'an SVG file whose root element is <svg>',
            });
          }
          rootElement.name = 'svg';
          rootElement.attributes = cleanSvgAttributes(rootElement, 'svg', scope);
          rootElement.attributes = { xmlns: SVG_NS, ...rootElement.attributes };
          rootElement.children = cleanChildren(rootElement, scope, 'svg', false);
          // Nothing but the root element survives at the top: no DOCTYPE, PI, comment or text.
          root.children = [rootElement];
        },
      },
    }),
  };
}

/** A `<foreignObject>` is safe to drop when its `<switch>` has an SVG element to show instead. */
function hasSvgFallback(node: XastElement, parent: XastElement): boolean {
  if (parent.name.toLowerCase() !== 'switch' && !parent.name.endsWith(':switch')) return false;
  return parent.children.some((c) => c !== node && c.type === 'element' && !/(^|:)foreignobject$/i.test(c.name));
}

/**
 * A link may go to https:, mailto: or a path on the site itself. `http:` and protocol-relative
 * targets (`//host`, and `/\\host`, which browsers read the same way) are dropped: a diagram
 * should not send a reader off the site unencrypted, or somewhere its text does not show.
 */
function isSafeLink(value: string): boolean {
  const url = normaliseUrl(value);
  if (/^(?:https|mailto):/.test(url)) return true;
  if (/^[a-z][a-z0-9+.-]*:/.test(url)) return false;
  return !/^[/\\]{2}/.test(url);
}

/** What to do with an href on a given element. */
function hrefVerdict(element: string, value: string): 'keep' | 'strip' | 'fail' {
  const kind = classifyUrl(value);
  if (kind === 'fragment') return 'keep';
  if (kind === 'active') return 'strip';
  if (element === 'a') return kind === 'external' && isSafeLink(value) ? 'keep' : 'strip';
  if (IMAGE_ELEMENTS.has(element)) return kind === 'embedded-image' ? 'keep' : 'fail';
  if (ANIMATION_ELEMENTS.has(element) || element === 'mpath') return 'strip';
  return kind === 'external' ? 'fail' : 'strip';
}

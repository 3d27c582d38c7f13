/**
 * The sanitiser: an svgo plugin that runs before any optimisation and makes a diagram inert.
 *
 * svgo is an optimiser, not a sanitiser, so this is ours. It allows by kind (see urls.ts)
 * rather than blocking known-bad strings. Policy, per hazard:
 *
 * | hazard                                                        | action          |
 * | ------------------------------------------------------------- | --------------- |
 * | `<script>`, `<handler>`, `<iframe>`/`<object>`/`<embed>`/...   | strip + warn    |
 * | `on*` event attributes                                        | strip + warn    |
 * | `javascript:`/`vbscript:`/`data:text/html`/any unknown scheme  | strip + warn    |
 * | `<set>`/`<animate>` that rewrite `href` or an `on*` attribute | strip + warn    |
 * | `xml:base`, `src`, `<?xml-stylesheet?>`                       | strip + warn    |
 * | HTML elements (`<div>`, `<img>`, `<font>`, ...) outside HTML   | strip + warn    |
 * | (inlined in a page they would break out of the `<svg>`)       |                 |
 * | remote `@import`, `url()` to anything but `#id`/embedded data  | strip + warn    |
 * | (in `<style>` and `style=`, or in attributes like `fill`)     |                 |
 * | `<foreignObject>` HTML label (foreign-object.ts)              | keep safe subset|
 * | (preferred over a `<switch>` fallback; unsafe parts warn)     |                 |
 * | `<image>`/`<use>`/... pointing outside the file (http, path)  | fail the build  |
 * | a root element that is not `<svg>`                           | fail the build  |
 *
 * The rule behind the split: strip (and say so) whatever a static picture never needs, so
 * the reader sees exactly what the author drew; fail when stripping would silently change
 * the picture (a remote image), because only the author can fix that (embed the image as
 * `data:image/...`). HTML labels keep their safe XHTML subset; what cannot be kept is named
 * in a warning with the setting that avoids it in the tool that made the file (tools.ts).
 * Embedded `data:image/{png,jpeg,gif,webp,avif,svg+xml}` and `data:font/*` (in `@font-face`)
 * are kept: browsers treat them as inert images and fonts. `<a href>` to http(s), mailto or
 * a site path is kept: a link is navigation, not a resource the diagram loads.
 */
import type { CustomPlugin, XastElement, XastParent, XastRoot } from 'svgo';
import { sanitiseCss } from './css-safety.ts';
import { DiagramError, formatDiagramError } from './errors.ts';
import { lineOfElement } from './source-lines.ts';
import { classifyUrl, describeUrl } from './urls.ts';
import { cleanForeignObject } from './foreign-object.ts';
import { detectTool, svgTextLabelsFix } from './tools.ts';

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
/**
 * Start tags that make an HTML parser leave SVG ("foreign content") when the diagram is
 * inlined: the element and everything after it would land in the page, outside the figure.
 */
const HTML_BREAKOUT_ELEMENTS = new Set([
  'b', 'big', 'blockquote', 'body', 'br', 'center', 'code', 'dd', 'div', 'dl', 'dt', 'em',
  'font', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'hr', 'i', 'img', 'li', 'listing', 'menu',
  'nobr', 'ol', 'p', 'pre', 'ruby', 's', 'small', 'span', 'strong', 'strike', 'sub', 'sup',
  'table', 'tt', 'u', 'ul', 'var', 'html',
]);
const ANIMATION_ELEMENTS = new Set(['set', 'animate', 'animatecolor', 'animatemotion', 'animatetransform']);
const IMAGE_ELEMENTS = new Set(['image', 'feimage']);
const STRIPPED_ATTRIBUTES = new Set(['xml:base', 'src', 'action', 'formaction', 'data']);

const localName = (name: string): string => name.slice(name.indexOf(':') + 1).toLowerCase();

export function createSanitisePlugin(ctx: SanitiseContext): CustomPlugin {
  const seen = new Set<string>();
  const warnAt = (tag: string, needle: string | undefined, element: string, found: string): void => {
    const message = formatDiagramError({ file: ctx.file, line: lineOfElement(ctx.source, tag, needle), element, found });
    // svgo may run the plugin on several passes; say each thing once.
    if (!seen.has(message)) {
      seen.add(message);
      ctx.warn(message);
    }
  };
  const fail = (tag: string, needle: string | undefined, element: string, found: string, expected: string): never => {
    throw new DiagramError({ file: ctx.file, line: lineOfElement(ctx.source, tag, needle), element, found, expected });
  };

  // XHTML label content already cleaned by foreign-object.ts (a side table, not a marker attribute).
  const approvedHtml = new WeakSet<XastElement>();
  const tool = detectTool(ctx.source);
  const made = tool === 'unknown' ? '' : ` (this file was made by ${tool})`;

  return {
    name: 'casebookSanitise',
    fn: () => ({
      root: {
        enter: (root: XastRoot) => {
          const rootElement = root.children.find((c): c is XastElement => c.type === 'element');
          if (!rootElement || localName(rootElement.name) !== 'svg') {
            throw new DiagramError({
              file: ctx.file,
              line: rootElement ? lineOfElement(ctx.source, rootElement.name) : undefined,
              element: rootElement ? `<${rootElement.name}>` : undefined,
              found: rootElement ? 'is the root element' : 'no element at all',
              expected: 'an SVG file whose root element is <svg>',
            });
          }
        },
      },
      instruction: {
        enter: (node, parent) => {
          if (node.name.toLowerCase() === 'xml-stylesheet') {
            warnAt('?xml-stylesheet', undefined, '<?xml-stylesheet?>', 'removed an external stylesheet');
            parent.children = parent.children.filter((c) => c !== node);
          }
        },
      },
      element: {
        enter: (node, parent) => {
          if (approvedHtml.has(node)) return;
          const name = localName(node.name);
          const detach = (): void => {
            parent.children = parent.children.filter((c) => c !== node);
          };

          if (NON_PICTURE_ELEMENTS.has(name)) {
            warnAt(node.name, undefined, `<${node.name}>`, 'removed (a static diagram runs no code and embeds no documents)');
            detach();
            return;
          }
          if (HTML_BREAKOUT_ELEMENTS.has(name)) {
            warnAt(node.name, undefined, `<${node.name}>`, 'removed an HTML element (inlined in a page it would escape the diagram)');
            detach();
            return;
          }
          if (name === 'foreignobject') {
            // The HTML label is what the editor showed: keep it when it is in the safe subset,
            // in preference to a <switch> fallback (often a truncated text or a PNG of the text).
            const { removed } = cleanForeignObject(node, approvedHtml);
            const fix = svgTextLabelsFix(tool);
            if (hasSvgFallback(node, parent) && parent.type === 'element') {
              if (removed.length === 0) {
                parent.children = parent.children.filter((c) => c === node || c.type !== 'element');
              } else {
                warnAt(node.name, undefined, '<foreignObject>',
                  `an HTML label held ${removed.join(', ')}, which cannot be kept; its <switch> fallback is shown instead${made}. To keep the label, ${fix}`);
                detach();
                return;
              }
            } else if (removed.length > 0) {
              warnAt(node.name, undefined, '<foreignObject>',
                `removed ${removed.join(', ')} from an HTML label${made}. To avoid this, ${fix}`);
            }
          }
          if (ANIMATION_ELEMENTS.has(name)) {
            const target = (node.attributes.attributeName ?? '').toLowerCase();
            if (localName(target) === 'href' || target.startsWith('on')) {
              warnAt(node.name, target, `<${node.name} attributeName="${target}">`, 'removed an animation that rewrites a link or handler');
              detach();
              return;
            }
          }
          if (name === 'style') {
            sanitiseStyleElement(node, (found) => warnAt('style', undefined, '<style>', `removed ${found}`));
          }
          sanitiseAttributes(node, name, warnAt, fail);
        },
      },
    }),
  };
}

/** A `<foreignObject>` is safe to drop when its `<switch>` has an SVG element to show instead. */
function hasSvgFallback(node: XastElement, parent: XastParent): boolean {
  if (parent.type !== 'element' || localName(parent.name) !== 'switch') return false;
  return parent.children.some((c) => c !== node && c.type === 'element' && localName(c.name) !== 'foreignobject');
}

function sanitiseStyleElement(node: XastElement, report: (found: string) => void): void {
  for (const child of node.children) {
    if (child.type !== 'text' && child.type !== 'cdata') continue;
    const { css, removed } = sanitiseCss(child.value, 'stylesheet');
    removed.forEach(report);
    if (removed.length > 0) child.value = css;
  }
}

type WarnAt = (tag: string, needle: string | undefined, element: string, found: string) => void;
type Fail = (tag: string, needle: string | undefined, element: string, found: string, expected: string) => never;

function sanitiseAttributes(node: XastElement, name: string, warnAt: WarnAt, fail: Fail): void {
  for (const [attr, value] of Object.entries(node.attributes)) {
    const attrName = attr.toLowerCase();
    const local = localName(attrName);
    const where = `<${node.name} ${attr}>`;

    if (local.startsWith('on')) {
      warnAt(node.name, attr, where, 'removed an event handler');
      delete node.attributes[attr];
      continue;
    }
    if (STRIPPED_ATTRIBUTES.has(attrName)) {
      warnAt(node.name, attr, where, `removed "${describeUrl(value)}"`);
      delete node.attributes[attr];
      continue;
    }
    if (local === 'href') {
      const verdict = hrefVerdict(name, value);
      if (verdict === 'strip') {
        warnAt(node.name, value, where, `removed "${describeUrl(value)}" (not a picture or a link)`);
        delete node.attributes[attr];
      } else if (verdict === 'fail') {
        fail(node.name, value, where, `points outside the diagram ("${describeUrl(value)}")`,
          name === 'image' || name === 'feimage'
            ? 'an embedded image (data:image/png;base64,...) or a #fragment'
            : 'a #fragment reference to an element in the same file');
      }
      continue;
    }
    if (attrName === 'style') {
      const { css, removed } = sanitiseCss(value, 'declarationList');
      if (removed.length > 0) {
        removed.forEach((r) => warnAt(node.name, undefined, `<${node.name} style>`, `removed ${r}`));
        node.attributes[attr] = css;
      }
      continue;
    }
    if (/url\s*\(/i.test(value)) {
      const urls = [...value.matchAll(/url\s*\(\s*(['"]?)(.*?)\1\s*\)/gi)].map((m) => m[2] ?? '');
      const bad = urls.find((u) => classifyUrl(u) !== 'fragment' && classifyUrl(u) !== 'embedded-image');
      if (bad !== undefined) {
        warnAt(node.name, bad, where, `removed url(${describeUrl(bad)}) (only #fragment references load)`);
        delete node.attributes[attr];
      }
    }
  }
}

/** What to do with an href on a given element. */
function hrefVerdict(element: string, value: string): 'keep' | 'strip' | 'fail' {
  const kind = classifyUrl(value);
  if (kind === 'fragment') return 'keep';
  if (kind === 'active') return 'strip';
  if (element === 'a') return kind === 'external' ? 'keep' : 'strip';
  if (IMAGE_ELEMENTS.has(element)) return kind === 'embedded-image' ? 'keep' : 'fail';
  return kind === 'external' ? 'fail' : 'strip';
}

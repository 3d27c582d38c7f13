/**
 * Makes CSS found in a diagram inert: a `<style>` element, a `style` attribute, or the value
 * of a presentation attribute (`fill="url(...)"` is CSS too, and gets the same rules).
 *
 * svgo optimises CSS but does not make it safe, and DOMPurify does not look inside CSS at all,
 * so this layer is ours. It walks the CSS with css-tree (the parser svgo itself uses) and
 * removes, with a note for the build warnings:
 *  - every at-rule not on the allow-list (safety/allow-list.ts): `@import` loads, and
 *    `@property`, `@page`, `@counter-style`, `@layer`, ... act on the whole page;
 *  - every declaration that loads something: a `url()`/`image-set()`/`src()` that is not a
 *    `#fragment`, an embedded image, or (inside `@font-face`) an embedded font;
 *  - legacy script hooks: `expression()`, `behavior`, `-moz-binding`;
 *  - `position: fixed`, which lays the diagram over the page (the figure's `contain: paint`
 *    also stops it, in the page; this also covers a standalone file and other hosts);
 *  - any CSS escape outside a string. css-tree decodes escapes in strings and `url()` (so a
 *    disguised `url("\6a avascript:")` is classified as what it is) but keeps them in names,
 *    where `ur\l(`, `\75 rl(` and `@\69mport` would spell a URL or an at-rule in the visitor's
 *    browser. No diagram editor writes escapes there, so refusing them costs nothing;
 *  - anything css-tree could only keep as raw text (its error recovery), unless that text
 *    has no backslash and no URL-loading function in it.
 * The caller decides what a removal means (all of these are strip-and-warn).
 */
import * as csstree from 'css-tree';
import { ALLOWED_AT_RULES } from './safety/allow-list.ts';
import { classifyUrl, describeUrl } from './urls.ts';

export interface CssSanitiseResult {
  css: string;
  /** One human note per removal, e.g. `@import url(https://fonts...)`. */
  removed: string[];
}

/** `url(` as a CSS function, not the end of a word like `loadUrl(` (issue #11). */
const URL_IN_TEXT = /(?<![\w\\-])url\(\s*(['"]?)(.*?)\1\s*\)/gi;
const LOADING_FUNCTION_IN_TEXT = /(?<![\w\\-])(?:url|src|(?:-webkit-)?image-set|image|cross-fade|element|paint)\s*\(/gi;
const SCRIPT_HOOK = /expression\s*\(|-moz-binding|^behavior$/i;
const URL_STRING_FUNCTIONS = /^(?:-webkit-)?image-set$|^src$|^image$|^cross-fade$/i;

type Context = 'stylesheet' | 'declarationList';

export function sanitiseCss(text: string, context: Context): CssSanitiseResult {
  const removed: string[] = [];
  let ast: csstree.CssNode;
  try {
    ast = csstree.parse(text, { context, parseValue: true, parseCustomProperty: true, parseAtrulePrelude: true });
  } catch {
    // css-tree recovers from almost everything; if it does not, keep nothing rather than guess.
    return { css: '', removed: ['unparseable CSS'] };
  }

  csstree.walk(ast, {
    visit: 'Atrule',
    enter(node, item, list) {
      if (!list) return;
      const name = node.name.toLowerCase();
      const prelude = node.prelude ? csstree.generate(node.prelude) : '';
      if (!ALLOWED_AT_RULES.has(name) || prelude.includes('\\')) {
        removed.push(`@${node.name} ${describeUrl(prelude)}`.trim() + (ALLOWED_AT_RULES.has(name) ? ' (escaped)' : ''));
        list.remove(item);
      }
    },
  });

  csstree.walk(ast, {
    visit: 'Raw',
    enter(node, item, list) {
      // Raw text directly in a stylesheet or declaration list is what css-tree could not parse.
      if (!list || this.declaration) return;
      removed.push(`unparseable CSS "${describeUrl(node.value)}"`);
      list.remove(item);
    },
  });

  csstree.walk(ast, {
    visit: 'Declaration',
    enter(node, item, list) {
      if (!list) return;
      const inFontFace = this.atrule?.name.toLowerCase() === 'font-face';
      const problem = declarationProblem(node.property, node.value, inFontFace);
      if (problem) {
        removed.push(problem);
        list.remove(item);
      }
    },
  });

  return { css: removed.length > 0 ? csstree.generate(ast) : text, removed };
}

/**
 * Why the value of a presentation attribute (or of an animation setting one) is unsafe, or
 * undefined when it is inert. Same rules as a declaration in `style`.
 */
export function unsafeCssValue(property: string, value: string): string | undefined {
  if (!/[\\(]/.test(value)) return undefined;
  let ast: csstree.Value | csstree.Raw;
  try {
    ast = csstree.parse(value, { context: 'value', parseCustomProperty: true }) as csstree.Value | csstree.Raw;
  } catch {
    return `${property}: ${describeUrl(value)} (unparseable)`;
  }
  return declarationProblem(property, ast, false);
}

/** Why a declaration must go, or undefined when it is inert. */
function declarationProblem(property: string, value: csstree.Value | csstree.Raw, inFontFace: boolean): string | undefined {
  const valueText = csstree.generate(value);
  const shown = `${property}: ${describeUrl(valueText)}`;
  if (SCRIPT_HOOK.test(property) || SCRIPT_HOOK.test(valueText)) return `${shown} (script hook)`;
  if (property.includes('\\')) return `${shown} (CSS escape)`;
  // Fixed positioning lays a diagram (or a label) over the page, outside its figure.
  if (property.toLowerCase() === 'position' && /fixed/i.test(valueText)) return `${shown} (would cover the page)`;

  const urls: string[] = [];
  let escaped = false;
  let raw = false;
  csstree.walk(value, (n) => {
    if (n.type === 'Url') urls.push(n.value);
    else if (n.type === 'String') return;
    else if (n.type === 'Raw') {
      raw = true;
      if (n.value.includes('\\')) escaped = true;
      const found = [...n.value.matchAll(URL_IN_TEXT)].map((m) => m[2] ?? '');
      urls.push(...found);
      // Every loading function in raw text must be a url() we could read, or it goes.
      if ([...n.value.matchAll(LOADING_FUNCTION_IN_TEXT)].length !== found.length) escaped = true;
    } else if (hasBackslash(n)) escaped = true;
    if (n.type === 'Function' && URL_STRING_FUNCTIONS.test(n.name)) {
      n.children.forEach((child) => {
        if (child.type === 'String') urls.push(child.value);
      });
    }
  });
  if (escaped) return `${shown} (CSS escape)`;
  if (raw && value.type === 'Raw' && /[{}]/.test(valueText)) return `${shown} (unparseable)`;

  for (const url of urls) {
    const kind = classifyUrl(url);
    const allowed = kind === 'fragment' || kind === 'embedded-image' || (inFontFace && kind === 'embedded-font');
    if (!allowed) return `${property}: url(${describeUrl(url)})`;
  }
  return undefined;
}

/** A name, unit or value (not a decoded string/url) that still holds a CSS escape. */
function hasBackslash(n: csstree.CssNode): boolean {
  const fields = n as unknown as { name?: unknown; value?: unknown; unit?: unknown };
  return [fields.name, fields.value, fields.unit].some((f) => typeof f === 'string' && f.includes('\\'));
}

/**
 * Makes CSS found in a diagram (a `<style>` element or a `style` attribute) inert.
 *
 * svgo optimises CSS but does not make it safe, so this walks the CSS with css-tree (the
 * parser svgo itself uses) and removes, with a note for the build warnings:
 *  - every `@import` (remote or relative: neither can load from an inlined diagram);
 *  - every declaration that loads something: a `url()`/`image-set()`/`src()` that is not a
 *    `#fragment`, an embedded image, or (inside `@font-face`) an embedded font;
 *  - legacy script hooks: `expression()`, `behavior`, `-moz-binding`;
 *  - values using CSS escapes inside a function, which could spell `url(` in disguise.
 * The caller decides what a removal means (all of these are strip-and-warn).
 */
import * as csstree from 'css-tree';
import { classifyUrl, describeUrl } from './urls.ts';

export interface CssSanitiseResult {
  css: string;
  /** One human note per removal, e.g. `@import url(https://fonts...)`. */
  removed: string[];
}

const URL_IN_TEXT = /url\(\s*(['"]?)(.*?)\1\s*\)/gi;
const SCRIPT_HOOK = /expression\s*\(|-moz-binding|^behavior$/i;
const URL_STRING_FUNCTIONS = /^(?:-webkit-)?image-set$|^src$/i;

type Context = 'stylesheet' | 'declarationList';

export function sanitiseCss(text: string, context: Context): CssSanitiseResult {
  const removed: string[] = [];
  let ast: csstree.CssNode;
  try {
    ast = csstree.parse(text, { context, parseValue: true, parseCustomProperty: true });
  } catch {
    // css-tree recovers from almost everything; if it does not, keep nothing rather than guess.
    return { css: '', removed: ['unparseable CSS'] };
  }

  csstree.walk(ast, {
    visit: 'Atrule',
    enter(node, item, list) {
      if (node.name.toLowerCase() === 'import' && list) {
        removed.push(`@import ${node.prelude ? csstree.generate(node.prelude) : ''}`.trim());
        list.remove(item);
      }
    },
  });

  csstree.walk(ast, {
    visit: 'Declaration',
    enter(node, item, list) {
      if (!list) return;
      const inFontFace = this.atrule?.name.toLowerCase() === 'font-face';
      const problem = declarationProblem(node, inFontFace);
      if (problem) {
        removed.push(problem);
        list.remove(item);
      }
    },
  });

  return { css: csstree.generate(ast), removed };
}

/** Why a declaration must go, or undefined when it is inert. */
function declarationProblem(decl: csstree.Declaration, inFontFace: boolean): string | undefined {
  const valueText = csstree.generate(decl.value);
  const shown = `${decl.property}: ${describeUrl(valueText)}`;
  if (SCRIPT_HOOK.test(decl.property) || SCRIPT_HOOK.test(valueText)) return `${shown} (script hook)`;
  if (/\\[0-9a-f]/i.test(valueText) && valueText.includes('(')) return `${shown} (escaped function)`;

  const urls: string[] = [];
  csstree.walk(decl.value, (n) => {
    if (n.type === 'Url') urls.push(n.value);
    if (n.type === 'Function' && URL_STRING_FUNCTIONS.test(n.name)) {
      n.children.forEach((child) => {
        if (child.type === 'String') urls.push(child.value);
      });
    }
  });
  for (const match of valueText.matchAll(URL_IN_TEXT)) urls.push(match[2] ?? '');

  for (const url of urls) {
    const kind = classifyUrl(url);
    const allowed = kind === 'fragment' || kind === 'embedded-image' || (inFontFace && kind === 'embedded-font');
    if (!allowed) return `${decl.property}: url(${describeUrl(url)})`;
  }
  return undefined;
}

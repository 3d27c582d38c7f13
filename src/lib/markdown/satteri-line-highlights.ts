/**
 * Line highlights written in a fence's meta (```ts {1,3-5}```), applied after shiki.
 *
 * Works around a Sätteri 0.10 bug: with `features.rawHtml` (which Casebook needs for HTML in
 * `.md`), the re-parse drops the `data` of `<code>` elements, and with it the fence meta that
 * Astro hands to shiki, so transformerMetaHighlight never sees `{1,3-5}`. The code-fence mdast
 * plugin therefore copies the highlight spec to a `data-highlight` attribute on a wrapper
 * (attributes survive the re-parse), and this hast plugin marks those lines once shiki has
 * split the block into `span.line`s. The spec is parsed by shiki's own parseMetaHighlightString.
 */
import type { Element, ElementContent } from 'hast';
import type { HastPluginDefinition } from 'satteri';
import { parseMetaHighlightString } from '@shikijs/transformers';

export const HIGHLIGHT_ATTRIBUTE = 'dataHighlight';

export const satteriLineHighlights: HastPluginDefinition = {
  name: 'casebook-line-highlights',
  element: {
    filter: ['figure', 'div'],
    visit(node) {
      const spec = node.properties?.[HIGHLIGHT_ATTRIBUTE];
      if (typeof spec !== 'string') return;
      const lines = new Set(parseMetaHighlightString(`{${spec}}`) ?? []);
      const { [HIGHLIGHT_ATTRIBUTE]: _spec, ...properties } = node.properties ?? {};
      return { ...node, properties, children: node.children.map((c) => markLines(c, lines)) };
    },
  },
};

function markLines(node: ElementContent, lines: Set<number>): ElementContent {
  if (node.type !== 'element') return node;
  if (node.tagName === 'code') {
    let n = 0;
    const children = node.children.map((child) => {
      if (child.type !== 'element' || !hasClass(child, 'line')) return child;
      n += 1;
      return lines.has(n) ? withClass(child, 'highlighted') : child;
    });
    return { ...node, children };
  }
  return { ...node, children: node.children.map((c) => markLines(c, lines)) };
}

/** Shiki's elements carry `class` (a string); parsed ones carry `className` (a list). */
function classes(el: Element): string[] {
  const c = el.properties?.['className'] ?? el.properties?.['class'];
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
}
function hasClass(el: Element, name: string): boolean {
  return classes(el).includes(name);
}
function withClass(el: Element, name: string): Element {
  const key = 'class' in (el.properties ?? {}) ? 'class' : 'className';
  const value = [...classes(el), name];
  return { ...el, properties: { ...el.properties, [key]: key === 'class' ? value.join(' ') : value } };
}

/**
 * Keeps ids unique when several diagrams share a page.
 *
 * svgo's `prefixIds` rewrites `id`, `class`, `href`, `url(#...)` and `<style>` selectors;
 * this module adds what it leaves out (ARIA id references) and names the root `<title>` and
 * `<desc>` so the figure can point at them, and `url(#id)` inside `style` attributes (where
 * svgo's `inlineStyles` may have moved a rule). Both use the same rule as `prefixIds`:
 * `<prefix>-<id>`, unless the id already starts with `<prefix>-` (the prefix is the
 * diagram's short code, id-prefix.ts).
 */
import type { CustomPlugin, XastElement } from 'svgo';

const ARIA_ID_REFERENCES = [
  'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-flowto',
  'aria-activedescendant', 'aria-details', 'aria-errormessage',
];

export function prefixId(prefix: string, id: string): string {
  return id.startsWith(`${prefix}-`) ? id : `${prefix}-${id}`;
}

/** Ids referenced by ARIA attributes: svgo's `cleanupIds` must not remove or rename them. */
export function ariaReferencedIds(source: string): string[] {
  const ids = new Set<string>();
  for (const m of source.matchAll(/aria-(?:labelledby|describedby|controls|owns|flowto|activedescendant|details|errormessage)\s*=\s*(["'])(.*?)\1/gi)) {
    for (const id of (m[2] ?? '').split(/\s+/)) if (id) ids.add(id);
  }
  return [...ids];
}

export function textOf(node: XastElement): string {
  const parts: string[] = [];
  const walk = (n: XastElement): void => {
    for (const c of n.children) {
      if (c.type === 'text' || c.type === 'cdata') parts.push(c.value);
      else if (c.type === 'element') walk(c);
    }
  };
  walk(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

export interface AccessibleText {
  title?: string;
  desc?: string;
}

/**
 * Before `prefixIds`: gives the root's first `<title>`/`<desc>` an id (`title`/`desc` unless
 * they have one) and reports their text.
 */
export function createAccessibleTextPlugin(onText: (t: AccessibleText) => void): CustomPlugin {
  return {
    name: 'casebookAccessibleText',
    fn: (root) => {
      const svg = root.children.find((c): c is XastElement => c.type === 'element');
      if (!svg) return null;
      const found: AccessibleText = {};
      for (const tag of ['title', 'desc'] as const) {
        const el = svg.children.find((c): c is XastElement => c.type === 'element' && c.name === tag);
        if (!el) continue;
        const text = textOf(el);
        if (!text) continue;
        el.attributes.id ??= tag;
        found[tag] = text;
      }
      onText(found);
      return null;
    },
  };
}

/** After `prefixIds`: prefixes ARIA id lists and `url(#id)` in `style` attributes. */
export function createReferencePrefixPlugin(prefix: string): CustomPlugin {
  return {
    name: 'casebookReferencePrefix',
    fn: () => ({
      element: {
        enter: (node) => {
          for (const attr of ARIA_ID_REFERENCES) {
            const value = node.attributes[attr];
            if (value === undefined) continue;
            node.attributes[attr] = value.split(/\s+/).filter(Boolean).map((id) => prefixId(prefix, id)).join(' ');
          }
          const style = node.attributes.style;
          if (style?.includes('url(')) {
            node.attributes.style = style.replace(
              /url\(\s*(['"]?)#(.+?)\1\s*\)/g,
              (_m, _q: string, id: string) => `url(#${prefixId(prefix, id)})`,
            );
          }
        },
      },
    }),
  };
}

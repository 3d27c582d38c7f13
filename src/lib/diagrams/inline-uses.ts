/**
 * Puts a `<use>` whose target is drawn nowhere else in place of that target.
 *
 * Lucidchart writes every run of text as a `<g id="a">` of glyph `<use>`s in `<defs>`, drawn
 * once by `<use xlink:href="#a" transform="...">`. Each such pair costs an id and a reference,
 * and on a page every id carries the diagram's name (`<name>-a`), so a Lucid export could
 * come out larger than it went in. When a `<defs>` element is referenced exactly once, and by
 * a `<use>`, drawing it in place of that `<use>` is the same picture:
 *
 *   <use href="#a" x="X" y="Y" transform="T" fill="F"/>  ⇒  <g transform="T translate(X,Y)" fill="F">target</g>
 *
 * A `<use>`'s copy inherits from the `<use>`, so the wrapper group carries its presentation
 * attributes; the target keeps its own. Only what is provably the same is rewritten:
 *  - no `<style>` element anywhere (a selector could tell a `<use>` copy from a moved element);
 *  - the target is a plain `<g>` or shape inside `<defs>` (not a `<symbol>` or nested `<svg>`,
 *    which make a viewport), not an ancestor of the `<use>`;
 *  - the `<use>` has no id, no width/height, no event or animation children, and is not
 *    inside a `<clipPath>` (which may hold shapes, not groups);
 *  - the target's id is referenced nowhere else: no other `href`, `url(#…)`, ARIA list or
 *    animation names it.
 * A `<use>` that points at no element of the file draws nothing and is removed.
 */
import type { CustomPlugin, XastChild, XastElement, XastParent } from 'svgo';

const MOVABLE = new Set(['g', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'image']);
const USE_ATTRIBUTES_HANDLED = new Set(['href', 'xlink:href', 'x', 'y', 'transform']);

interface Found {
  node: XastElement;
  parent: XastParent;
  inDefs: boolean;
  inClipPath: boolean;
}

const isElement = (c: XastChild): c is XastElement => c.type === 'element';

function hrefOf(node: XastElement): string | undefined {
  return node.attributes.href ?? node.attributes['xlink:href'];
}

/** Every `#id` an attribute value names (href, url(#…), ARIA id lists, animation begin/end). */
function referencedIds(attr: string, value: string, out: Map<string, number>): void {
  const add = (id: string): void => { out.set(id, (out.get(id) ?? 0) + 1); };
  if ((attr === 'href' || attr === 'xlink:href') && value.startsWith('#')) add(value.slice(1));
  for (const m of value.matchAll(/url\(\s*['"]?#([^'")\s]+)/g)) add(m[1] ?? '');
  if (attr.startsWith('aria-') || attr === 'begin' || attr === 'end') {
    for (const token of value.split(/[\s;]+/)) {
      const id = token.split('.')[0];
      if (id) add(id);
    }
  }
}

export const inlineSingleUsePlugin: CustomPlugin = {
  name: 'casebookInlineSingleUse',
  fn: (root) => {
    const ids = new Map<string, Found>();
    const references = new Map<string, number>();
    const uses: Found[] = [];
    let hasStyle = false;

    const walk = (parent: XastParent, inDefs: boolean, inClipPath: boolean): void => {
      for (const child of parent.children) {
        if (!isElement(child)) continue;
        if (child.name === 'style') hasStyle = true;
        const found = { node: child, parent, inDefs, inClipPath };
        const id = child.attributes.id;
        if (id !== undefined) ids.set(id, found);
        for (const [attr, value] of Object.entries(child.attributes)) referencedIds(attr, value, references);
        if (child.name === 'use') uses.push(found);
        walk(child, inDefs || child.name === 'defs', inClipPath || child.name === 'clipPath');
      }
    };
    walk(root, false, false);
    if (hasStyle) return null;

    const isAncestor = (candidate: XastElement, of: XastElement): boolean => {
      const within = (n: XastElement): boolean => n === of || n.children.some((c) => isElement(c) && within(c));
      return within(candidate);
    };

    for (const use of uses) {
      const href = hrefOf(use.node);
      if (!href?.startsWith('#')) continue;
      const id = href.slice(1);
      const target = ids.get(id);
      if (!target) {
        // Points at nothing in the file (Lucidchart leaves some): it draws nothing.
        const at = use.parent.children.indexOf(use.node);
        if (at >= 0 && !use.node.children.some(isElement)) use.parent.children.splice(at, 1);
        continue;
      }
      if (!target.inDefs || use.inClipPath || references.get(id) !== 1) continue;
      if (!MOVABLE.has(target.node.name) || target.parent.type !== 'element' || target.parent.name !== 'defs') continue;
      const attrs = use.node.attributes;
      if (attrs.id !== undefined || attrs.width !== undefined || attrs.height !== undefined) continue;
      if (attrs.class !== undefined || attrs.style !== undefined) continue;
      if (use.node.children.some(isElement)) continue;
      if (isAncestor(target.node, use.node)) continue;

      const x = attrs.x ?? '0';
      const y = attrs.y ?? '0';
      const moves = x !== '0' || y !== '0' ? `translate(${x},${y})` : '';
      const transform = [attrs.transform, moves].filter(Boolean).join(' ');
      const wrapperAttributes: Record<string, string> = {};
      for (const [attr, value] of Object.entries(attrs)) {
        if (USE_ATTRIBUTES_HANDLED.has(attr)) continue;
        wrapperAttributes[attr] = value;
      }
      if (transform) wrapperAttributes.transform = transform;

      target.parent.children = target.parent.children.filter((c) => c !== target.node);
      delete target.node.attributes.id;
      const wrapper: XastElement = { type: 'element', name: 'g', attributes: wrapperAttributes, children: [target.node] };
      const at = use.parent.children.indexOf(use.node);
      if (at >= 0) use.parent.children[at] = wrapper;
    }
    return null;
  },
};

/**
 * Confines a diagram's own `<style>` rules to that diagram.
 *
 * A `<style>` inside an inline SVG applies to the whole HTML page: `text { font-size: 9px }`
 * in one diagram would shrink the text of every other diagram (and `:root { ... }` would
 * restyle the site). After ids and classes are prefixed, every selector is anchored to the
 * diagram's root element id: `rect` becomes `#<root> rect`, `svg > g` becomes
 * `svg#<root> > g`, `:root` becomes `#<root>`. Keyframe selectors are left alone.
 */
import * as csstree from 'css-tree';
import type { CustomPlugin, XastElement } from 'svgo';

export function scopeCss(css: string, rootId: string): string {
  const ast = csstree.parse(css, { context: 'stylesheet', parseValue: false, parseCustomProperty: false });
  csstree.walk(ast, {
    visit: 'Rule',
    enter(rule) {
      if (this.atrule && /keyframes$/i.test(this.atrule.name)) return;
      if (rule.prelude.type !== 'SelectorList') return;
      rule.prelude.children.forEach((selector) => {
        if (selector.type === 'Selector') scopeSelector(selector, rootId);
      });
    },
  });
  return csstree.generate(ast);
}

function scopeSelector(selector: csstree.Selector, rootId: string): void {
  const parts = selector.children.toArray();
  // Already anchored: the first compound names the root's own id (mermaid's `#my-svg .node`).
  const combinator = parts.findIndex((p) => p.type === 'Combinator');
  const firstCompound = combinator === -1 ? parts : parts.slice(0, combinator);
  if (firstCompound.some((p) => p.type === 'IdSelector' && p.name === rootId)) return;
  const [first, ...rest] = parts;
  const anchor: csstree.IdSelector = { type: 'IdSelector', name: rootId };
  let scoped: csstree.CssNode[];
  if (first?.type === 'PseudoClassSelector' && first.name.toLowerCase() === 'root') scoped = [anchor, ...rest];
  else if (first?.type === 'TypeSelector' && first.name.toLowerCase() === 'svg') scoped = [first, anchor, ...rest];
  else scoped = [anchor, { type: 'Combinator', name: ' ' }, ...(first ? [first] : []), ...rest];
  selector.children = new csstree.List<csstree.CssNode>().fromArray(scoped);
}

/** svgo plugin: scopes every `<style>` in the diagram; gives the root an id when it needs one. */
export function createScopeStylesPlugin(name: string): CustomPlugin {
  return {
    name: 'casebookScopeStyles',
    fn: (root) => {
      const svg = root.children.find((c): c is XastElement => c.type === 'element');
      if (!svg) return null;
      const styles: XastElement[] = [];
      const collect = (n: XastElement): void => {
        for (const c of n.children) {
          if (c.type !== 'element') continue;
          if (c.name === 'style') styles.push(c);
          else collect(c);
        }
      };
      collect(svg);
      if (styles.length === 0) return null;
      svg.attributes.id ??= `${name}-root`;
      const rootId = svg.attributes.id;
      for (const style of styles) {
        for (const child of style.children) {
          if (child.type === 'text' || child.type === 'cdata') child.value = scopeCss(child.value, rootId);
        }
      }
      return null;
    },
  };
}

/**
 * Shortens the class names a diagram's own `<style>` uses (`rl-edge-label` -> `c`).
 *
 * Hand-written diagrams style by class, and each class name repeats on many elements; once
 * the stylesheet is scoped to the diagram (scope-styles.ts) those names mean nothing outside
 * it, so they can be as short as possible. Only classes referenced by a selector in the
 * diagram's `<style>` are renamed, most used first; classes no rule mentions are left as
 * they are (page CSS might use them). Unparseable CSS leaves everything untouched.
 */
import * as csstree from 'css-tree';
import type { CustomPlugin, XastElement } from 'svgo';

/** a, b, ..., z, a0, a1, ... : valid CSS identifiers, never starting with a digit. */
export function shortName(index: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  if (index < letters.length) return letters[index] ?? 'a';
  const rest = index - letters.length;
  return `${letters[Math.floor(rest / 36) % 26]}${(rest % 36).toString(36)}${rest >= 26 * 36 ? Math.floor(rest / (26 * 36)) : ''}`;
}

function collect(node: XastElement, out: { styles: XastElement[]; classed: XastElement[] }): void {
  for (const c of node.children) {
    if (c.type !== 'element') continue;
    if (c.name === 'style') out.styles.push(c);
    if (c.attributes.class !== undefined) out.classed.push(c);
    collect(c, out);
  }
}

export const minifyClassesPlugin: CustomPlugin = {
  name: 'casebookMinifyClasses',
  fn: (root) => {
    const svg = root.children.find((c): c is XastElement => c.type === 'element');
    if (!svg) return null;
    const found = { styles: [] as XastElement[], classed: svg.attributes.class !== undefined ? [svg] : [] };
    collect(svg, found);
    if (found.styles.length === 0) return null;

    const sheets: { text: { value: string }; ast: csstree.CssNode }[] = [];
    const referenced = new Set<string>();
    try {
      for (const style of found.styles) {
        for (const child of style.children) {
          if (child.type !== 'text' && child.type !== 'cdata') continue;
          const ast = csstree.parse(child.value, { context: 'stylesheet', parseValue: false, parseCustomProperty: false, onParseError: (e) => { throw e; } });
          csstree.walk(ast, { visit: 'ClassSelector', enter: (n) => { referenced.add(n.name); } });
          sheets.push({ text: child, ast });
        }
      }
    } catch {
      return null;
    }

    const uses = new Map<string, number>();
    const kept = new Set<string>();
    for (const el of found.classed) {
      for (const c of (el.attributes.class ?? '').split(/\s+/).filter(Boolean)) {
        if (referenced.has(c)) uses.set(c, (uses.get(c) ?? 0) + 1);
        else kept.add(c);
      }
    }
    for (const c of referenced) if (!uses.has(c)) uses.set(c, 0);

    const renames = new Map<string, string>();
    let next = 0;
    for (const [name] of [...uses].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
      let short = shortName(next++);
      while (kept.has(short)) short = shortName(next++);
      renames.set(name, short);
    }

    for (const sheet of sheets) {
      csstree.walk(sheet.ast, { visit: 'ClassSelector', enter: (n) => { n.name = renames.get(n.name) ?? n.name; } });
      sheet.text.value = csstree.generate(sheet.ast);
    }
    for (const el of found.classed) {
      el.attributes.class = (el.attributes.class ?? '').split(/\s+/).filter(Boolean).map((c) => renames.get(c) ?? c).join(' ');
    }
    return null;
  },
};

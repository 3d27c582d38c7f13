/**
 * Confines a diagram to itself: its root id, its `<style>` rules and the names its CSS defines.
 *
 * A `<style>` inside an inline SVG applies to the whole HTML page: `text { font-size: 9px }`
 * in one diagram would shrink the text of every other diagram (and `:root { ... }` would
 * restyle the site). So:
 *  - the root always gets a generated id, the diagram's id prefix itself (`Kq7`, id-prefix.ts;
 *    every other id is `Kq7-...`), never one derived from the author's (an author's root
 *    `id="figcaption"` would otherwise become the caption's own id). An author id that would
 *    collide with it is renamed, references included;
 *  - every selector is anchored to that id: `rect` becomes `#<root> rect`, `svg > g` becomes
 *    `svg#<root> > g`, `:root` becomes `#<root>`; a sibling combinator right after the root
 *    (`svg ~ p`) is anchored below it instead, so no selector reaches outside the diagram;
 *  - `@keyframes` and `@font-face` define page-wide names; they are renamed to
 *    `<prefix>-<original>` here and everywhere the diagram uses them (`animation`,
 *    `animation-name`, `font-family`, `font`, in `<style>`, `style=` and attributes), so a
 *    diagram can neither redefine the site's fonts nor another diagram's animation.
 * The other global at-rules never get this far (css-safety.ts removes them).
 */
import * as csstree from 'css-tree';
import type { CustomPlugin, XastElement } from 'svgo';

export interface CssNames {
  /** keyframes name -> scoped name */
  keyframes: Map<string, string>;
  /** font family (as written, unquoted) -> scoped family */
  fonts: Map<string, string>;
}

const unquote = (s: string): string => s.trim().replace(/^(['"])(.*)\1$/, '$2').trim();

/** The names a stylesheet defines with `@keyframes` and `@font-face`, mapped to scoped ones. */
export function definedNames(css: string, prefix: string, into: CssNames): void {
  const ast = csstree.parse(css, { context: 'stylesheet', parseValue: false, parseCustomProperty: false, parseAtrulePrelude: false });
  csstree.walk(ast, {
    visit: 'Atrule',
    enter(node) {
      const name = node.name.toLowerCase();
      if (/keyframes$/.test(name) && node.prelude) {
        const kf = unquote(csstree.generate(node.prelude));
        if (kf) into.keyframes.set(kf, `${prefix}-${kf.replace(/[^\w-]/g, '_')}`);
      }
      if (name === 'font-face' && node.block) {
        node.block.children.forEach((d) => {
          if (d.type === 'Declaration' && d.property.toLowerCase() === 'font-family') {
            const family = unquote(csstree.generate(d.value));
            if (family) into.fonts.set(family, `${prefix}-${family.replace(/[^\w-]/g, '_')}`);
          }
        });
      }
    },
  });
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Renames font families in a `font-family` list (or the family part of `font`). */
export function renameFonts(value: string, fonts: Map<string, string>): string {
  let out = value;
  for (const [family, scoped] of fonts) {
    const f = escapeRegExp(family);
    out = out.replace(new RegExp(`(^|[,\\s])(["']?)${f}\\2(?=\\s*(?:,|$|!))`, 'gi'), (_m, lead: string) => `${lead}${scoped}`);
  }
  return out;
}

/** Renames keyframes names used in an `animation`/`animation-name` value. */
export function renameKeyframes(value: string, keyframes: Map<string, string>): string {
  let out = value;
  for (const [name, scoped] of keyframes) out = out.replace(new RegExp(`(?<![\\w-])${escapeRegExp(name)}(?![\\w-])`, 'g'), scoped);
  return out;
}

/** Applies the renames to every declaration of a declaration list or stylesheet text. */
function renameInDeclarations(ast: csstree.CssNode, names: CssNames): void {
  csstree.walk(ast, {
    visit: 'Declaration',
    enter(decl) {
      const property = decl.property.toLowerCase();
      const isFont = property === 'font-family' || property === 'font';
      const isAnimation = property === 'animation' || property === 'animation-name';
      if ((!isFont || names.fonts.size === 0) && (!isAnimation || names.keyframes.size === 0)) return;
      const text = csstree.generate(decl.value);
      const renamed = isFont ? renameFonts(text, names.fonts) : renameKeyframes(text, names.keyframes);
      if (renamed !== text) decl.value = { type: 'Raw', value: renamed };
    },
  });
}

export function scopeCss(css: string, rootId: string, names: CssNames = { keyframes: new Map(), fonts: new Map() }, authorRootId?: string, rootClasses: ReadonlySet<string> = new Set()): string {
  const ast = csstree.parse(css, { context: 'stylesheet', parseValue: false, parseCustomProperty: false });
  csstree.walk(ast, {
    visit: 'Atrule',
    enter(node) {
      if (/keyframes$/i.test(node.name) && node.prelude) {
        const scoped = names.keyframes.get(unquote(csstree.generate(node.prelude)));
        if (scoped) node.prelude = { type: 'Raw', value: scoped };
      }
      if (node.name.toLowerCase() === 'font-face' && node.block) {
        node.block.children.forEach((d) => {
          if (d.type === 'Declaration' && d.property.toLowerCase() === 'font-family') {
            const scoped = names.fonts.get(unquote(csstree.generate(d.value)));
            if (scoped) d.value = { type: 'Raw', value: scoped };
          }
        });
      }
    },
  });
  csstree.walk(ast, {
    visit: 'Rule',
    enter(rule) {
      if (this.atrule && /keyframes$/i.test(this.atrule.name)) return;
      if (rule.prelude.type !== 'SelectorList') return;
      const scoped: csstree.CssNode[] = [];
      rule.prelude.children.forEach((selector) => {
        if (selector.type === 'Selector') {
          const onRoot = rootVariant(selector, rootId, rootClasses);
          scopeSelector(selector, rootId, authorRootId);
          scoped.push(selector);
          if (onRoot) scoped.push(onRoot);
        } else scoped.push(selector);
      });
      rule.prelude.children = new csstree.List<csstree.CssNode>().fromArray(scoped);
    },
  });
  renameInDeclarations(ast, names);
  return csstree.generate(ast);
}

/**
 * A selector whose first compound is only classes the root element carries (Visio writes
 * `class="st22"` on the root and `.st22 { fill: none; font-size: 12px }`) also matches the
 * root itself, which `#<root> .st22` would not: every shape would lose the inherited
 * `fill: none` and turn black. Such a selector gets a second, root-anchored form,
 * `#<root>.st22`, so it keeps matching exactly what it matched before.
 */
function rootVariant(selector: csstree.Selector, rootId: string, rootClasses: ReadonlySet<string>): csstree.Selector | undefined {
  if (rootClasses.size === 0) return undefined;
  const parts = selector.children.toArray();
  const combinatorAt = parts.findIndex((p) => p.type === 'Combinator');
  const compound = combinatorAt === -1 ? parts : parts.slice(0, combinatorAt);
  if (compound.length === 0 || !compound.every((p) => p.type === 'ClassSelector' && rootClasses.has(p.name))) return undefined;
  const anchor: csstree.IdSelector = { type: 'IdSelector', name: rootId };
  const copy = csstree.clone(selector) as csstree.Selector;
  copy.children = new csstree.List<csstree.CssNode>().fromArray([anchor, ...copy.children.toArray()]);
  return copy;
}

function scopeSelector(selector: csstree.Selector, rootId: string, authorRootId: string | undefined): void {
  // The author's own root id now means the generated one.
  if (authorRootId) {
    csstree.walk(selector, {
      visit: 'IdSelector',
      enter(n) {
        if (n.name === authorRootId) n.name = rootId;
      },
    });
  }
  const parts = selector.children.toArray();
  const [first, ...rest] = parts;
  const anchor: csstree.IdSelector = { type: 'IdSelector', name: rootId };
  const combinatorAt = parts.findIndex((p) => p.type === 'Combinator');
  const next = combinatorAt === -1 ? undefined : parts[combinatorAt];
  const siblingNext = next?.type === 'Combinator' && (next.name === '+' || next.name === '~');
  // Already anchored: the first compound names the root's id (mermaid's `#my-svg .node`).
  const firstCompound = combinatorAt === -1 ? parts : parts.slice(0, combinatorAt);
  if (!siblingNext && firstCompound.some((p) => p.type === 'IdSelector' && p.name === rootId)) return;
  const isRootCompound =
    (first?.type === 'PseudoClassSelector' && first.name.toLowerCase() === 'root') ||
    (first?.type === 'TypeSelector' && first.name.toLowerCase() === 'svg');
  let scoped: csstree.CssNode[];
  if (isRootCompound && !siblingNext) {
    if (first?.type === 'TypeSelector') scoped = [first, anchor, ...rest];
    else scoped = [anchor, ...rest];
  } else {
    scoped = [anchor, { type: 'Combinator', name: ' ' }, ...(first ? [first] : []), ...rest];
  }
  selector.children = new csstree.List<csstree.CssNode>().fromArray(scoped);
}

/** Every element below (and including) `node`, in document order, iteratively. */
export function allElements(node: XastElement): XastElement[] {
  const out: XastElement[] = [];
  const stack = [node];
  while (stack.length > 0) {
    const el = stack.pop() as XastElement;
    out.push(el);
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i];
      if (c?.type === 'element') stack.push(c);
    }
  }
  return out;
}

/** Renames one id and every reference to it (`#id` in URLs, hrefs, CSS; ARIA lists; SMIL timing). */
function renameId(elements: XastElement[], styles: XastElement[], from: string, to: string): void {
  const hash = new RegExp(`#${escapeRegExp(from)}(?![\\w-])`, 'g');
  const timing = new RegExp(`(^|[;\\s])${escapeRegExp(from)}\\.`, 'g');
  for (const el of elements) {
    if (el.attributes.id === from) el.attributes.id = to;
    for (const [attr, value] of Object.entries(el.attributes)) {
      let v = value.replace(hash, `#${to}`);
      if (attr.startsWith('aria-')) v = v.split(/\s+/).map((t) => (t === from ? to : t)).join(' ');
      if (attr === 'begin' || attr === 'end') v = v.replace(timing, `$1${to}.`);
      if (v !== value) el.attributes[attr] = v;
    }
  }
  for (const style of styles) {
    for (const c of style.children) if (c.type === 'text' || c.type === 'cdata') c.value = c.value.replace(hash, `#${to}`);
  }
}

/** svgo plugin: gives the root its generated id, scopes every `<style>` and the names it defines. */
export function createScopeStylesPlugin(prefix: string): CustomPlugin {
  return {
    name: 'casebookScopeStyles',
    fn: (root) => {
      const svg = root.children.find((c): c is XastElement => c.type === 'element');
      if (!svg) return null;
      const elements = allElements(svg);
      const styles = elements.filter((e) => e.name === 'style');
      const rootId = prefix;
      const authorRootId = svg.attributes.id;
      // An inner element already called like the root (an author id that was the prefix) gives way.
      const taken = new Set(elements.map((e) => e.attributes.id).filter((id): id is string => id !== undefined));
      for (const el of elements) {
        if (el === svg || el.attributes.id !== rootId) continue;
        let n = 1;
        while (taken.has(`${rootId}-${n}`)) n++;
        taken.add(`${rootId}-${n}`);
        renameId(elements.filter((e) => e !== svg), styles, rootId, `${rootId}-${n}`);
      }
      svg.attributes = { ...svg.attributes, id: rootId };
      if (authorRootId !== undefined && authorRootId !== rootId) {
        // References to the author's root id (CSS selectors aside, handled in scopeCss) follow it.
        renameId(elements.filter((e) => e !== svg), [], authorRootId, rootId);
      }
      if (styles.length === 0) return null;

      const names: CssNames = { keyframes: new Map(), fonts: new Map() };
      const rootClasses = new Set((svg.attributes.class ?? '').split(/\s+/).filter(Boolean));
      for (const style of styles) {
        for (const child of style.children) {
          if (child.type !== 'text' && child.type !== 'cdata') continue;
          try {
            definedNames(child.value, prefix, names);
          } catch {
            // Unparseable CSS defines nothing we can rename; scopeCss below still anchors it.
          }
        }
      }
      for (const style of styles) {
        for (const child of style.children) {
          if (child.type === 'text' || child.type === 'cdata') child.value = scopeCss(child.value, rootId, names, authorRootId, rootClasses);
        }
      }
      if (names.fonts.size > 0 || names.keyframes.size > 0) {
        for (const el of elements) {
          const family = el.attributes['font-family'];
          if (family !== undefined && names.fonts.size > 0) el.attributes['font-family'] = renameFonts(family, names.fonts);
          const style = el.attributes.style;
          if (style !== undefined && /font|animation/i.test(style)) {
            const ast = csstree.parse(style, { context: 'declarationList', parseValue: false });
            renameInDeclarations(ast, names);
            el.attributes.style = csstree.generate(ast);
          }
        }
      }
      return null;
    },
  };
}

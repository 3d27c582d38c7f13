/**
 * Text attributes said once, on a group around the drawing, instead of on every `<text>`.
 *
 * PlantUML and Graphviz write `font-family="sans-serif" font-size="13"` (and `text-anchor`)
 * on each label, a few dozen bytes a label; svgo moves an attribute to a group only when
 * every child of that group shares it, which labels beside their shapes never do. These
 * properties are inherited and only draw text, so the most common value can live on one group
 * around everything the root draws, and the labels that have it drop it, when that provably
 * changes nothing:
 *  - no CSS sets the property (no `<style>` rule, no `style` attribute: a rule on a group
 *    would then win over the group's value where it lost to the label's own attribute);
 *  - only `<text>`, `<tspan>` and `<textPath>` carry it, and every `<text>` does: each label
 *    then inherits it straight from the group, whatever lies between;
 *  - no `<foreignObject>` (its HTML would inherit the group's font), and the root has none;
 *  - every selector of the diagram's stylesheet is on the root (or there is none), since the
 *    group changes what `svg > rect` or `:first-child` select;
 *  - `font-size`: every label's size is absolute, and no length anywhere is in `em`/`ex`/`ch`
 *    (those follow the font size of the element they are on);
 *  - `font-weight`: no relative weight (`bolder`, `lighter`).
 * The labels that had another value keep theirs. The group, not the root: the figure's CSS
 * resets the inline root's font (src/styles/diagrams.css), which would beat an attribute there.
 *
 * Three more things Excalidraw writes that draw nothing different, dropped under the same
 * "no CSS can tell" rule:
 *  - `dominant-baseline="alphabetic"` on a `<text>`: `auto`, the initial value, is the
 *    alphabetic baseline in horizontal text (CSS Inline 3), when nothing else in the diagram
 *    sets a baseline or a vertical `writing-mode`;
 *  - `white-space:pre` on a label whose text holds no space, tab or line break: there is no
 *    white space for it to keep (and no `inline-size` to wrap at);
 *  - a `<defs>` holding only the `<style>`: the stylesheet applies the same outside it, when no
 *    selector names `defs` or `style`.
 * Any `<foreignObject>`, or CSS that cannot be read, leaves the file as it is.
 */
import * as csstree from 'css-tree';
import type { CustomPlugin, XastElement } from 'svgo';
import { allElements } from './scope-styles.ts';
import { analyseStylesheets } from './stylesheet-analysis.ts';

function styleTextsOf(elements: readonly XastElement[]): string[] {
  return elements.filter((e) => e.name === 'style').flatMap((e) => e.children.flatMap((c) => (c.type === 'text' || c.type === 'cdata' ? [c.value] : [])));
}

/** Inherited properties that only affect text. */
const TEXT_PROPERTIES = ['font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor'] as const;
type TextProperty = (typeof TEXT_PROPERTIES)[number];

const TEXT_ELEMENTS = new Set(['text', 'tspan', 'textPath']);
const ABSOLUTE_SIZE = /^\s*(?:\d+\.?\d*|\.\d+)(?:px)?\s*$/;
const FONT_RELATIVE_LENGTH = /(?:\d|\.)(?:em|ex|ch|ic|cap|lh)\b/i;

interface CssFacts {
  /** Properties a stylesheet or `style` attribute sets (the `font` shorthand counts as all font ones). */
  properties: Set<string>;
  /** Element names used as type selectors, lower-cased. */
  types: Set<string>;
  attributeSelectors: boolean;
}

/** What the diagram's CSS can set and select; undefined when some of it cannot be read. */
function cssFacts(elements: readonly XastElement[]): CssFacts | undefined {
  const found = new Set<string>();
  const facts: CssFacts = { properties: found, types: new Set(), attributeSelectors: false };
  const add = (property: string): void => {
    const p = property.toLowerCase();
    found.add(p);
    if (p === 'font' || p === 'all') for (const q of TEXT_PROPERTIES) found.add(q);
  };
  try {
    for (const el of elements) {
      if (el.name === 'style') {
        for (const c of el.children) {
          if (c.type !== 'text' && c.type !== 'cdata') continue;
          const ast = csstree.parse(c.value, { context: 'stylesheet', parseValue: false, parseCustomProperty: false, onParseError: (e) => { throw e; } });
          csstree.walk(ast, {
            visit: 'Declaration',
            enter(d) {
              // @font-face descriptors name a font; they set nothing on elements.
              if (this.atrule?.name.toLowerCase() === 'font-face') return;
              add(d.property);
            },
          });
          csstree.walk(ast, (n) => {
            if (n.type === 'TypeSelector') facts.types.add(n.name.toLowerCase().replace(/^.*\|/, ''));
            if (n.type === 'AttributeSelector') facts.attributeSelectors = true;
          });
        }
      }
      const style = el.attributes.style;
      if (style !== undefined) {
        const ast = csstree.parse(style, { context: 'declarationList', parseValue: false, onParseError: (e) => { throw e; } });
        csstree.walk(ast, { visit: 'Declaration', enter: (d) => add(d.property) });
      }
    }
  } catch {
    return undefined;
  }
  return facts;
}

function hoistable(property: TextProperty, svg: XastElement, elements: readonly XastElement[], texts: readonly XastElement[]): boolean {
  if (svg.attributes[property] !== undefined) return false;
  if (texts.some((t) => t.attributes[property] === undefined)) return false;
  if (elements.some((e) => e.attributes[property] !== undefined && !TEXT_ELEMENTS.has(e.name))) return false;
  if (property === 'font-size') {
    if (texts.some((t) => !ABSOLUTE_SIZE.test(t.attributes['font-size'] ?? ''))) return false;
    if (elements.some((e) => Object.values(e.attributes).some((v) => FONT_RELATIVE_LENGTH.test(v)))) return false;
  }
  if (property === 'font-weight' && elements.some((e) => /^\s*(?:bolder|lighter)\s*$/i.test(e.attributes['font-weight'] ?? ''))) return false;
  return true;
}

/** Children of the root that draw nothing and stay where they are: the accessible text and the stylesheets. */
const KEPT_AT_ROOT = new Set(['title', 'desc', 'style', 'metadata']);

/**
 * The group every drawn child of the root moves into, to carry the shared values. Not the root
 * itself: the figure's CSS resets the inline root's font (`font: initial`, diagrams.css),
 * and a rule beats a presentation attribute on the element it matches, not on its children.
 */
function wrapperOf(svg: XastElement): XastElement {
  const wrapper: XastElement = { type: 'element', name: 'g', attributes: {}, children: [] };
  const kept: XastElement['children'] = [];
  for (const c of svg.children) {
    if (c.type === 'element' && !KEPT_AT_ROOT.has(c.name)) wrapper.children.push(c);
    else if (c.type !== 'text' || c.value.trim() !== '') kept.push(c);
  }
  svg.children = [...kept, wrapper];
  return wrapper;
}

export const rootTextAttributesPlugin: CustomPlugin = {
  name: 'casebookRootTextAttributes',
  fn: (root) => {
    const svg = root.children.find((c): c is XastElement => c.type === 'element' && c.name === 'svg');
    if (!svg) return null;
    const elements = allElements(svg);
    if (elements.some((e) => e.name === 'foreignObject')) return null;
    const texts = elements.filter((e) => e.name === 'text');
    const facts = cssFacts(elements);
    if (!facts) return null;
    dropDefaultBaselines(elements, texts, facts);
    dropIdleWhiteSpace(elements, texts, facts);
    unwrapStyleDefs(svg, facts);
    // The wrapper changes what `svg > rect`, `:first-child` or `g g` select: only when every
    // selector is on the root (or there are none, as in Graphviz, PlantUML and Excalidraw).
    if (texts.length < 2 || !analyseStylesheets(styleTextsOf(elements), svg.attributes.id).rootOnly) return null;
    let wrapper: XastElement | undefined;
    for (const property of TEXT_PROPERTIES) {
      if (facts.properties.has(property) || !hoistable(property, svg, elements, texts)) continue;
      const counts = new Map<string, number>();
      for (const t of texts) {
        const v = t.attributes[property] ?? '';
        counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      const [value, count] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? ['', 0];
      if (count < 2) continue;
      wrapper ??= wrapperOf(svg);
      wrapper.attributes[property] = value;
      for (const t of texts) if (t.attributes[property] === value) delete t.attributes[property];
    }
    return null;
  },
};

const BASELINE_PROPERTIES = ['dominant-baseline', 'alignment-baseline', 'baseline-shift', 'writing-mode', 'glyph-orientation-vertical', 'text-orientation'];

function dropDefaultBaselines(elements: readonly XastElement[], texts: readonly XastElement[], facts: CssFacts): void {
  if (BASELINE_PROPERTIES.some((p) => facts.properties.has(p))) return;
  if (elements.some((e) => BASELINE_PROPERTIES.some((p) => e.attributes[p] !== undefined) && !TEXT_ELEMENTS.has(e.name))) return;
  if (elements.some((e) => ['writing-mode', 'glyph-orientation-vertical', 'text-orientation'].some((p) => e.attributes[p] !== undefined))) return;
  for (const t of texts) if (t.attributes['dominant-baseline']?.trim().toLowerCase() === 'alphabetic') delete t.attributes['dominant-baseline'];
}

/** All the character data under an element. */
function textContent(el: XastElement): string {
  let out = '';
  for (const c of el.children) {
    if (c.type === 'text' || c.type === 'cdata') out += c.value;
    else if (c.type === 'element') out += textContent(c);
  }
  return out;
}

function dropIdleWhiteSpace(elements: readonly XastElement[], texts: readonly XastElement[], facts: CssFacts): void {
  // An attribute selector could read the style attribute; `inline-size` makes text wrap.
  if (facts.attributeSelectors || facts.properties.has('inline-size')) return;
  if (elements.some((e) => e.attributes['inline-size'] !== undefined)) return;
  for (const t of texts) {
    const style = t.attributes.style;
    if (style === undefined || /[ \t\n\r]/.test(textContent(t))) continue;
    const kept = style.split(';').filter((d) => d.trim() !== '' && !/^\s*white-space\s*:\s*pre\s*$/i.test(d));
    if (kept.length === style.split(';').filter((d) => d.trim() !== '').length) continue;
    if (kept.length === 0) delete t.attributes.style;
    else t.attributes.style = kept.join(';');
  }
}

function unwrapStyleDefs(svg: XastElement, facts: CssFacts): void {
  if (facts.types.has('defs') || facts.types.has('style') || facts.types.has('*')) return;
  svg.children = svg.children.map((c) => {
    if (c.type !== 'element' || c.name !== 'defs' || Object.keys(c.attributes).length > 0) return c;
    const inner = c.children.filter((k) => !(k.type === 'text' && k.value.trim() === ''));
    const only = inner[0];
    return inner.length === 1 && only?.type === 'element' && only.name === 'style' ? only : c;
  });
}

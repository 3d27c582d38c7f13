/**
 * What a diagram's own `<style>` can select, so the optimiser never changes it.
 *
 * svgo's structural steps rename elements (`<rect>` -> `<path>`), move attributes between
 * parents and children, or merge and remove elements. None of that changes a picture drawn
 * with presentation attributes, but a stylesheet that selects `rect`, `g > text` or
 * `:nth-child(2)`, or sets a CSS-only geometry property such as `rx`, stops matching (the
 * hand-written `rect { rx: 10 }` diagram became black boxes). This module reads the
 * stylesheets once and answers, per svgo step, whether the step is provably safe:
 *
 * - shape conversion (`convertShapeToPath`, `convertEllipseToCircle`) is safe when no
 *   selector names a shape or `path` by type, no selector depends on the element type
 *   (`:nth-of-type` and friends) or on attributes, and no rule sets a geometry property;
 * - structural steps (`collapseGroups`, `mergePaths`, moving attributes between groups and
 *   children, removing empty containers) are safe when every selector targets only the root
 *   (`svg`, `:root`, the root's id) or there are no selectors at all (Excalidraw's
 *   stylesheet is only `@font-face`);
 * - class renaming (minify-classes.ts) is safe when no attribute selector reads `class`;
 * - id clean-up (svgo's `cleanupIds`, which on its own gives up on any file with a `<style>`)
 *   may remove unreferenced ids and shorten the others, except the ids a selector names.
 *
 * Unparseable CSS answers "unsafe" to everything.
 */
import * as csstree from 'css-tree';

/** CSS properties that are geometry in SVG 2 (they only work on the element type they suit). */
export const GEOMETRY_PROPERTIES = new Set(['rx', 'ry', 'r', 'cx', 'cy', 'x', 'y', 'width', 'height', 'd']);

const SHAPES = new Set(['rect', 'line', 'polyline', 'polygon', 'circle', 'ellipse', 'path']);
const TYPE_DEPENDENT_PSEUDOS = new Set(['nth-of-type', 'nth-last-of-type', 'first-of-type', 'last-of-type', 'only-of-type']);

export interface StylesheetFacts {
  /** At least one style rule with a selector (not only `@font-face`/`@keyframes`). */
  hasSelectors: boolean;
  /** Every selector targets the root element only. */
  rootOnly: boolean;
  /** Element names used as type selectors, lower-cased. */
  typeSelectors: Set<string>;
  /** A type-dependent structural pseudo-class (`:nth-of-type`, ...). */
  typeDependentPseudo: boolean;
  /** Any attribute selector, and whether one reads `class`. */
  attributeSelectors: boolean;
  classAttributeSelector: boolean;
  /** A rule declares `rx`, `ry`, `r`, `cx`, `cy`, `x`, `y`, `width`, `height` or `d`. */
  geometry: boolean;
  /** Ids named by `#id` selectors or `url(#id)` values (they must keep their names). */
  idSelectors: Set<string>;
  /** Every stylesheet parsed. */
  parsed: boolean;
}

export interface SafeSteps {
  convertShapes: boolean;
  restructure: boolean;
  renameClasses: boolean;
  /**
   * Ids the stylesheet names, which `cleanupIds` must keep; every other id may be removed
   * when nothing references it, or shortened. `undefined`: unparseable CSS, leave ids alone.
   */
  keepIds: string[] | undefined;
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML character references and the five predefined entities, as an XML parser reads them. */
export function decodeXmlText(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([\da-f]+)|(lt|gt|amp|quot|apos));/gi, (m, dec?: string, hex?: string, name?: string) => {
    if (name) return XML_ENTITIES[name.toLowerCase()] ?? m;
    const code = dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/**
 * The text of every `<style>` element in an SVG source, as the browser reads it: CDATA
 * unwrapped, entities decoded elsewhere (mermaid-cli writes `text.actor&gt;tspan`; read raw,
 * the stylesheet would not parse and every id in the file would be kept "to be safe").
 */
export function styleTexts(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/<(?:[\w-]+:)?style\b[^>]*>([\s\S]*?)<\/(?:[\w-]+:)?style\s*>/gi)) {
    const parts = (m[1] ?? '').split(/(<!\[CDATA\[[\s\S]*?\]\]>)/);
    out.push(parts.map((p) => (p.startsWith('<![CDATA[') ? p.slice(9, -3) : decodeXmlText(p))).join(''));
  }
  return out;
}

function isRootSelector(selector: csstree.Selector, rootId: string | undefined): boolean {
  const parts = selector.children.toArray();
  if (parts.some((p) => p.type === 'Combinator')) return false;
  return parts.some((p) =>
    (p.type === 'PseudoClassSelector' && p.name.toLowerCase() === 'root') ||
    (p.type === 'TypeSelector' && p.name.toLowerCase() === 'svg' && parts.length === 1) ||
    (p.type === 'IdSelector' && rootId !== undefined && p.name === rootId));
}

export function analyseStylesheets(texts: readonly string[], rootId?: string): StylesheetFacts {
  const facts: StylesheetFacts = {
    hasSelectors: false, rootOnly: true, typeSelectors: new Set(), typeDependentPseudo: false,
    attributeSelectors: false, classAttributeSelector: false, geometry: false, idSelectors: new Set(), parsed: true,
  };
  for (const text of texts) {
    let ast: csstree.CssNode;
    try {
      ast = csstree.parse(text, { context: 'stylesheet', parseValue: false, parseCustomProperty: false, onParseError: (e) => { throw e; } });
    } catch {
      facts.parsed = false;
      continue;
    }
    // url(#id) in a declaration (marker-end, fill, clip-path...) is a reference as well.
    for (const m of text.matchAll(/url\(\s*['"]?#([^'")\s]+)/g)) if (m[1]) facts.idSelectors.add(m[1]);
    csstree.walk(ast, {
      visit: 'Rule',
      enter(rule) {
        if (this.atrule && /keyframes$/i.test(this.atrule.name)) return;
        if (rule.prelude.type !== 'SelectorList') return;
        facts.hasSelectors = true;
        rule.prelude.children.forEach((s) => {
          if (s.type === 'Selector' && !isRootSelector(s, rootId)) facts.rootOnly = false;
        });
        csstree.walk(rule.prelude, (n) => {
          if (n.type === 'IdSelector') facts.idSelectors.add(n.name);
          else if (n.type === 'TypeSelector') facts.typeSelectors.add(n.name.toLowerCase().replace(/^.*\|/, ''));
          else if (n.type === 'PseudoClassSelector' && TYPE_DEPENDENT_PSEUDOS.has(n.name.toLowerCase())) facts.typeDependentPseudo = true;
          else if (n.type === 'AttributeSelector') {
            facts.attributeSelectors = true;
            if (n.name.name.toLowerCase() === 'class') facts.classAttributeSelector = true;
          }
        });
        csstree.walk(rule.block, {
          visit: 'Declaration',
          enter: (d) => { if (GEOMETRY_PROPERTIES.has(d.property.toLowerCase())) facts.geometry = true; },
        });
      },
    });
  }
  return facts;
}

export function safeSteps(facts: StylesheetFacts): SafeSteps {
  if (!facts.parsed) return { convertShapes: false, restructure: false, renameClasses: false, keepIds: undefined };
  const keepIds = [...facts.idSelectors];
  if (!facts.hasSelectors) return { convertShapes: true, restructure: true, renameClasses: true, keepIds };
  const namesShape = [...facts.typeSelectors].some((t) => SHAPES.has(t) || t === '*');
  return {
    convertShapes: !namesShape && !facts.typeDependentPseudo && !facts.attributeSelectors && !facts.geometry,
    restructure: facts.rootOnly,
    renameClasses: !facts.classAttributeSelector,
    // An attribute selector could read an id ([id^=node]): keep them all.
    keepIds: facts.attributeSelectors ? undefined : keepIds,
  };
}

/** The root `<svg>`'s id in a source, if it has one. */
export function rootIdOf(source: string): string | undefined {
  const open = /<(?:[\w-]+:)?svg\b[^>]*>/i.exec(source)?.[0];
  return open ? /\sid\s*=\s*(["'])(.*?)\1/.exec(open)?.[2] : undefined;
}

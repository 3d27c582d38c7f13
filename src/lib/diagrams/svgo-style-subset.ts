/**
 * svgo's preset, run plugin by plugin, with two of its plugins shown only the part of the
 * diagram's stylesheet they can be affected by. Same output, byte for byte; a fraction of
 * the time on diagrams with a `<style>` (Mermaid's, every one).
 *
 * Why: `removeHiddenElems` and `removeUnknownsAndDefaults` ask svgo's `computeStyle` about
 * (nearly) every element, and it matches every rule of the stylesheet against the element
 * and each of its ancestors through css-select, which parses and compiles the selector
 * again on every call (no cache in svgo 4.1 or css-select 6). On the Mermaid corpus that was
 * ~57 % of the pipeline's CPU (`node --cpu-prof` over 51 real fences): 20 rules × 300
 * elements × depth 8 is ~50,000 selector compilations per diagram.
 *
 * What the two plugins read of a computed style (svgo 4.1, plugins/*.js):
 * - `removeHiddenElems`: only `opacity`, `visibility`, `display`, `marker-start` and
 *   `marker-end`; and it keeps every definition when a `<style>` element has children
 *   (its `deoptimized`), which the subset keeps true (the text node stays, only its value
 *   changes while the plugin collects the stylesheet).
 * - `removeUnknownsAndDefaults`: the parent's computed value of each attribute name the
 *   child carries, and whether any rule's selector names an attribute that has a default
 *   value (`includesAttrSelector`).
 * svgo's `computeStyle` treats every property on its own: a declaration of `fill` never
 * changes the computed `opacity` (the cascade, `!important` and inheritance are all per
 * name), and rules are ordered by a stable sort on specificity, so leaving out whole rules
 * that declare none of the names read (and whose selectors name no attribute with a default)
 * changes nothing either plugin sees. Those rules are left out of the text the plugin parses;
 * the original text is put back as soon as the plugin has collected its stylesheet (its
 * visitor only uses the parsed rules), before any other plugin runs.
 *
 * The subset is taken by slicing the original text at css-tree's node positions (the parser
 * and options svgo itself uses), so a kept rule reaches svgo as the same characters. An
 * at-rule (`@media`, `@supports`: svgo marks its rules "dynamic") is kept or left out whole;
 * `@keyframes` (which svgo skips) is always left out. A stylesheet css-tree does not parse
 * cleanly into rules and at-rules is passed through unchanged.
 *
 * This depends on what svgo's plugins read, so it runs only with the svgo version it was
 * checked against (`CHECKED_SVGO`); any other version gets the plain preset. The tests
 * compare the output with the plain preset's byte for byte over the real Mermaid corpus and
 * the example site's diagrams (tests/unit/diagrams/svgo-style-subset.test.ts).
 */
import * as csstree from 'css-tree';
import { _collections, builtinPlugins, VERSION, type CustomPlugin, type PluginConfig, type XastChild, type XastElement, type XastRoot } from 'svgo';

/** The svgo release whose plugins this was checked against. */
export const CHECKED_SVGO = '4.1.0';

/** Every attribute name some element has a default value for (svgo's tables). */
const DEFAULTED_ATTRIBUTES: ReadonlySet<string> = new Set([
  ...Object.values(_collections.attrsGroupsDefaults).flatMap((d) => Object.keys(d)),
  ...Object.values(_collections.elems).flatMap((e) => Object.keys(e.defaults ?? {})),
]);

const HIDDEN_ELEMS_READS: ReadonlySet<string> = new Set(['opacity', 'visibility', 'display', 'marker-start', 'marker-end']);

const KEYFRAMES = new Set(['keyframes', '-webkit-keyframes', '-o-keyframes', '-moz-keyframes']);

/**
 * The conditions a selector's subject (its last compound) puts on an element, all of them
 * necessary: a rule can only match an element that has this name (when given), these
 * classes, this id and these attributes. Pseudo-classes are not among them: svgo drops them
 * from the selector before matching (and marks the rule "dynamic").
 */
interface Subject {
  name?: string;
  classes: string[];
  ids: string[];
  attributes: string[];
}

/** What one style rule declares, what its selectors name, and what they can match. */
export interface RuleFacts {
  /** Property names of its declarations, lower-cased. */
  properties: Set<string>;
  /** Attribute names any of its selectors names (`.x` names `class`, `#x` names `id`), lower-cased. */
  attributes: Set<string>;
  /**
   * One subject per selector, or `undefined` when a selector uses anything else than type,
   * class, id and attribute selectors, combinators and pseudo-classes: a namespace, an
   * escape, a pseudo-element (css-select throws on it), nesting, a compound left empty once
   * the pseudo-classes are gone (`a > :hover`), or a selector css-tree could not parse. Such
   * a rule is kept. A selector of pseudo-classes alone (`:root`) has no subject: svgo
   * matches the empty selector it leaves to nothing.
   */
  subjects: Subject[] | undefined;
}

const lower = (name: string): string | undefined => (/[\\|]/.test(name) ? undefined : name.toLowerCase());

function ruleFacts(rule: csstree.Rule): RuleFacts {
  const properties = new Set<string>();
  csstree.walk(rule.block, (n) => {
    if (n.type === 'Declaration') properties.add(n.property.toLowerCase());
  });
  const attributes = new Set<string>();
  let subjects: Subject[] | undefined = [];
  if (rule.prelude.type !== 'SelectorList') return { properties, attributes, subjects: undefined };
  for (const selector of rule.prelude.children) {
    let subject: Subject = { classes: [], ids: [], attributes: [] };
    let compoundEmpty = true;
    let combinators = 0;
    const plain = selector.type === 'Selector' && selector.children.toArray().every((part) => {
      switch (part.type) {
        case 'Combinator':
          if (compoundEmpty) return false;
          subject = { classes: [], ids: [], attributes: [] };
          compoundEmpty = true;
          combinators++;
          return true;
        case 'PseudoClassSelector':
          return true;
        case 'TypeSelector': {
          const name = lower(part.name);
          if (name === undefined) return false;
          if (name !== '*') subject.name = name;
          break;
        }
        case 'ClassSelector': {
          const name = lower(part.name);
          if (name === undefined) return false;
          subject.classes.push(name);
          attributes.add('class');
          break;
        }
        case 'IdSelector': {
          const name = lower(part.name);
          if (name === undefined) return false;
          subject.ids.push(name);
          attributes.add('id');
          break;
        }
        case 'AttributeSelector': {
          const name = lower(part.name.name);
          if (name === undefined) return false;
          subject.attributes.push(name);
          attributes.add(name);
          break;
        }
        default:
          return false;
      }
      compoundEmpty = false;
      return true;
    });
    // Only pseudo-classes (`:root`): svgo matches the empty selector left to nothing.
    if (plain && compoundEmpty && combinators === 0) continue;
    if (!plain || compoundEmpty) subjects = undefined;
    else subjects?.push(subject);
  }
  return { properties, attributes, subjects };
}

/** The facts of every rule svgo would collect from this top-level node (none for `@keyframes`). */
function rulesIn(node: csstree.Rule | csstree.Atrule): RuleFacts[] {
  if (node.type === 'Rule') return [ruleFacts(node)];
  if (KEYFRAMES.has(node.name.toLowerCase())) return [];
  const rules: RuleFacts[] = [];
  csstree.walk(node, {
    visit: 'Rule',
    enter: (rule) => {
      rules.push(ruleFacts(rule));
      return csstree.walk.skip;
    },
  });
  return rules;
}

/**
 * The stylesheet text with only the rules `keep` accepts, or `undefined` to use the text as
 * it is (nothing to leave out, or a stylesheet outside the model above).
 */
export function stylesheetSubset(css: string, keep: (rule: RuleFacts) => boolean): string | undefined {
  let ast: csstree.CssNode;
  try {
    ast = csstree.parse(css, { parseValue: false, parseAtrulePrelude: false, positions: true });
  } catch {
    return undefined;
  }
  if (ast.type !== 'StyleSheet') return undefined;
  const kept: string[] = [];
  let dropped = false;
  for (const node of ast.children) {
    if (node.type === 'Rule' || node.type === 'Atrule') {
      if (!node.loc) return undefined;
      // An at-rule is kept whole when any rule in it is (they are all "dynamic" to svgo).
      if (rulesIn(node).some(keep)) kept.push(css.slice(node.loc.start.offset, node.loc.end.offset));
      else dropped = true;
    } else if (node.type !== 'Comment') {
      return undefined;
    }
  }
  return dropped ? kept.join('') : undefined;
}

/** Elements whose text svgo's `collectStylesheet` parses as CSS. */
function stylesheetTexts(root: XastRoot): Array<{ type: 'text' | 'cdata'; value: string }> {
  const texts: Array<{ type: 'text' | 'cdata'; value: string }> = [];
  const walk = (children: XastChild[]): void => {
    for (const child of children) {
      if (child.type !== 'element') continue;
      if (child.name === 'style') {
        const type = child.attributes.type;
        if (type === undefined || type === '' || type === 'text/css') {
          for (const c of child.children) if (c.type === 'text' || c.type === 'cdata') texts.push(c);
        }
      }
      walk(child.children);
    }
  };
  walk(root.children);
  return texts;
}

/** What the elements of a document offer selectors: names, classes, ids, attribute names. */
interface ElementFacts {
  name: string;
  classes: Set<string>;
  id: string | undefined;
  attributes: Set<string>;
}

function elementFacts(node: XastElement): ElementFacts {
  const attributes = new Set(Object.keys(node.attributes).map((a) => a.toLowerCase()));
  return {
    name: node.name.toLowerCase(),
    classes: new Set((node.attributes.class ?? '').toLowerCase().split(/\s+/).filter(Boolean)),
    id: node.attributes.id?.toLowerCase(),
    attributes,
  };
}

/** Whether an element meets a subject's conditions (a superset of what it can match). */
function mayMatch(subject: Subject, e: ElementFacts): boolean {
  return (subject.name === undefined || subject.name === e.name) &&
    subject.classes.every((c) => e.classes.has(c)) &&
    subject.ids.every((i) => i === e.id) &&
    subject.attributes.every((a) => e.attributes.has(a));
}

/** An element with an element child, and the attribute names of its descendants. */
interface ParentFacts extends ElementFacts {
  below: Set<string>;
}

/** The facts of every element with an element child. */
function parentFacts(root: XastRoot): ParentFacts[] {
  const parents: ParentFacts[] = [];
  /** Adds the attribute names of `node` and its descendants to `into`. */
  const walk = (node: XastElement, into: Set<string>): void => {
    for (const name of Object.keys(node.attributes)) into.add(name.toLowerCase());
    const below = new Set<string>();
    for (const child of node.children) if (child.type === 'element') walk(child, below);
    if (below.size > 0 || node.children.some((c) => c.type === 'element')) parents.push({ ...elementFacts(node), below });
    for (const name of below) into.add(name);
  };
  const top = new Set<string>();
  for (const child of root.children) if (child.type === 'element') walk(child, top);
  return parents;
}

const some = <T>(items: Iterable<T>, test: (item: T) => boolean): boolean => {
  for (const item of items) if (test(item)) return true;
  return false;
};

/**
 * Which rules each of the two plugins can be affected by, given the document. A rule whose
 * selectors are outside the model (`subjects` undefined) is always kept.
 */
const KEEP: Record<string, (root: XastRoot) => (rule: RuleFacts) => boolean> = {
  // Reads five properties, of any rendered element.
  removeHiddenElems: () => (rule) =>
    rule.subjects === undefined || some(rule.properties, (p) => HIDDEN_ELEMS_READS.has(p)),
  // Reads the computed style of elements with an element child (the parent of the element
  // it visits; computeStyle adds the parent's ancestors, which have one too), only for the
  // names of the visited element's attributes, and checks selectors for attributes with a
  // default. It only deletes attributes and elements, so what holds of the document before
  // it runs is a superset of what it sees later.
  removeUnknownsAndDefaults: (root) => {
    const parents = parentFacts(root);
    return (rule) => {
      if (rule.subjects === undefined || some(rule.attributes, (a) => DEFAULTED_ATTRIBUTES.has(a))) return true;
      // A rule matters if it may match such an element and declares a property that is the
      // name of an attribute below it (what the plugin looks up in that element's style or
      // a descendant's, which inherits it).
      return rule.subjects.some((subject) => parents.some((e) =>
        mayMatch(subject, e) && some(rule.properties, (p) => e.below.has(p))));
    };
  },
};

type BuiltinFn = (root: XastRoot, params: unknown, info: unknown) => unknown;

/** The builtin plugin, run on the document with its stylesheet cut to what the plugin reads. */
function withStylesheetSubset(name: string, fn: BuiltinFn): CustomPlugin {
  const keepFor = KEEP[name];
  if (!keepFor) throw new Error(`no stylesheet subset for ${name}`);
  return {
    name,
    fn: ((root: XastRoot, params: unknown, info: unknown) => {
      const texts = stylesheetTexts(root);
      const originals = texts.map((t) => t.value);
      if (texts.length > 0) {
        const keep = keepFor(root);
        for (const t of texts) t.value = stylesheetSubset(t.value, keep) ?? t.value;
      }
      try {
        // svgo's plugin collects (parses) the stylesheet here; its visitor uses only that.
        return fn(root, params, info);
      } finally {
        texts.forEach((t, i) => { t.value = originals[i] as string; });
      }
    }) as CustomPlugin['fn'],
  };
}

type Overrides = Record<string, false | Record<string, unknown>>;

/**
 * `preset-default` with these overrides, as the list of its plugins (what svgo's preset runs,
 * in its order, with the same parameters), the two style-reading plugins wrapped as above.
 * Another svgo version, or `pluginByPlugin` false: the preset itself.
 */
export function presetDefaultPlugins(pluginByPlugin: boolean, overrides: Overrides): PluginConfig[] {
  const preset = builtinPlugins.find((p) => p.name === 'preset-default');
  if (!pluginByPlugin || VERSION !== CHECKED_SVGO || !preset?.plugins) return [{ name: 'preset-default', params: { overrides } } as PluginConfig];
  const out: PluginConfig[] = [];
  for (const plugin of preset.plugins) {
    const override = overrides[plugin.name];
    if (override === false) continue;
    if (KEEP[plugin.name]) {
      out.push({ ...withStylesheetSubset(plugin.name, plugin.fn as unknown as BuiltinFn), params: { ...override } } as PluginConfig);
    } else {
      out.push({ name: plugin.name, params: { ...override } } as PluginConfig);
    }
  }
  return out;
}

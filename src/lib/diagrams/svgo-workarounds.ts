/**
 * Work-arounds for svgo behaviour that would change a diagram.
 *
 * svgo 4's attribute table lists `xlink:href` but not the SVG 2 `href` for `<a>`, so its
 * `removeUnknownsAndDefaults` deletes the target of every modern link. The link's `href` is
 * parked in a data attribute (which svgo keeps) before the preset runs and restored after.
 *
 * `convertStyleToAttrs` (style="fill:..." to fill="...", which lets the preset drop default
 * values; a large saving on Inkscape exports) ignores the cascade: a `style` attribute beats
 * a `<style>` rule, a presentation attribute loses to it. So it only runs on diagrams that
 * have no `<style>` element (the fidelity check caught this on a hand-written diagram).
 */
import { builtinPlugins, type CustomPlugin, type XastElement, type XastParent } from 'svgo';

const PARKED = 'data-casebook-href';

export const parkLinkHrefPlugin: CustomPlugin = {
  name: 'casebookParkLinkHref',
  fn: () => ({
    element: {
      enter: (node) => {
        if (node.name === 'a' && node.attributes.href !== undefined) {
          node.attributes[PARKED] = node.attributes.href;
          delete node.attributes.href;
        }
      },
    },
  }),
};

export const restoreLinkHrefPlugin: CustomPlugin = {
  name: 'casebookRestoreLinkHref',
  fn: () => ({
    element: {
      enter: (node) => {
        const parked = node.attributes[PARKED];
        if (parked !== undefined) {
          delete node.attributes[PARKED];
          node.attributes.href ??= parked;
        }
      },
    },
  }),
};

const convertStyleToAttrs = builtinPlugins.find((p) => p.name === 'convertStyleToAttrs');

function hasStyleElement(parent: XastParent): boolean {
  return parent.children.some((c) => c.type === 'element' && (c.name === 'style' || hasStyleElement(c as XastElement)));
}

/**
 * Also skips HTML label content (`<foreignObject>` children): `display`, `color` or
 * `font-size` as attributes mean nothing to an HTML element, only its `style` does.
 */
export const styleToAttrsWithoutStylesheetPlugin: CustomPlugin = {
  name: 'casebookStyleToAttrsWithoutStylesheet',
  fn: (root, params, info) => {
    if (!convertStyleToAttrs || hasStyleElement(root)) return null;
    const visitor = convertStyleToAttrs.fn(root, params ?? {}, info);
    const enter = visitor?.element?.enter;
    if (!enter) return visitor;
    let insideForeignObject = 0;
    return {
      ...visitor,
      element: {
        enter: (node, parent) => {
          if (insideForeignObject > 0) return;
          if (node.name.toLowerCase() === 'foreignobject') {
            insideForeignObject++;
            return;
          }
          return enter(node, parent);
        },
        exit: (node) => {
          if (node.name.toLowerCase() === 'foreignobject') insideForeignObject--;
        },
      },
    };
  },
};

/**
 * Custom properties (`style="--x: ...; --y: ..."`, as beautiful-mermaid writes on its root) can
 * never become presentation attributes, but svgo re-parses the whole attribute in several
 * plugins on every pass, and its declaration regex backtracks badly on long values with nested
 * var()/color-mix(): ~1 KB of them cost ~50 ms per diagram. Park them for the preset, restore after.
 */
const PARKED_STYLE = 'data-casebook-style';

export const parkCustomPropertyStylePlugin: CustomPlugin = {
  name: 'casebookParkCustomPropertyStyle',
  fn: () => ({
    element: {
      enter: (node) => {
        const style = node.attributes.style;
        if (style !== undefined && /(^|;)\s*--/.test(style)) {
          node.attributes[PARKED_STYLE] = style;
          delete node.attributes.style;
        }
      },
    },
  }),
};

export const restoreCustomPropertyStylePlugin: CustomPlugin = {
  name: 'casebookRestoreCustomPropertyStyle',
  fn: () => ({
    element: {
      enter: (node) => {
        const style = node.attributes[PARKED_STYLE];
        if (style !== undefined) {
          delete node.attributes[PARKED_STYLE];
          node.attributes.style = style;
        }
      },
    },
  }),
};

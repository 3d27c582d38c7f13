/**
 * Work-arounds for svgo behaviour that would change a diagram.
 *
 * svgo 4's attribute table lists `xlink:href` but not the SVG 2 `href` for `<a>`, so its
 * `removeUnknownsAndDefaults` deletes the target of every modern link. The link's `href` is
 * parked before the preset runs and restored after (see `createParking`).
 *
 * `convertStyleToAttrs` (style="fill:..." to fill="...", which lets the preset drop default
 * values; a large saving on Inkscape exports) ignores the cascade: a `style` attribute beats
 * a `<style>` rule, a presentation attribute loses to it. So it only runs on diagrams that
 * have no `<style>` element (the fidelity check caught this on a hand-written diagram).
 */
import { randomBytes } from 'node:crypto';
import { builtinPlugins, type CustomPlugin, type XastElement, type XastParent } from 'svgo';

/**
 * Custom properties (`style="--x: ...; --y: ..."`, as beautiful-mermaid writes on its root) can
 * never become presentation attributes, but svgo re-parses the whole attribute in several
 * plugins on every pass, and its declaration regex backtracks badly on long values with nested
 * var()/color-mix(): ~1 KB of them cost ~50 ms per diagram. They are parked
 * for the preset and restored after, like link targets.
 */

/**
 * Parked values live in a side table made for one run of the pipeline. The element keeps only
 * a key attribute whose name carries a random nonce (so it still differs from its neighbours
 * for svgo's merging plugins); an input cannot forge one, and the sanitiser drops every
 * `data-*` attribute of the input before any of this runs.
 */
export interface Parking {
  parkLinkHref: CustomPlugin;
  restoreLinkHref: CustomPlugin;
  parkCustomPropertyStyle: CustomPlugin;
  restoreCustomPropertyStyle: CustomPlugin;
}

export function createParking(): Parking {
  const nonce = randomBytes(6).toString('hex');
  const hrefKey = `data-cb-href-${nonce}`;
  const styleKey = `data-cb-style-${nonce}`;
  const table: string[] = [];
  const park = (node: XastElement, key: string, value: string): void => {
    node.attributes[key] = String(table.push(value) - 1);
  };
  const unpark = (node: XastElement, key: string): string | undefined => {
    const index = node.attributes[key];
    if (index === undefined) return undefined;
    delete node.attributes[key];
    return table[Number(index)];
  };
  return {
    parkLinkHref: {
      name: 'casebookParkLinkHref',
      fn: () => ({
        element: {
          enter: (node) => {
            if (node.name === 'a' && node.attributes.href !== undefined) {
              park(node, hrefKey, node.attributes.href);
              delete node.attributes.href;
            }
          },
        },
      }),
    },
    restoreLinkHref: {
      name: 'casebookRestoreLinkHref',
      fn: () => ({
        element: {
          enter: (node) => {
            const parked = unpark(node, hrefKey);
            if (parked !== undefined && node.name === 'a') node.attributes.href ??= parked;
          },
        },
      }),
    },
    parkCustomPropertyStyle: {
      name: 'casebookParkCustomPropertyStyle',
      fn: () => ({
        element: {
          enter: (node) => {
            const style = node.attributes.style;
            if (style !== undefined && /(^|;)\s*--/.test(style)) {
              park(node, styleKey, style);
              delete node.attributes.style;
            }
          },
        },
      }),
    },
    restoreCustomPropertyStyle: {
      name: 'casebookRestoreCustomPropertyStyle',
      fn: () => ({
        element: {
          enter: (node) => {
            const style = unpark(node, styleKey);
            if (style !== undefined) node.attributes.style = style;
          },
        },
      }),
    },
  };
}

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

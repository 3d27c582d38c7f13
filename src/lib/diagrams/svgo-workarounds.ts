/**
 * Work-arounds for svgo behaviour that would change a diagram.
 *
 * svgo 4's attribute table lists `xlink:href` but not the SVG 2 `href` for `<a>`, so its
 * `removeUnknownsAndDefaults` deletes the target of every modern link. The link's `href` is
 * parked in a data attribute (which svgo keeps) before the preset runs and restored after.
 */
import type { CustomPlugin } from 'svgo';

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

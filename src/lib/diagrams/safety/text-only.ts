/**
 * The last svgo step: writes every CDATA section as escaped text and gives empty XHTML label
 * elements an end tag.
 *
 * svgo's style plugins may turn `<style>` text into CDATA again. That is harmless in XML and
 * in foreign content, but the final check accepts exactly one way of writing text, so the
 * markup is the same to an HTML parser and to an XML parser. And svgo writes an element with
 * no children as `<x/>`, which an HTML parser reads as a start tag for a non-void HTML
 * element (`<div/>` would swallow its siblings); an empty text child makes it `<div></div>`.
 */
import type { CustomPlugin } from 'svgo';
import { XHTML_ELEMENTS, XHTML_VOID } from './allow-list.ts';

const XHTML_NAMES = new Set(XHTML_ELEMENTS.values());

export const textOnlyPlugin: CustomPlugin = {
  name: 'casebookTextOnly',
  fn: () => {
    let inLabel = 0;
    return {
      cdata: {
        enter: (node, parent) => {
          const index = parent.children.indexOf(node);
          parent.children[index] = { type: 'text', value: node.value };
        },
      },
      element: {
        enter: (node) => {
          if (node.name === 'foreignObject') inLabel++;
          else if (inLabel > 0 && XHTML_NAMES.has(node.name) && !XHTML_VOID.has(node.name) && node.children.length === 0) {
            node.children = [{ type: 'text', value: '' }];
          }
        },
        exit: (node) => {
          if (node.name === 'foreignObject') inLabel--;
        },
      },
    };
  },
};

/**
 * Removes what diagram editors leave behind that svgo's preset does not know about.
 *
 * svgo's `removeEditorsNSData` and `removeMetadata` already drop Inkscape/Sodipodi data and
 * `<metadata>`. This adds:
 *  - draw.io's `content` attribute on the root, which carries the whole editable diagram
 *    (often larger than the picture itself), and its `host`/`agent`/`etag` companions;
 *  - Lucidchart's `lucid:*` attributes and namespace (page tab ids);
 *  - draw.io's `data-cell-id` on every group (the editor's cell ids; nothing draws them);
 *  - draw.io's "Text is not SVG - cannot display" footer: a `<switch>` whose first branch
 *    is an empty group. Browsers always pick that empty branch, so the switch draws nothing;
 *    once svgo drops the empty group the footer would appear, so the switch goes first.
 */
import type { CustomPlugin, XastElement } from 'svgo';

const DRAWIO_ROOT_ATTRIBUTES = ['content', 'host', 'agent', 'etag', 'modified', 'pages'];

export const editorCleanupPlugin: CustomPlugin = {
  name: 'casebookEditorCleanup',
  fn: () => {
    let isDrawio = false;
    return {
    element: {
      enter: (node, parent) => {
        if (parent.type === 'root' && node.name === 'svg') {
          isDrawio = node.attributes.content?.includes('mxfile') === true || node.attributes.host !== undefined;
          if (isDrawio) for (const a of DRAWIO_ROOT_ATTRIBUTES) delete node.attributes[a];
          else delete node.attributes.content;
        }
        if (isDrawio && node.name === 'g') delete node.attributes['data-cell-id'];
        for (const attr of Object.keys(node.attributes)) {
          if (attr.startsWith('lucid:') || attr === 'xmlns:lucid') delete node.attributes[attr];
        }
        if (node.name === 'switch') {
          const first = node.children.find((c): c is XastElement => c.type === 'element');
          const alwaysChosen =
            first?.name === 'g' &&
            first.attributes.systemLanguage === undefined &&
            first.attributes.requiredExtensions === undefined &&
            !first.children.some((c) => c.type === 'element');
          if (alwaysChosen) {
            parent.children = parent.children.filter((c) => c !== node);
          }
        }
      },
    },
    };
  },
};

/**
 * Unique heading ids when authors set some of them (`## Setup {#setup}`, the
 * `headingAttributes` feature). Astro's own step slugs every heading without an id but does
 * not know the ids written by hand, so `## Setup` and `## Other {#setup}` both came out as
 * `id="setup"` (and a second `{#x}` repeated it): the TOC and in-page links then jumped to
 * the wrong section. An mdast pass collects the written ids; a hast pass, which runs before
 * Astro's, gives every other heading a github-slugger slug (the same slugs Astro makes) that
 * avoids them, and suffixes a repeated written id. Astro's step then keeps every id as is.
 */
import Slugger from 'github-slugger';
import type { HastPluginDefinition, HastPluginEntry, MdastPluginDefinition, PluginFactoryContext } from 'satteri';

const KEY = 'casebookWrittenHeadingIds';

interface Bag {
  [KEY]?: Set<string>;
}

export const satteriCollectHeadingIds: MdastPluginDefinition = {
  name: 'casebook-collect-heading-ids',
  heading(node, ctx) {
    const id = (node.data as { hProperties?: { id?: unknown } } | undefined)?.hProperties?.id;
    if (typeof id !== 'string') return;
    const bag = ctx.data as Bag;
    (bag[KEY] ??= new Set()).add(id);
  },
};

export const satteriUniqueHeadingIds: HastPluginEntry = (doc: PluginFactoryContext): HastPluginDefinition | null => {
  if (!/\{#[^}]+\}/.test(doc.source)) return null; // no written ids: Astro's slugs are unique already
  const slugger = new Slugger();
  const used = new Set<string>();
  return {
    name: 'casebook-unique-heading-ids',
    element: {
      filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
      visit(node, ctx) {
        const written = (ctx.data as Bag)[KEY] ?? new Set<string>();
        const current = node.properties?.['id'];
        let id: string;
        if (typeof current === 'string') {
          id = current;
          for (let n = 1; used.has(id); n += 1) id = `${current}-${n}`;
        } else {
          id = slugger.slug(ctx.textContent(node));
          while (written.has(id) || used.has(id)) id = slugger.slug(ctx.textContent(node));
        }
        used.add(id);
        if (id !== current) ctx.setProperty(node, 'id', id);
      },
    },
  };
};

/**
 * Relative images written as HTML, through Astro's image pipeline like `![alt](./x.png)`:
 * Astro only collects Markdown image nodes, so an `<img src="./x.png">` (common in READMEs and
 * blog posts) would be copied nowhere and break. In `.md` the source is registered with the
 * paths Astro optimises (`ctx.data.astro.localImagePaths`; Astro's hast step then turns the
 * `<img>` element into an optimised image); in `.mdx` a JSX `<img>` with a literal relative
 * `src` becomes a Markdown image node, with its other attributes kept.
 */
import type { Image } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { MdastPluginDefinition, MdastPluginEntry, MdastVisitorContext, PluginFactoryContext } from 'satteri';
import { htmlImageSources, isRelativeImage } from './images.ts';

interface AstroData {
  localImagePaths?: Set<string>;
}

export function satteriImages(): MdastPluginEntry {
  return (doc: PluginFactoryContext): MdastPluginDefinition | null => {
    if (!/<img\b/i.test(doc.source)) return null;
    const jsxImage = (node: Readonly<MdxJsxFlowElement | MdxJsxTextElement>, ctx: MdastVisitorContext) => {
      if (node.name !== 'img') return;
      const attrs: Record<string, string> = {};
      for (const a of node.attributes) {
        if (a.type !== 'mdxJsxAttribute') continue;
        if (typeof a.value === 'string') attrs[a.name] = a.value;
        else if (a.value === null || a.value === undefined) attrs[a.name] = '';
        else return; // an expression: leave the element to MDX
      }
      const src = attrs['src'];
      if (!src || !isRelativeImage(src)) return;
      const { src: _src, alt = '', title, ...rest } = attrs;
      const image: Image = { type: 'image', url: src, alt, title: title ?? null };
      if (Object.keys(rest).length) image.data = { hProperties: rest };
      ctx.replaceNode(node, node.type === 'mdxJsxFlowElement' ? { type: 'paragraph', children: [image] } : image);
    };
    return {
      name: 'casebook-html-images',
      html(node, ctx) {
        const astro = (ctx.data as { astro?: AstroData }).astro;
        for (const src of htmlImageSources(node.value)) if (isRelativeImage(src)) astro?.localImagePaths?.add(src);
      },
      mdxJsxFlowElement: jsxImage,
      mdxJsxTextElement: jsxImage,
    };
  };
}

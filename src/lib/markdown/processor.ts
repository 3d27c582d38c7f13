/**
 * Casebook's Markdown processor: Sätteri (Astro's default) with Casebook's plugins, plus one
 * step before MDX parses a file: HTML comments become MDX comments (mdx-comments.ts).
 * `.md` files need no such step; HTML comments are ordinary Markdown there.
 */
import { satteri, type SatteriProcessorOptions } from '@astrojs/markdown-satteri';
import { htmlCommentsToMdx } from './mdx-comments.ts';

type Processor = ReturnType<typeof satteri>;

export function casebookProcessor(options: SatteriProcessorOptions): Processor {
  const processor = satteri(options);
  const createMdxRenderer = processor.createMdxRenderer?.bind(processor);
  if (!createMdxRenderer) return processor;
  return {
    ...processor,
    async createMdxRenderer(shared, mdx) {
      const renderer = await createMdxRenderer(shared, mdx);
      return { ...renderer, process: (content, filePath, frontmatter) => renderer.process(htmlCommentsToMdx(content), filePath, frontmatter) };
    },
  };
}

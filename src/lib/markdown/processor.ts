/**
 * Casebook's Markdown processor: Sätteri (Astro's default) with Casebook's plugins, plus one
 * step before MDX parses a file: HTML comments become MDX comments (mdx-comments.ts).
 * `.md` files need no such step; HTML comments are ordinary Markdown there.
 *
 * In `astro build`, a compiled `.mdx` module is reused from the disk cache when nothing it
 * depends on changed (compile-cache.ts); the text-diagram warnings and rendered fences its
 * compile left are given again.
 */
import { satteri, type SatteriProcessorOptions } from '@astrojs/markdown-satteri';
import { recallRenderedFences, rememberRenderedFences } from '../diagrams/text/rendered-fences.ts';
import { compileKey, createCompileCache, sharedCompileInputs, type CompiledMdx } from './compile-cache.ts';
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
      if (process.env.NODE_ENV !== 'production') {
        return { ...renderer, process: (content, filePath, frontmatter) => renderer.process(htmlCommentsToMdx(content), filePath, frontmatter) };
      }
      const inputs = sharedCompileInputs(process.cwd(), { shared, mdx: { ...mdx, srcDir: mdx.srcDir?.href } });
      const cache = createCompileCache(inputs);
      return {
        ...renderer,
        async process(content, filePath, frontmatter) {
          const source = htmlCommentsToMdx(content);
          const key = compileKey(inputs, filePath, source, frontmatter);
          const hit = cache.get(key);
          if (hit) {
            if (hit.fences.length > 0) {
              for (const fence of hit.fences) for (const warning of fence.warnings) console.warn(warning);
              rememberRenderedFences(filePath, source, hit.fences);
            }
            return hit.result as Awaited<ReturnType<typeof renderer.process>>;
          }
          const result = await renderer.process(source, filePath, frontmatter);
          cache.set(key, { result: result as CompiledMdx, fences: [...(recallRenderedFences(filePath, source) ?? [])] });
          return result;
        },
      };
    },
  };
}

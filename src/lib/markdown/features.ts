/**
 * The Markdown parser features of every case study, for the build (src/lib/satteri-plugins.ts)
 * and the validator alike, so both parse a file the same way. On top of Astro's defaults
 * (GFM: tables, footnotes, task lists, strikethrough, autolinks; smart punctuation):
 * - `rawHtml`: HTML in `.md` becomes elements (and the text-diagram figures and MathML, which
 *   go in as mdast `html` nodes, compile to MDX as elements);
 * - `math`: `$…$` and `$$…$$`; `directive`: `:::note` container admonitions;
 * - `headingAttributes`: `## Heading {#custom-id}`.
 */
import type { Features } from 'satteri';

export const features: Features = { rawHtml: true, math: true, directive: true, headingAttributes: true };

/** File extensions of case studies: Markdown, and MDX (Markdown plus components). */
export const MARKDOWN_EXTENSIONS = ['.md', '.markdown'] as const;
export const MDX_EXTENSIONS = ['.mdx'] as const;

export type SourceFormat = 'markdown' | 'mdx';

export function formatOf(file: string): SourceFormat | undefined {
  const lower = file.toLowerCase();
  if (MDX_EXTENSIONS.some((e) => lower.endsWith(e))) return 'mdx';
  if (MARKDOWN_EXTENSIONS.some((e) => lower.endsWith(e))) return 'markdown';
  return undefined;
}

/** Files that may sit beside case studies: the images they use. */
export const ASSET_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.svg'] as const;

/**
 * How the architecture page stays light at any number of studies: it is split into pages of
 * `PAGE_SIZE` systems, and on each page only the first `INLINE_COUNT` diagrams (the first
 * screen) are inline SVG; the rest are lazily loaded, sized pictures of the standalone file.
 * Every diagram's full view is one click away ("View diagram"). At 25 or 1,000 studies a page
 * holds the same bounded amount of markup.
 */
export const ARCHITECTURE_PAGE_SIZE = 24;
export const ARCHITECTURE_INLINE_COUNT = 2;

/** Whether the nth system on a page (0-based) is drawn inline, and whether its picture loads eagerly. */
export function coverMode(index: number): 'inline' | 'lazy' {
  return index < ARCHITECTURE_INLINE_COUNT ? 'inline' : 'lazy';
}

/**
 * How the architecture page stays light at any number of studies: it is split into pages of
 * `PAGE_SIZE` systems, and on each page the first `INLINE_COUNT` diagrams are inline SVG and
 * the rest lazily loaded, sized pictures of the standalone file (decoded off the main thread).
 * Every diagram's full view is one click away ("View diagram"). At 25 or 1,000 studies a page
 * holds the same bounded amount of markup.
 *
 * INLINE_COUNT is 0 because it was measured: with the first two (or even one) covers inline,
 * Lighthouse mobile gave the page 97–99 (total blocking time 120–140 ms, speed index 2.2 s, on
 * styling the large inline SVGs); with pictures only, 100 (TBT 30–70 ms). The price: pictures
 * follow the system colour scheme rather than the site's toggle.
 */
export const ARCHITECTURE_PAGE_SIZE = 24;
export const ARCHITECTURE_INLINE_COUNT = 0;

/** Whether the nth system on a page (0-based) is drawn inline, and whether its picture loads eagerly. */
export function coverMode(index: number): 'inline' | 'lazy' {
  return index < ARCHITECTURE_INLINE_COUNT ? 'inline' : 'lazy';
}

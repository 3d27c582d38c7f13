/**
 * The performance budget, in one place. The budget test (tests/e2e/budget.spec.ts) checks
 * every page of the built site against these numbers; change them here, deliberately.
 */
export const BUDGETS = {
  /** HTML plus the CSS it links, gzip-compressed, per page. */
  htmlCssGzipBytes: 40 * 1024,
  /** JavaScript a content page runs (inline and external), uncompressed. */
  contentPageJsBytes: 3 * 1024,
  /** JavaScript on the search page, where Pagefind's modular UI loads (before it fetches the index). */
  searchPageJsBytes: 20 * 1024,
  /**
   * The full-screen diagram viewer (/diagram-viewer.js), minified, uncompressed. Not part of a
   * page's budget above: a page runs only its inline loader until a reader opens a diagram.
   */
  diagramViewerJsBytes: 8 * 1024,
  /** Blocking scripts in <head>: only the tiny theme bootstrap. */
  headBlockingScripts: 1,
} as const;

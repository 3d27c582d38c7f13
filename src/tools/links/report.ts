/** The link checker's report: `page -> target (reason)` lines, grouped by page, and a summary. */
import type { BrokenLink } from './site-index.ts';

export function formatBrokenLinks(broken: readonly BrokenLink[]): string {
  return [...broken]
    .sort((a, b) => a.page.localeCompare(b.page) || a.target.localeCompare(b.target))
    .map((b) => `${b.page} -> ${b.target} (${b.reason}; ${b.via})`)
    .join('\n');
}

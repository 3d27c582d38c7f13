/**
 * The one rule for a case study's "last updated" date, used by the page, its JSON-LD
 * `dateModified`, `article:modified_time`, the sitemap's `lastmod` and the feeds:
 *
 * 1. frontmatter `updated`, when the author wrote one (they know best, e.g. a typo fix that
 *    should not count as an update);
 * 2. else the last commit that touched the file, when git has the full history;
 * 3. else the publication `date`.
 *
 * A commit older than the publication date (a post written ahead and published later) does
 * not move the date back: the result is never before `date`.
 */
export type UpdatedSource = 'frontmatter' | 'git' | 'published';

export interface LastUpdated {
  date: Date;
  source: UpdatedSource;
  /** Whether it falls on a later day than publication (worth showing as "Updated"). */
  afterPublication: boolean;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export function lastUpdated(data: { date: Date; updated?: Date | undefined }, gitDate: Date | undefined): LastUpdated {
  const pick = (date: Date, source: UpdatedSource): LastUpdated => ({
    date,
    source,
    afterPublication: day(date) > day(data.date),
  });
  if (data.updated) return pick(data.updated, 'frontmatter');
  if (gitDate && gitDate.getTime() > data.date.getTime()) return pick(gitDate, 'git');
  return pick(data.date, 'published');
}

/**
 * The one place pages get case studies from. Reads the collection once per build, drops
 * drafts from production builds (they stay visible in `npm run dev`), sorts newest first,
 * and derives categories and tags through the pure functions in taxonomy.ts.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { byDateDesc, categoriesOf, tagIndex } from './taxonomy.ts';
import { gitDateOf, gitDatesFor } from './dates/git-dates.ts';
import { lastUpdated, type LastUpdated } from './dates/last-updated.ts';
import { seriesIndex } from './series.ts';
import { CASE_STUDIES_DIR } from '../content.config.ts';

export type CaseStudy = CollectionEntry<'case-studies'>;

/** Whether drafts are shown: in dev, or when CASEBOOK_DRAFTS=1 (for previews). */
export const SHOW_DRAFTS = import.meta.env.DEV || process.env.CASEBOOK_DRAFTS === '1';

let cache: Promise<CaseStudy[]> | undefined;

export function getCaseStudies(): Promise<CaseStudy[]> {
  cache ??= getCollection('case-studies', (entry) => SHOW_DRAFTS || !entry.data.draft).then((list) =>
    list.sort(byDateDesc),
  );
  return cache;
}

export async function getCategories() {
  return categoriesOf(await getCaseStudies());
}

let seriesCache: Promise<ReturnType<typeof seriesIndex<CaseStudy>>> | undefined;

/** Every series of published studies, each in part order. */
export function getSeries() {
  seriesCache ??= getCaseStudies().then((list) => seriesIndex(list));
  return seriesCache;
}

export async function getTags() {
  return tagIndex(await getCaseStudies());
}

/** When a study last changed (frontmatter `updated`, else git, else `date`): see dates/last-updated.ts. */
export function updatedOf(study: CaseStudy): LastUpdated {
  const git = study.filePath ? gitDateOf(gitDatesFor(CASE_STUDIES_DIR), study.filePath) : undefined;
  return lastUpdated(study.data, git);
}

/**
 * The RSS feed's items, as plain data for @astrojs/rss: every published case study,
 * newest first, linked by absolute URL, with its summary and its category, stack and
 * topics as <category> elements. Drafts are dropped here as well as in getCaseStudies(),
 * so a preview build with CASEBOOK_DRAFTS=1 still never syndicates a draft.
 */
import { absoluteUrl, type SiteLocation } from './absolute-url.ts';
import { articleKeywords } from './json-ld.ts';
import { routes } from '../urls.ts';

/** Where the feed is served, site-relative without the base. */
export const FEED_PATH = '/rss.xml';

export interface FeedSource {
  id: string;
  data: {
    title: string;
    summary: string;
    date: Date;
    category: string;
    stack: string[];
    tags: string[];
    draft: boolean;
  };
}

export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories: string[];
}

export function feedItems(studies: FeedSource[], site: SiteLocation): FeedItem[] {
  return studies
    .filter((s) => !s.data.draft)
    .sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.data.title.localeCompare(b.data.title))
    .map((s) => ({
      title: s.data.title,
      link: absoluteUrl(site, routes.caseStudy(s.id)),
      pubDate: s.data.date,
      description: s.data.summary,
      categories: [s.data.category, ...articleKeywords(s.data)],
    }));
}

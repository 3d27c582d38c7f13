/**
 * The feeds' formats and how pages advertise them (their URLs are routes in urls.ts), so
 * the <link rel="alternate"> a page prints and the file the build writes agree.
 */
import { routes } from '../../urls.ts';

export const SITE_FEEDS = [
  { format: 'rss', path: routes.rssFeed(), type: 'application/rss+xml', label: 'RSS' },
  { format: 'atom', path: routes.atomFeed(), type: 'application/atom+xml', label: 'Atom' },
  { format: 'json', path: routes.jsonFeed(), type: 'application/feed+json', label: 'JSON Feed' },
] as const;

export type FeedFormat = (typeof SITE_FEEDS)[number]['format'];

/** The newest studies a site feed carries, and a category or tag feed. */
export const FEED_LIMITS = { site: 50, term: 20 } as const;

export type TermKind = 'category' | 'tag';

/** A category's or tag's own Atom feed, beside its page: /tags/<slug>/atom.xml. */
export function termFeedPath(kind: TermKind, slug: string): string {
  return kind === 'category' ? routes.categoryFeed(slug) : routes.tagFeed(slug);
}

/** What a category or tag page puts in its `seo.feeds`. */
export function termFeedLink(kind: TermKind, slug: string, name: string): FeedLink {
  const what = kind === 'category' ? `in ${name}` : `tagged ${name}`;
  return { type: 'application/atom+xml', title: `Case studies ${what} (Atom)`, path: termFeedPath(kind, slug) };
}

export interface FeedLink {
  type: string;
  title: string;
  /** Site path without the base. */
  path: string;
}

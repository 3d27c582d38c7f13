/**
 * The feeds, as text, from the articles read back from the built pages: the site's RSS 2.0,
 * Atom 1.0 and JSON Feed, each with full content, and an Atom feed per category and per tag.
 * The `feed` package writes the three formats (escaping, dates, required elements); this
 * module decides what goes in: the newest studies first (by publication date), their full
 * body, their category and keywords, the author, absolute links.
 */
import { Feed } from 'feed';
import { slugify } from '../../slug.ts';
import { absoluteUrl, type SiteLocation } from '../absolute-url.ts';
import type { FeedArticle } from './extract.ts';
import { FEED_LIMITS, SITE_FEEDS, termFeedPath, type TermKind } from './paths.ts';

export interface FeedSite extends SiteLocation {
  title: string;
  description: string;
  lang: string;
  author: { name: string; email?: string | undefined };
}

export interface FeedFile {
  /** Site path without the base, e.g. /atom.xml or /tags/go/atom.xml. */
  path: string;
  text: string;
}

const newestFirst = (a: FeedArticle, b: FeedArticle) => b.published.getTime() - a.published.getTime() || a.title.localeCompare(b.title);

function makeFeed(site: FeedSite, articles: FeedArticle[], title: string, description: string, links: Record<string, string>, home: string): Feed {
  const author = { name: site.author.name, link: absoluteUrl(site, '/'), ...(site.author.email ? { email: site.author.email } : {}) };
  const updated = articles.reduce((max, a) => (a.modified > max ? a.modified : max), new Date(0));
  const feed = new Feed({
    id: links.atom ?? home,
    title,
    description,
    link: home,
    language: site.lang,
    updated: articles.length ? updated : new Date(0),
    generator: 'Casebook',
    feedLinks: links,
    author,
    copyright: `© ${site.author.name}`,
    favicon: absoluteUrl(site, '/favicon.svg'),
  });
  for (const a of articles) {
    feed.addItem({
      title: a.title,
      id: a.url,
      link: a.url,
      date: a.modified,
      published: a.published,
      description: a.summary,
      content: a.contentHtml,
      author: [author],
      category: [a.category, ...a.keywords].map((name) => ({ name })),
    });
  }
  return feed;
}

/** Every feed file of the site. */
export function buildFeeds(site: FeedSite, all: FeedArticle[]): FeedFile[] {
  const articles = [...all].sort(newestFirst);
  const home = absoluteUrl(site, '/');
  const links = Object.fromEntries(SITE_FEEDS.map((f) => [f.format, absoluteUrl(site, f.path)]));
  const main = makeFeed(site, articles.slice(0, FEED_LIMITS.site), `${site.title} · ${site.author.name}`, site.description, links, home);
  const files: FeedFile[] = [
    { path: '/rss.xml', text: main.rss2() },
    { path: '/atom.xml', text: main.atom1() },
    { path: '/feed.json', text: main.json1() },
  ];

  const terms = new Map<string, { kind: TermKind; name: string; slug: string; items: FeedArticle[] }>();
  const add = (kind: TermKind, name: string, article: FeedArticle) => {
    const slug = slugify(name);
    if (!slug) return;
    const key = `${kind}:${slug}`;
    const term = terms.get(key) ?? { kind, name, slug, items: [] };
    if (!term.items.includes(article)) term.items.push(article);
    terms.set(key, term);
  };
  for (const a of articles) {
    add('category', a.category, a);
    for (const k of a.keywords) add('tag', k, a);
  }
  for (const term of terms.values()) {
    const path = termFeedPath(term.kind, term.slug);
    const page = absoluteUrl(site, path.replace(/atom\.xml$/, ''));
    const what = term.kind === 'category' ? `in ${term.name}` : `tagged ${term.name}`;
    const feed = makeFeed(
      site,
      term.items.slice(0, FEED_LIMITS.term),
      `${site.title}: case studies ${what}`,
      `Case studies ${what}, by ${site.author.name}.`,
      { atom: absoluteUrl(site, path) },
      page,
    );
    files.push({ path, text: feed.atom1() });
  }
  return files;
}

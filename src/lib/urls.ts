/**
 * Every URL shape of the site, once. `routes` gives site paths without the base path
 * ("/case-studies/x/"), for absolute URLs (feeds, JSON-LD, sitemap) that add the base
 * themselves; `paths` gives the same routes under the configured base path ("/" or "/repo/"),
 * for links a page renders, which is what makes GitHub Pages sub-paths work.
 */
const BASE = (import.meta.env?.BASE_URL as string | undefined) ?? '/';

export function joinBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  const p = path.replace(/^\/+/, '');
  return `${b}${p}`;
}

export function href(path: string): string {
  return joinBase(BASE, path);
}

export const routes = {
  home: () => '/',
  caseStudies: () => '/case-studies/',
  caseStudy: (slug: string) => `/case-studies/${slug}/`,
  categories: () => '/categories/',
  category: (slug: string) => `/categories/${slug}/`,
  tags: () => '/tags/',
  tag: (slug: string) => `/tags/${slug}/`,
  /** A category's and a tag's own Atom feeds, beside their pages. */
  categoryFeed: (slug: string) => `/categories/${slug}/atom.xml`,
  tagFeed: (slug: string) => `/tags/${slug}/atom.xml`,
  /** The site's feeds: RSS 2.0, Atom 1.0, JSON Feed. */
  rssFeed: () => '/rss.xml',
  atomFeed: () => '/atom.xml',
  jsonFeed: () => '/feed.json',
  architecture: () => '/architecture/',
  /** Page n of the architecture page (1 is /architecture/ itself). */
  architecturePage: (n: number) => (n <= 1 ? '/architecture/' : `/architecture/${n}/`),
  search: () => '/search/',
  seriesIndex: () => '/series/',
  series: (slug: string) => `/series/${slug}/`,
  /** The standalone, optimised file of a diagram ("View diagram"). */
  diagram: (name: string) => `/diagrams/${name}.svg`,
  /** A case study's 1200x630 social card. */
  caseStudyCard: (slug: string) => `/og/case-studies/${slug}.png`,
  /** The site-wide social card. */
  defaultCard: () => '/og/default.png',
} as const;

type Routes = typeof routes;

function underBase<A extends unknown[]>(route: (...args: A) => string): (...args: A) => string {
  return (...args) => href(route(...args));
}

/** `routes` under the site's base path. */
export const paths = Object.fromEntries(
  Object.entries(routes).map(([key, route]) => [key, underBase(route as (...args: unknown[]) => string)]),
) as Routes;

/**
 * Site-relative URLs that respect the configured base path ("/" or "/repo/"). Every link
 * a page renders goes through `href()`, which is what makes GitHub Pages sub-paths work.
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

export const paths = {
  home: () => href('/'),
  caseStudies: () => href('/case-studies/'),
  caseStudy: (slug: string) => href(`/case-studies/${slug}/`),
  category: (slug: string) => href(`/categories/${slug}/`),
  categories: () => href('/categories/'),
  tag: (slug: string) => href(`/tags/${slug}/`),
  tags: () => href('/tags/'),
  architecture: () => href('/architecture/'),
  /** Page n of the architecture page (1 is /architecture/ itself). */
  architecturePage: (n: number) => href(n <= 1 ? '/architecture/' : `/architecture/${n}/`),
  search: () => href('/search/'),
  seriesIndex: () => href('/series/'),
  series: (slug: string) => href(`/series/${slug}/`),
};

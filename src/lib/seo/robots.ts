/**
 * robots.txt: allow everything and point crawlers at the sitemap index that
 * @astrojs/sitemap writes. Pages that must stay out of search (404) say so with a robots
 * meta tag instead, because a Disallow line would stop crawlers from ever seeing it.
 */
import { absoluteUrl, type SiteLocation } from './absolute-url.ts';

export const SITEMAP_INDEX = '/sitemap-index.xml';

export function robotsTxt(site: SiteLocation): string {
  return ['User-agent: *', 'Allow: /', '', `Sitemap: ${absoluteUrl(site, SITEMAP_INDEX)}`, ''].join('\n');
}

/**
 * Absolute URLs for things that leave the site: canonical links, Open Graph images, feed
 * items, JSON-LD, the sitemap line in robots.txt. Crawlers and social cards need the full
 * address, and it must include the base path when the site lives under one (GitHub Pages
 * "/repo/"), so every absolute URL is made here from the site URL and base in one way.
 */
import { joinBase } from '../urls.ts';

/** Where the site is deployed: `siteConfig.url` (origin, no base) and `siteConfig.base`. */
export interface SiteLocation {
  url: string;
  base: string;
}

/**
 * The absolute URL of a site path given without the base ("/og/default.png" ->
 * "https://you.dev/repo/og/default.png"). Already absolute http(s) URLs pass through.
 */
export function absoluteUrl(site: SiteLocation, path: string): string {
  if (/^https?:\/\//.test(path)) return path;
  return new URL(joinBase(site.base, path), site.url).href;
}

/** "https://you.dev/repo/" -> "you.dev/repo": how the site is named on a social card. */
export function displayHost(site: SiteLocation): string {
  const url = new URL(joinBase(site.base, '/'), site.url);
  return `${url.host}${url.pathname}`.replace(/\/$/, '');
}

/**
 * The <meta> tags that make a shared link look right: Open Graph (Facebook, LinkedIn,
 * Slack, Discord, ...), the Twitter/X card, article dates and tags, and robots. Built as
 * plain data here so the rules (absolute image URL, article-only tags, noindex) are
 * unit-tested; SeoHead.astro only prints the list.
 */
import { OG_IMAGE_SIZE } from './og-paths.ts';

export interface MetaTag {
  /** Open Graph tags use `property`, the rest use `name`. */
  attribute: 'property' | 'name';
  key: string;
  content: string;
}

export interface PageMeta {
  /** Full title, with the site name. */
  title: string;
  description: string;
  /** Absolute canonical URL of the page. */
  canonical: string;
  /** Absolute URL of the 1200x630 PNG card. */
  imageUrl: string;
  imageAlt: string;
  type: 'website' | 'article';
  siteName: string;
  /** BCP 47 language ("en", "en-GB"); becomes og:locale. */
  lang: string;
  published?: Date | undefined;
  modified?: Date | undefined;
  /** article:tag values (articles only). */
  tags?: string[] | undefined;
  noindex: boolean;
}

/**
 * og:locale wants language_TERRITORY ("en_GB"). A bare language ("en") has no territory
 * and guessing one would be wrong, so the tag is left out (readers then assume en_US).
 */
function ogLocale(lang: string): string | undefined {
  const m = /^([a-z]{2,3})[-_]([A-Za-z]{2})$/.exec(lang);
  return m ? `${m[1]}_${m[2]!.toUpperCase()}` : undefined;
}

export function metaTags(page: PageMeta): MetaTag[] {
  const og = (key: string, content: string): MetaTag => ({ attribute: 'property', key, content });
  const named = (key: string, content: string): MetaTag => ({ attribute: 'name', key, content });

  const tags: MetaTag[] = [];
  if (page.noindex) tags.push(named('robots', 'noindex, follow'));
  const locale = ogLocale(page.lang);
  tags.push(og('og:type', page.type), og('og:site_name', page.siteName));
  if (locale) tags.push(og('og:locale', locale));
  // A noindex page (404, a draft preview) has no URL worth sharing: no og:url.
  if (!page.noindex) tags.push(og('og:url', page.canonical));
  tags.push(
    og('og:title', page.title),
    og('og:description', page.description),
    og('og:image', page.imageUrl),
    og('og:image:type', 'image/png'),
    og('og:image:width', String(OG_IMAGE_SIZE.width)),
    og('og:image:height', String(OG_IMAGE_SIZE.height)),
    og('og:image:alt', page.imageAlt),
  );
  if (page.type === 'article') {
    if (page.published) tags.push(og('article:published_time', page.published.toISOString()));
    if (page.modified) tags.push(og('article:modified_time', page.modified.toISOString()));
    for (const tag of page.tags ?? []) tags.push(og('article:tag', tag));
  }
  tags.push(
    named('twitter:card', 'summary_large_image'),
    named('twitter:title', page.title),
    named('twitter:description', page.description),
    named('twitter:image', page.imageUrl),
    named('twitter:image:alt', page.imageAlt),
  );
  return tags;
}

/**
 * schema.org structured data (JSON-LD) for search engines and link unfurlers: a Person for
 * the author on the home page, a WebSite for the site, and a TechArticle per case study.
 * Pure functions over plain data so they are unit-tested without Astro; pages pass the
 * result to BaseLayout's `jsonLd` prop and SeoHead serialises it safely.
 */
import type { SiteConfig } from '../../site.config.ts';
import { absoluteUrl } from './absolute-url.ts';
import { OG_IMAGE_SIZE } from './og-paths.ts';

export type JsonLd = Record<string, unknown>;

const CONTEXT = 'https://schema.org';

/** The parts of the site settings the builders read. */
export type SiteIdentity = Pick<SiteConfig, 'title' | 'description' | 'url' | 'base' | 'lang' | 'author' | 'social'>;

/** The parts of a case study's frontmatter the article builder reads. */
export interface ArticleSource {
  title: string;
  summary: string;
  subtitle?: string | undefined;
  date: Date;
  updated?: Date | undefined;
  category: string;
  stack: string[];
  tags: string[];
}

/** The author's home page URL, used as the Person's stable @id everywhere. */
function personId(site: SiteIdentity): string {
  return `${absoluteUrl(site, '/')}#person`;
}

/** A short reference to the author, for use inside other objects. */
function authorRef(site: SiteIdentity): JsonLd {
  return { '@type': 'Person', '@id': personId(site), name: site.author.name, url: absoluteUrl(site, '/') };
}

/** The author as a Person: name, role, bio, home page, social profiles and email. */
export function personJsonLd(site: SiteIdentity, url: string): JsonLd {
  const { author } = site;
  return {
    '@context': CONTEXT,
    '@type': 'Person',
    '@id': personId(site),
    name: author.name,
    jobTitle: author.role,
    description: author.bio,
    url,
    ...(site.social.length > 0 ? { sameAs: site.social.map((s) => s.url) } : {}),
    ...(author.email ? { email: author.email } : {}),
    ...(author.avatar ? { image: absoluteUrl(site, author.avatar) } : {}),
  };
}

/** The site itself, published by the author. */
export function websiteJsonLd(site: SiteIdentity, url: string): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'WebSite',
    name: site.title,
    description: site.description,
    url,
    inLanguage: site.lang,
    publisher: authorRef(site),
  };
}

/**
 * Keywords of a case study: its stack followed by its topic tags, de-duplicated
 * case-insensitively (the frontmatter already does this within each list, not across).
 */
export function articleKeywords(study: Pick<ArticleSource, 'stack' | 'tags'>): string[] {
  const seen = new Set<string>();
  return [...study.stack, ...study.tags].filter((k) => {
    const key = k.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A case study as a TechArticle. `url` is the page's canonical URL and `image` the
 * absolute URL of its Open Graph card.
 */
export function articleJsonLd(study: ArticleSource, url: string, image: string, site: SiteIdentity): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'TechArticle',
    headline: study.title,
    ...(study.subtitle ? { alternativeHeadline: study.subtitle } : {}),
    description: study.summary,
    datePublished: study.date.toISOString(),
    dateModified: (study.updated ?? study.date).toISOString(),
    author: authorRef(site),
    publisher: authorRef(site),
    keywords: articleKeywords(study),
    articleSection: study.category,
    image: { '@type': 'ImageObject', url: image, width: OG_IMAGE_SIZE.width, height: OG_IMAGE_SIZE.height },
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    inLanguage: site.lang,
    isPartOf: { '@type': 'WebSite', name: site.title, url: absoluteUrl(site, '/') },
  };
}

/**
 * JSON for inside <script type="application/ld+json">. `<` is escaped so that a title
 * containing "</script>" cannot end the script element early (and `>`, `&`, U+2028/9 for
 * good measure); the escapes are still valid JSON and parse back to the same text.
 */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

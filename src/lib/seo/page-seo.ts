/**
 * What a page tells machines about itself, as one typed `seo` prop that goes from the page
 * through its layouts to SeoHead.astro, which prints it (meta-tags.ts, json-ld.ts). The
 * head reads the article's tags and dates from here, never back out of the JSON-LD.
 */
import { routes } from '../urls.ts';
import { absoluteUrl } from './absolute-url.ts';
import { articleJsonLd, articleKeywords, type ArticleSource, type JsonLd, type SiteIdentity } from './json-ld.ts';
import type { FeedLink } from './feeds/paths.ts';

/** An article's Open Graph facts (og:type article, article:* tags). */
export interface ArticleSeo {
  published: Date;
  modified?: Date | undefined;
  /** article:tag values. */
  tags: string[];
}

export interface PageSeo {
  /** Site-relative path of the Open Graph PNG (no base); the site-wide card when undefined. */
  image?: string | undefined;
  /** Set on an article page; otherwise the page is og:type website. */
  article?: ArticleSeo | undefined;
  /** Structured data (schema.org objects), one <script type="application/ld+json"> each. */
  jsonLd?: JsonLd[] | undefined;
  /** Keep the page out of search engines and the sitemap (404, drafts): no canonical link. */
  noindex?: boolean | undefined;
  /** The page's own feeds (a category's or tag's), advertised before the site's three. */
  feeds?: FeedLink[] | undefined;
}

/** A case study page: its card, article dates and tags, TechArticle JSON-LD, drafts noindex. */
export function caseStudySeo(
  study: { id: string; data: ArticleSource & { draft?: boolean | undefined } },
  modified: Date,
  site: SiteIdentity,
): PageSeo {
  const image = routes.caseStudyCard(study.id);
  return {
    image,
    article: { published: study.data.date, modified, tags: articleKeywords(study.data) },
    jsonLd: [articleJsonLd({ ...study.data, updated: modified }, absoluteUrl(site, routes.caseStudy(study.id)), absoluteUrl(site, image), site)],
    noindex: study.data.draft === true,
  };
}

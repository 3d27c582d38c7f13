/**
 * /rss.xml: every published case study, newest first (items built in lib/seo/feed.ts).
 * RSS 2.0 via @astrojs/rss, with an atom:link rel="self" so validators and readers know
 * the feed's own address.
 */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCaseStudies } from '../lib/case-studies.ts';
import { absoluteUrl } from '../lib/seo/absolute-url.ts';
import { FEED_PATH, feedItems } from '../lib/seo/feed.ts';
import { siteConfig } from '../site.config.ts';

export const GET: APIRoute = async () => {
  const studies = await getCaseStudies();
  return rss({
    title: `${siteConfig.title} · ${siteConfig.author.name}`,
    description: siteConfig.description,
    site: absoluteUrl(siteConfig, '/'),
    items: feedItems(studies, siteConfig),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: [
      `<language>${siteConfig.lang}</language>`,
      `<atom:link href="${absoluteUrl(siteConfig, FEED_PATH)}" rel="self" type="application/rss+xml"/>`,
    ].join(''),
  });
};

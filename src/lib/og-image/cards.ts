/**
 * What goes on each card: a case study's title, category, status, stack and subtitle, or
 * for every other page the site's own card. Kept apart from the design (card.ts) so the
 * choice of content is testable on its own.
 */
import type { SiteConfig } from '../../site.config.ts';
import type { Status } from '../../content.config.ts';
import { STATUS_INFO } from '../status.ts';
import { displayHost } from '../seo/absolute-url.ts';
import type { CardPicture, OgCardData } from './card.ts';

export interface CardStudy {
  title: string;
  subtitle?: string | undefined;
  category: string;
  status: Status;
  stack: string[];
}

type CardSite = Pick<SiteConfig, 'title' | 'description' | 'url' | 'base' | 'author'>;

/** `picture`: the study's `cover.image`, prepared by cover-picture.ts, shown beside the text. */
export function caseStudyCard(study: CardStudy, site: CardSite, picture?: CardPicture): OgCardData {
  return {
    ...(picture ? { picture } : {}),
    eyebrow: study.category,
    title: study.title,
    subtitle: study.subtitle,
    badge: STATUS_INFO[study.status].label,
    chips: study.stack,
    author: site.author.name,
    site: displayHost(site),
  };
}

export function siteCard(site: CardSite): OgCardData {
  return {
    eyebrow: `${site.title} · ${site.author.role}`,
    title: site.description,
    chips: [],
    author: site.author.name,
    site: displayHost(site),
  };
}

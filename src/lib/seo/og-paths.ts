/**
 * Where the generated Open Graph images live, site-relative and without the base path
 * (BaseLayout's `image` prop takes this form). The endpoints in src/pages/og/ generate
 * exactly these files, so pages and endpoints cannot disagree about a name.
 */

/** 1200x630: the size Facebook, LinkedIn, X and Slack all crop least. */
export const OG_IMAGE_SIZE = { width: 1200, height: 630 } as const;

export const DEFAULT_OG_IMAGE = '/og/default.png';

export function caseStudyOgImage(slug: string): string {
  return `/og/case-studies/${slug}.png`;
}

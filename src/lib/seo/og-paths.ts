/**
 * The size of the generated Open Graph images. Their URLs are `routes.caseStudyCard` and
 * `routes.defaultCard` in src/lib/urls.ts; the endpoints in src/pages/og/ generate exactly
 * those files.
 */

/** 1200x630: the size Facebook, LinkedIn, X and Slack all crop least. */
export const OG_IMAGE_SIZE = { width: 1200, height: 630 } as const;

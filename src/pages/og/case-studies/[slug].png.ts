/**
 * /og/case-studies/<slug>.png: one 1200x630 preview card per published case study, made
 * at build time (cached on disk between builds; see lib/og-image/renderer.ts). In a build,
 * every card is queued on the worker pool as soon as the paths are known, so they render
 * in parallel while Astro writes them out one by one.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCaseStudies, type CaseStudy } from '../../../lib/case-studies.ts';
import { caseStudyCard } from '../../../lib/og-image/cards.ts';
import { coverPicture } from '../../../lib/og-image/cover-picture.ts';
import { ogRenderer, pngResponse } from '../../../lib/og-image/build-renderer.ts';
import { siteConfig } from '../../../site.config.ts';

/** The card for one study, with its `cover.image` beside the text when it has one. */
async function cardFor(study: CaseStudy) {
  const image = study.data.cover?.image;
  const picture = image ? await coverPicture(study.filePath ?? `content/case-studies/${study.id}.md`, image) : undefined;
  return caseStudyCard(study.data, siteConfig, picture);
}

export const getStaticPaths = (async () => {
  const studies = await getCaseStudies();
  if (import.meta.env.PROD) ogRenderer.prefetch(await Promise.all(studies.map(cardFor)));
  return studies.map((study) => ({ params: { slug: study.id }, props: { study } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ study: CaseStudy }> = async ({ props }) =>
  pngResponse(await ogRenderer.render(await cardFor(props.study)));

/**
 * The Markdown plugins Casebook adds to every case study, in order, for
 * `markdown.processor: satteri(...)` in astro.config.mjs: Astro's default processor, about a
 * third cheaper per build than the unified remark/rehype pipeline (measured with
 * `npm run bench`). Each is a thin adapter over the same core as the remark plugins in
 * src/lib/diagrams/, which the validator and the text-diagram collector still run.
 */
import type { Features, HastPluginList, MdastPluginList } from 'satteri';
import { satteriDiagramNames } from './diagrams/satteri-diagram-names.ts';
import { satteriSvgNamespaceFix, satteriTextDiagrams } from './diagrams/text/satteri-text-diagrams.ts';
import { siteConfig } from '../site.config.ts';

export const mdastPlugins: MdastPluginList = [
  satteriDiagramNames(),
  // ```mermaid / ```d2 / ```dot fences -> diagram figures (after the name check sees them).
  satteriTextDiagrams({ base: siteConfig.base }),
];

/**
 * Parser features Casebook's plugins need on top of Astro's defaults: `rawHtml` lets the
 * text-diagram figures (mdast `html` nodes) compile to MDX as elements. MDX source itself has
 * no raw HTML (it is JSX), so this changes nothing else in case studies.
 */
export const features: Features = { rawHtml: true };

/** Hast plugins: a workaround for a Sätteri bug in the figures' inline SVG (see the plugin). */
export const hastPlugins: HastPluginList = [satteriSvgNamespaceFix];

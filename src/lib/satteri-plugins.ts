/**
 * The Markdown plugins Casebook adds to every case study (`.md` and `.mdx`), in order, for
 * `markdown.processor` in astro.config.mjs: Astro's default processor, about a third cheaper
 * per build than the unified remark/rehype pipeline (measured with `npm run bench`). The
 * `<Diagram name>` check asks the diagram catalogue (src/lib/diagrams/catalogue.ts), as the
 * validator does; the text-diagram plugin shares `renderTextDiagramFences` with the remark
 * plugin that the text-diagram collector (text/collect.ts) runs; the write-up features
 * (callouts, math, code fences, HTML images) live in src/lib/markdown/.
 */
import type { HastPluginList, MdastPluginList } from 'satteri';
import { satteriDiagramNames } from './diagrams/satteri-diagram-names.ts';
import { satteriSvgNamespaceFix, satteriTextDiagrams } from './diagrams/text/satteri-text-diagrams.ts';
import { satteriCallouts } from './markdown/satteri-callouts.ts';
import { satteriCodeFences } from './markdown/satteri-code-fences.ts';
import { satteriImages } from './markdown/satteri-images.ts';
import { satteriCollectHeadingIds, satteriUniqueHeadingIds } from './markdown/satteri-heading-ids.ts';
import { satteriLineHighlights } from './markdown/satteri-line-highlights.ts';
import { satteriMath } from './markdown/satteri-math.ts';
import { siteConfig } from '../site.config.ts';

export const mdastPlugins: MdastPluginList = [
  satteriDiagramNames(),
  // ```mermaid / ```d2 / ```dot fences -> diagram figures (after the name check sees them).
  satteriTextDiagrams({ base: siteConfig.base }),
  // > [!NOTE] and :::tip[Title] -> <Callout> markup.
  satteriCallouts(),
  // $…$, $$…$$, $`…`$ -> MathML.
  satteriMath(),
  // Titles above code blocks; unknown languages as plain text.
  satteriCodeFences(),
  // <img src="./x.png"> through Astro's image pipeline.
  satteriImages(),
  // Ids written as {#id}, so other headings' slugs avoid them.
  satteriCollectHeadingIds,
];

/** Parser features: shared with the validator (src/lib/markdown/features.ts). */
export { features } from './markdown/features.ts';

/**
 * Hast plugins: workarounds for two Sätteri bugs (inline SVG namespaces; fence meta lost), and
 * unique heading ids next to written ones (before Astro's heading step).
 */
export const hastPlugins: HastPluginList = [satteriSvgNamespaceFix, satteriLineHighlights, satteriUniqueHeadingIds];

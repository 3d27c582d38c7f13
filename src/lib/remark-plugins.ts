/**
 * The remark plugins Casebook adds to every case study, in order.
 *
 * Kept in one list so that astro.config.mjs stays short and each feature (diagram names,
 * text diagrams, ...) registers its plugin here next to the others.
 */
import type { RemarkPlugins } from '@astrojs/markdown-remark';
import remarkDiagramNames from './diagrams/remark-diagram-names.ts';
import { remarkTextDiagrams } from './diagrams/text/remark-text-diagrams.ts';
import { siteConfig } from '../site.config.ts';

export const remarkPlugins: RemarkPlugins = [
  remarkDiagramNames,
  // ```mermaid / ```d2 / ```dot fences -> diagram figures (after the name check sees them).
  [remarkTextDiagrams, { base: siteConfig.base }],
];

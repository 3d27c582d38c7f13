/**
 * The remark plugins Casebook adds to every case study, in order.
 *
 * Kept in one list so that astro.config.mjs stays short and each feature (diagram names,
 * text diagrams, ...) registers its plugin here next to the others.
 */
import type { RemarkPlugins } from '@astrojs/markdown-remark';
import remarkDiagramNames from './diagrams/remark-diagram-names.ts';

export const remarkPlugins: RemarkPlugins = [remarkDiagramNames];

/**
 * The components every case study can use without importing them. The validator checks
 * MDX bodies against this list, so an unknown or misspelt component is reported with its
 * file and line before Astro runs.
 */
export const MDX_COMPONENT_NAMES = ['Callout', 'WhyCard', 'CardGrid', 'Metrics', 'Metric', 'Diagram'] as const;
export type MdxComponentName = (typeof MDX_COMPONENT_NAMES)[number];

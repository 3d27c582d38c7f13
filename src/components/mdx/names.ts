/**
 * The components every case study can use without importing them, and the props each one
 * takes. The validator checks MDX bodies against both, so an unknown component, a misspelt
 * prop or a missing required one is reported with its file and line before Astro runs
 * (instead of a render error that names a page template, or a prop silently ignored).
 */
export const MDX_COMPONENT_NAMES = ['Callout', 'WhyCard', 'CardGrid', 'Metrics', 'Metric', 'Diagram'] as const;
export type MdxComponentName = (typeof MDX_COMPONENT_NAMES)[number];

export const CALLOUT_TYPES = ['note', 'tip', 'warning', 'lesson'] as const;
export type CalloutType = (typeof CALLOUT_TYPES)[number];

export interface ComponentProps {
  /** Every prop the component reads. */
  props: readonly string[];
  required: readonly string[];
  /** Props whose (literal) value must be one of a list. */
  oneOf?: Readonly<Record<string, readonly string[]>>;
}

export const MDX_COMPONENT_PROPS: Record<MdxComponentName, ComponentProps> = {
  Callout: { props: ['type', 'title'], required: [], oneOf: { type: CALLOUT_TYPES } },
  WhyCard: { props: ['question'], required: ['question'] },
  CardGrid: { props: [], required: [] },
  Metrics: { props: [], required: [] },
  Metric: { props: ['label', 'value', 'detail'], required: ['label', 'value'] },
  // `name` itself is checked against the diagrams that exist (src/lib/diagrams/names.ts).
  Diagram: { props: ['name', 'caption', 'alt'], required: [] },
};

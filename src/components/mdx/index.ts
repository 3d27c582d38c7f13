/**
 * The components passed to every case study's MDX, so authors use them without imports.
 * The names are exactly MDX_COMPONENT_NAMES (what the validator accepts): the type
 * `Record<MdxComponentName, ...>` makes `npm run check` fail on a missing or an extra one.
 */
import Callout from './Callout.astro';
import WhyCard from './WhyCard.astro';
import CardGrid from './CardGrid.astro';
import Metrics from './Metrics.astro';
import Metric from './Metric.astro';
import Diagram from '../Diagram.astro';
import type { MdxComponentName } from './names.ts';

export const mdxComponents: Record<MdxComponentName, unknown> = {
  Callout,
  WhyCard,
  CardGrid,
  Metrics,
  Metric,
  Diagram,
};

/**
 * The components passed to every case study's MDX, so authors use them without imports.
 * The names must match MDX_COMPONENT_NAMES (checked by a unit test).
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

/**
 * Human labels and short explanations for each case-study status: the label is the badge
 * (StatusBadge.astro) and the social card's status line; the explanation is the badge's
 * tooltip (its `title`), so a reader can tell whether a system ran in production or is a
 * design exercise.
 */
import type { Status } from '../content.config.ts';

export const STATUS_INFO: Record<Status, { label: string; description: string }> = {
  production: { label: 'In production', description: 'Built and operated with real traffic.' },
  'design-exercise': { label: 'Design exercise', description: 'A worked design, not a deployed system.' },
  'reference-architecture': {
    label: 'Reference architecture',
    description: 'A blueprint for how such a system should be built.',
  },
  'in-progress': { label: 'In progress', description: 'Architecture complete; implementation under way.' },
  research: { label: 'Research', description: 'A study with a formal or experimental result.' },
};

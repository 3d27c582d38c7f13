/**
 * Labels for a case study's outbound links ("Source code", "Paper", ...), so authors
 * only write `kind` and `url` and every page words them the same way.
 */
import type { LinkKind } from '../content.config.ts';

export const LINK_LABELS: Record<LinkKind, string> = {
  code: 'Source code',
  paper: 'Paper',
  demo: 'Live demo',
  slides: 'Slides',
  article: 'Write-up',
  website: 'Website',
  video: 'Talk',
};

export function linkLabel(link: { kind: LinkKind; label?: string | undefined }): string {
  return link.label ?? LINK_LABELS[link.kind];
}

/**
 * Synthetic case studies for `npm run bench`: N MDX files that look like real ones (valid
 * frontmatter with varied taxonomy, metrics, links, some cover diagrams; the five standard
 * sections with several paragraphs; one code block; one <Diagram>; one text-diagram fence;
 * WhyCards, a Callout, sometimes Metrics), deterministic for a given index so every run
 * builds the same site.
 */
import { stringify } from 'yaml';
import { LINK_KINDS, STATUSES, type CaseStudyInput } from '../../content.config.ts';
import { slugify } from '../../lib/slug.ts';
import { codeBlock } from './code-samples.ts';
import { seededRandom, type Random } from './random.ts';
import {
  ACTORS,
  CATEGORIES,
  METRIC_LABELS,
  METRIC_VALUES,
  OBJECTS,
  OUTCOMES,
  STACK,
  SYSTEM_ADJECTIVES,
  SYSTEM_NOUNS,
  TAGS,
  VERBS,
} from './vocabulary.ts';

export interface SyntheticStudyOptions {
  /** Diagram names (files in diagrams/ without .svg) the studies may reference; not empty. */
  diagrams: readonly string[];
  /** The body of the study's text-diagram fence (without the ``` lines). */
  textDiagram: (i: number) => string;
  /** Language of the text-diagram fence; `mermaid` unless the caller knows better. */
  textDiagramLanguage?: string;
}

export interface SyntheticStudy {
  /** The page slug: the file name without `.mdx`. */
  slug: string;
  fileName: string;
  /** The whole MDX file: frontmatter and body. */
  source: string;
  /** The frontmatter before schema parsing (what an author would have written). */
  frontmatter: CaseStudyInput;
  /** The diagram its <Diagram> references. */
  diagram: string;
}

/** The five section headings every Casebook case study uses, in order. */
export const STANDARD_SECTIONS = [
  'Problem',
  'Architecture',
  'Technical Challenges',
  'Key Design Decisions',
  'Lessons Learned',
] as const;

export function syntheticStudies(count: number, options: SyntheticStudyOptions): SyntheticStudy[] {
  return Array.from({ length: count }, (_, i) => syntheticStudy(i, options));
}

export function syntheticStudy(i: number, options: SyntheticStudyOptions): SyntheticStudy {
  if (options.diagrams.length === 0) throw new Error('syntheticStudy: expected at least one diagram name');
  const rnd = seededRandom(0x5eed + i * 7919);
  const title = `${rnd.pick(SYSTEM_ADJECTIVES)} ${rnd.pick(SYSTEM_NOUNS)} ${i + 1}`;
  const slug = `${slugify(title)}`;
  const diagram = options.diagrams[i % options.diagrams.length] as string;
  const frontmatter = frontmatterFor(i, title, diagram, rnd);
  const body = bodyFor(i, title, diagram, rnd, options);
  const source = `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${body}\n`;
  return { slug, fileName: `${slug}.mdx`, source, frontmatter, diagram };
}

function frontmatterFor(i: number, title: string, diagram: string, rnd: Random): CaseStudyInput {
  const category = CATEGORIES[i % CATEGORIES.length] as string;
  const stack = rnd.sample(STACK, rnd.int(3, 6));
  const tags = rnd.sample(TAGS, rnd.int(2, 5));
  // Dates spread over 2019-2025, newest for the highest index, so ordering has work to do.
  const date = new Date(Date.UTC(2019, 0, 1) + ((i * 2_654_435) % (6 * 365)) * 86_400_000);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const fm: CaseStudyInput = {
    title,
    subtitle: `${rnd.pick(SYSTEM_ADJECTIVES)} ${stack[0]} at ${rnd.int(2, 90)}K RPS`,
    summary: truncate(
      `How ${rnd.pick(ACTORS)} ${rnd.pick(VERBS)} ${rnd.pick(OBJECTS)} with ${stack.slice(0, 2).join(' and ')}, ${rnd.pick(OUTCOMES)}.`,
      230,
    ),
    date: iso(date),
    category,
    stack,
    tags,
    status: STATUSES[i % STATUSES.length] as CaseStudyInput['status'],
    featured: i % 37 === 0,
    problemSolved: `${capitalise(rnd.pick(ACTORS))} no longer ${rnd.pick(VERBS)} ${rnd.pick(OBJECTS)} by hand.`,
    metrics: rnd.sample(METRIC_LABELS, rnd.int(2, 4)).map((label) => ({
      label,
      value: METRIC_VALUES[METRIC_LABELS.indexOf(label)] as string,
      ...(rnd.chance(0.5) ? { detail: 'measured over 30 days at peak' } : {}),
    })),
    links: rnd.sample(LINK_KINDS, rnd.int(1, 3)).map((kind) => ({
      kind,
      url: `https://example.com/casebook-bench/${i}/${kind}`,
    })),
  };
  if (i % 5 === 1) fm.updated = iso(new Date(date.getTime() + 90 * 86_400_000));
  if (i % 3 === 0) {
    fm.cover = {
      diagram,
      alt: `Architecture of the ${title.toLowerCase()}: clients, services and stores.`,
      keyPoints: Array.from({ length: rnd.int(3, 5) }, () => sentence(rnd).replace(/\.$/, '')),
    };
  }
  return fm;
}

function bodyFor(i: number, title: string, diagram: string, rnd: Random, options: SyntheticStudyOptions): string {
  const lang = options.textDiagramLanguage ?? 'mermaid';
  const parts: string[] = [];
  const [problem, architecture, challenges, decisions, lessons] = STANDARD_SECTIONS;

  parts.push(`## ${problem}`, paragraph(rnd), paragraph(rnd), paragraph(rnd));

  parts.push(
    `## ${architecture}`,
    `<Diagram name="${diagram}" caption="How the ${escapeAttr(title.toLowerCase())} fits together: requests, stores and the slow path." />`,
    paragraph(rnd),
    paragraph(rnd),
    codeBlock(i),
    paragraph(rnd),
    ['```' + `${lang} title="Request flow ${i + 1}"`, options.textDiagram(i).trim(), '```'].join('\n'),
  );
  if (i % 5 === 2) {
    parts.push(
      '<Metrics>',
      `<Metric label="Throughput" value="${10 + (i % 90)}k events/sec" />`,
      `<Metric label="p99 latency" value="${20 + (i % 60)} ms" detail="at peak" />`,
      '</Metrics>',
    );
  }

  parts.push(`## ${challenges}`);
  for (let k = 0, n = rnd.int(2, 3); k < n; k++) {
    parts.push(`### ${capitalise(rnd.pick(OBJECTS))} ${k + 1}`, paragraph(rnd));
    if (rnd.chance(0.5)) parts.push(paragraph(rnd));
  }

  parts.push(`## ${decisions}`, '<CardGrid>');
  for (let k = 0, n = rnd.int(2, 3); k < n; k++) {
    parts.push(
      `<WhyCard question="Why ${rnd.pick(VERBS).replace(/s$/, '')} ${rnd.pick(OBJECTS)}?">`,
      paragraph(rnd),
      '</WhyCard>',
    );
  }
  parts.push('</CardGrid>', paragraph(rnd));
  const calloutType = (['note', 'tip', 'warning', 'lesson'] as const)[i % 4];
  parts.push(`<Callout type="${calloutType}" title="What we would do again">`, paragraph(rnd), '</Callout>');

  parts.push(`## ${lessons}`, Array.from({ length: rnd.int(4, 5) }, () => `- ${sentence(rnd)}`).join('\n'));
  return parts.join('\n\n');
}

function sentence(rnd: Random): string {
  const extra = rnd.chance(0.3) ? ` using \`${rnd.pick(STACK).toLowerCase().replace(/\W+/g, '-')}\`` : '';
  return `${capitalise(rnd.pick(ACTORS))} ${rnd.pick(VERBS)} ${rnd.pick(OBJECTS)}${extra}, ${rnd.pick(OUTCOMES)}.`;
}

function paragraph(rnd: Random): string {
  return Array.from({ length: rnd.int(3, 5) }, () => sentence(rnd)).join(' ');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}.`;
}

function escapeAttr(text: string): string {
  return text.replace(/"/g, '&quot;');
}

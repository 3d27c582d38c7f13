/**
 * The content model: the one place that says what a case study is.
 *
 * Everything else (pages, the scaffold, the JSON Schema for editors, the validator that
 * prints friendly errors) derives from `caseStudySchema`. It normalises data on the way
 * in (trimmed tags, dates as Date objects, categories with stable slugs) so pages never
 * clean data themselves.
 *
 * `defineCollection` is imported from `astro/content/config` rather than the
 * `astro:content` virtual module so that this file also loads in plain Node (vitest, the
 * CLI validator) and the schema stays testable without booting Astro.
 */
import { defineCollection } from 'astro/content/config';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** The lifecycle states a case study can be in, in the order they are listed. */
export const STATUSES = [
  'production',
  'design-exercise',
  'reference-architecture',
  'in-progress',
  'research',
] as const;
export type Status = (typeof STATUSES)[number];

/** Kinds of outbound link a case study can carry; each gets its own label and icon. */
export const LINK_KINDS = ['code', 'paper', 'demo', 'slides', 'article', 'website', 'video'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

const nonEmpty = (what: string) =>
  z.string({ error: `expected ${what} (a non-empty string)` }).trim().min(1, { error: `expected ${what}, found an empty string` });

const dateField = (what: string) =>
  z.coerce.date({ error: `expected ${what} as a date like 2024-11-20` });

/** A tag list: trimmed, de-duplicated (case-insensitively), order kept. */
const tagList = (what: string) =>
  z
    .array(nonEmpty(what), { error: `expected a list of ${what}s, e.g. [Kafka, Go]` })
    .default([])
    .transform((tags) => {
      const seen = new Set<string>();
      return tags.filter((t) => {
        const key = t.toLowerCase();
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    });

export const metricSchema = z.strictObject({
  /** What is measured, e.g. "Throughput". */
  label: nonEmpty('a metric label'),
  /** The figure as it should read, e.g. "50k+ events/sec". Kept as text on purpose. */
  value: nonEmpty('a metric value').or(z.number().transform(String)),
  /** Optional context, e.g. "sustained at peak, p99 < 40 ms". */
  detail: z.string().trim().optional(),
});

export const linkSchema = z.strictObject({
  kind: z.enum(LINK_KINDS, { error: `expected a link kind: one of ${LINK_KINDS.join(', ')}` }),
  /** An absolute URL (https://...) or a site-relative path (/papers/x.pdf). */
  url: z
    .string({ error: 'expected a URL' })
    .trim()
    .refine((u) => /^https?:\/\//.test(u) || u.startsWith('/'), {
      error: 'expected an absolute http(s) URL or a path starting with /',
    }),
  /** Optional label; defaults to a label for the kind ("Source code", "Paper", ...). */
  label: z.string().trim().optional(),
});

export const coverSchema = z
  .strictObject({
    /** Name of a diagram: `diagrams/<name>.svg`, or a named text-diagram fence in the body. */
    diagram: nonEmpty('a diagram name').optional(),
    /**
     * Or a picture (a screenshot, a photo of the whiteboard): a path relative to the case study,
     * e.g. `./dashboard.png`. Optimised like images in the body; `alt` is then required.
     */
    image: nonEmpty('an image path like ./screenshot.png').optional(),
    /** Text alternative for the cover on cards; defaults to the diagram's <title>. */
    alt: z.string().trim().optional(),
    /** Three to five short points shown next to the diagram on the architecture page. */
    keyPoints: z.array(nonEmpty('a key point')).default([]),
  })
  .superRefine((cover, ctx) => {
    if (cover.diagram === undefined && cover.image === undefined) {
      ctx.addIssue({ code: 'custom', message: 'expected cover.diagram (a diagram name) or cover.image (a picture next to the file)' });
    } else if (cover.diagram !== undefined && cover.image !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['image'], message: 'expected either cover.diagram or cover.image, not both' });
    } else if (cover.image !== undefined && !cover.alt) {
      ctx.addIssue({ code: 'custom', path: ['alt'], message: 'expected alt text for cover.image (what the picture shows), e.g. alt: Grafana dashboard of p99 latency' });
    }
  });

/** Membership of a multi-part series: studies with the same `name` are read in `part` order. */
export const seriesSchema = z.strictObject({
  /** The series' title, e.g. "Payments at scale"; it gets a page at /series/<slug>/. */
  name: nonEmpty('a series name'),
  /** This study's place in the series: 1, 2, 3, ... */
  part: z
    .number({ error: 'expected a part number like 1, 2 or 3' })
    .int({ error: 'expected a whole part number like 1, 2 or 3' })
    .positive({ error: 'expected a part number of 1 or more' }),
});

export const caseStudySchema = z.strictObject({
  title: nonEmpty('a title'),
  /** One-line summary shown on cards, in feeds and as the meta description. */
  summary: nonEmpty('a one-line summary').pipe(
    z.string().max(240, { error: 'expected a summary of at most 240 characters (one or two sentences)' }),
  ),
  /** Optional short kicker under the title, e.g. "Serverless Cybersecurity Platform". */
  subtitle: z.string().trim().optional(),
  date: dateField('the publication date'),
  updated: dateField('the date of the last update').optional(),
  /** Free text: a new category needs no code change; it gets its own page. */
  category: nonEmpty('a category, e.g. Distributed Systems'),
  /** Technologies used. Each becomes a tag page. */
  stack: tagList('technology'),
  /** Topics beyond the stack (e.g. Zero-Knowledge, HIPAA). Also tag pages. */
  tags: tagList('tag'),
  status: z.enum(STATUSES, {
    error: `expected a status: one of ${STATUSES.join(', ')}`,
  }),
  featured: z.boolean({ error: 'expected true or false' }).default(false),
  /** Drafts render in `npm run dev` and are left out of production builds. */
  draft: z.boolean({ error: 'expected true or false' }).default(false),
  /** The "Problem Solved" line: what changed because this system exists. */
  problemSolved: z.string().trim().optional(),
  metrics: z.array(metricSchema).default([]),
  links: z.array(linkSchema).default([]),
  cover: coverSchema.optional(),
  /** Part of a multi-part series: `{ name: Payments at scale, part: 2 }`. */
  series: seriesSchema.optional(),
}).refine((d) => !d.updated || d.updated >= d.date, {
  error: 'expected `updated` to be on or after `date`',
  path: ['updated'],
});

export type CaseStudyData = z.output<typeof caseStudySchema>;
export type CaseStudyInput = z.input<typeof caseStudySchema>;

/** Where case studies live, relative to the project root. */
export const CASE_STUDIES_DIR = 'content/case-studies';

export const collections = {
  'case-studies': defineCollection({
    // .md and .markdown are Markdown (CommonMark + GFM + raw HTML); .mdx adds components.
    loader: glob({ pattern: '**/*.{md,markdown,mdx}', base: `./${CASE_STUDIES_DIR}` }),
    schema: caseStudySchema,
  }),
};

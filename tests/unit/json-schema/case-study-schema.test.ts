import { readFile } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { caseStudySchema } from '../../../src/content.config.ts';
import { CASE_STUDY_SCHEMA_FILE, renderCaseStudyJsonSchema } from '../../../src/tools/schema/json-schema.ts';
import { parseFrontmatter } from '../../../src/tools/validation/frontmatter.ts';

const BASE = `title: Idempotent payments
summary: Exactly-once charges on an at-least-once queue.
date: 2024-11-20
category: Payments
status: production`;

const GOOD: Record<string, string> = {
  minimal: BASE,
  'every field': `${BASE}
subtitle: Payments platform
updated: 2025-01-02
stack: [Go, Kafka]
tags: [PCI]
featured: true
draft: false
problemSolved: No double charges.
metrics:
  - label: Throughput
    value: 50k+ events/sec
    detail: sustained
  - label: Services
    value: 12
links:
  - kind: code
    url: https://github.com/x/y
  - kind: paper
    url: /papers/x.pdf
    label: The paper
cover:
  diagram: payments
  alt: The payment flow
  keyPoints: [Outbox, Idempotency keys]`,
};

const BAD: Record<string, string> = {
  'missing title': BASE.replace(/^title: .*\n/, ''),
  'whitespace-only title': BASE.replace('title: Idempotent payments', 'title: "   "'),
  'summary over 240 characters': BASE.replace(/^summary: .*$/m, `summary: ${'x'.repeat(241)}`),
  'unknown key (typo)': `${BASE}\nsumary: typo`,
  'unknown status': BASE.replace('status: production', 'status: shipped'),
  'date that is not a date': BASE.replace('2024-11-20', 'next week'),
  'featured as a string': `${BASE}\nfeatured: "yes"`,
  'tags as a string': `${BASE}\ntags: Kafka`,
  'link URL without a scheme': `${BASE}\nlinks:\n  - kind: code\n    url: github.com/x/y`,
  'unknown link kind': `${BASE}\nlinks:\n  - kind: blog\n    url: https://x.dev`,
  'metric with an unknown key': `${BASE}\nmetrics:\n  - label: A\n    value: B\n    unit: ms`,
  'metric without a value': `${BASE}\nmetrics:\n  - label: A`,
  'cover without a diagram': `${BASE}\ncover:\n  alt: x`,
};

async function committedSchema(): Promise<object> {
  return JSON.parse(await readFile(CASE_STUDY_SCHEMA_FILE, 'utf8')) as object;
}

describe('schema/case-study.schema.json', () => {
  it('is committed and identical to what `npm run schema` generates from the zod schema', async () => {
    expect(await readFile(CASE_STUDY_SCHEMA_FILE, 'utf8')).toBe(renderCaseStudyJsonSchema());
  });

  it('accepts and rejects the same frontmatter as the zod schema', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    // The format an editor checks; ajv-formats would add the same regex plus a calendar check.
    ajv.addFormat('date', /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
    const validate = ajv.compile(await committedSchema());

    const verdicts = (examples: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(examples).map(([name, yaml]) => {
          // Editors see YAML 1.2, where a date is a string; Astro (and our validator) see a Date.
          const asEditorSees = parseYaml(yaml) as unknown;
          const asBuildSees = parseFrontmatter(`---\n${yaml}\n---\n`).data;
          return [name, { jsonSchema: validate(asEditorSees), zod: caseStudySchema.safeParse(asBuildSees).success }];
        }),
      );

    for (const [name, verdict] of Object.entries(verdicts(GOOD))) {
      expect(verdict, name).toEqual({ jsonSchema: true, zod: true });
    }
    for (const [name, verdict] of Object.entries(verdicts(BAD))) {
      expect(verdict, name).toEqual({ jsonSchema: false, zod: false });
    }
  });

  it('describes the fields editors complete, with the allowed statuses', async () => {
    const schema = (await committedSchema()) as { properties: Record<string, { enum?: string[] }>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(Object.keys(caseStudySchema.shape));
    expect(schema.required).toEqual(['title', 'summary', 'date', 'category', 'status']);
    expect(schema.properties['status']?.enum).toContain('design-exercise');
  });
});

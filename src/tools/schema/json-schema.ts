/**
 * The JSON Schema of a case study's frontmatter, generated from `caseStudySchema` (never
 * written by hand), for editors and any other tool that speaks JSON Schema.
 *
 * zod 4's `z.toJSONSchema` does the work, on the input side (what an author writes, before
 * defaults and transforms). The overrides below carry over what it cannot see by itself:
 * - dates: a YAML date (2024-11-20) is a string to an editor → `type: string, format: date`;
 * - trimmed non-empty strings: `"  "` is empty after `.trim()` → `pattern: \S`;
 * - a pipe's output limits (the summary's 240 characters) → merged into the input string;
 * - refinements zod cannot describe, listed in REFINEMENTS by path (the link URL rule).
 * Not expressible in JSON Schema, so only checked by the build: `updated` on or after `date`.
 * tests/unit/json-schema checks that the committed file is fresh and that this schema and zod
 * accept and reject the same examples.
 */
import { z } from 'astro/zod';
import { caseStudySchema } from '../../content.config.ts';

export const CASE_STUDY_SCHEMA_FILE = 'schema/case-study.schema.json';

type JsonSchema = Record<string, unknown>;

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  tx?: (value: string) => string;
}
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  out?: { _zod: { def: Def } };
}

/** JSON Schema fragments for refinements, keyed by a path of property names ('*' = array item). */
const REFINEMENTS: { path: string[]; schema: JsonSchema }[] = [
  {
    path: ['links', '*', 'url'],
    schema: { pattern: '^\\s*(https?://|/)', description: 'An absolute http(s) URL or a site path starting with /' },
  },
  {
    // coverSchema's superRefine: a diagram, or an image with its alt text, not both.
    path: ['cover'],
    schema: {
      oneOf: [
        { properties: { diagram: {} }, required: ['diagram'] },
        { properties: { image: {}, alt: {} }, required: ['image', 'alt'] },
      ],
      not: { properties: { diagram: {}, image: {} }, required: ['diagram', 'image'] },
    },
  },
];

function checksOf(def: Def): CheckDef[] {
  return (def.checks ?? []).map((c) => c._zod.def);
}

function trims(check: CheckDef): boolean {
  return check.check === 'overwrite' && typeof check.tx === 'function' && check.tx(' a ') === 'a';
}

function override(ctx: { zodSchema: unknown; jsonSchema: JsonSchema }): void {
  const def = (ctx.zodSchema as { _zod: { def: Def } })._zod.def;
  const json = ctx.jsonSchema;
  if (def.type === 'date') {
    json['type'] = 'string';
    json['format'] = 'date';
  }
  if (def.type === 'string') {
    const checks = checksOf(def);
    const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
    if (min >= 1 && checks.some(trims)) json['pattern'] = '\\S';
  }
  if (def.type === 'pipe' && def.out?._zod.def.type === 'string' && json['type'] === 'string') {
    for (const check of checksOf(def.out._zod.def)) {
      if (check.check === 'max_length' && check.maximum !== undefined) json['maxLength'] = check.maximum;
    }
  }
}

function applyRefinements(schema: JsonSchema): void {
  for (const { path, schema: extra } of REFINEMENTS) {
    let node: JsonSchema | undefined = schema;
    for (const segment of path) {
      node = segment === '*' ? (node?.['items'] as JsonSchema | undefined) : ((node?.['properties'] as Record<string, JsonSchema> | undefined)?.[segment]);
    }
    if (!node) throw new Error(`json-schema.ts: REFINEMENTS path ${path.join('.')} no longer exists in caseStudySchema`);
    Object.assign(node, extra);
  }
}

export function generateCaseStudyJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(caseStudySchema, { io: 'input', unrepresentable: 'any', override }) as JsonSchema;
  applyRefinements(generated);
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: 'Casebook case study frontmatter',
    description:
      'Generated from caseStudySchema in src/content.config.ts by `npm run schema`; do not edit by hand. Also checked by the build: `updated` must be on or after `date`.',
    ...rest,
  };
}

/** The file's exact text (stable key order, 2-space indent, final newline). */
export function renderCaseStudyJsonSchema(): string {
  return `${JSON.stringify(generateCaseStudyJsonSchema(), null, 2)}\n`;
}

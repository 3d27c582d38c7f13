/**
 * The benchmark's synthetic site must be a site Casebook accepts: every study valid against
 * the content model, every slug unique, every body valid MDX with the features the
 * benchmark is meant to exercise (code block, <Diagram>, text-diagram fence, cards).
 */
import { compile } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { caseStudySchema } from '../../../src/content.config.ts';
import { CODE_LANGUAGES } from '../../../src/tools/bench/code-samples.ts';
import { STANDARD_SECTIONS, syntheticStudies, syntheticStudy } from '../../../src/tools/bench/synthetic-study.ts';
import { sampleTextDiagram } from '../../../src/tools/bench/text-diagram-sample.ts';

const DIAGRAMS = ['distributed-rate-limiter', 'bench-distributed-rate-limiter-v1', 'circuit-breakers'];
const options = { diagrams: DIAGRAMS, textDiagram: sampleTextDiagram };
const N = 120;
const studies = syntheticStudies(N, options);

function split(source: string): { data: unknown; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source);
  if (!m) throw new Error('no frontmatter block');
  return { data: parse(m[1] as string), body: m[2] as string };
}

describe('synthetic case studies', () => {
  it('generates exactly N files with unique slugs matching their file names', () => {
    expect(studies).toHaveLength(N);
    expect(new Set(studies.map((s) => s.slug)).size).toBe(N);
    for (const s of studies) {
      expect(s.fileName).toBe(`${s.slug}.mdx`);
      expect(s.slug).toMatch(/^[a-z0-9-]+$/);
    }
  });

  it('writes frontmatter that the real content schema accepts, in every file', () => {
    for (const s of studies) {
      const result = caseStudySchema.safeParse(split(s.source).data);
      expect(result.success, `${s.fileName}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
    }
  });

  it('varies the taxonomy and includes covers, updates and featured studies', () => {
    const parsed = studies.map((s) => caseStudySchema.parse(split(s.source).data));
    expect(new Set(parsed.map((d) => d.category)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(parsed.flatMap((d) => d.stack)).size).toBeGreaterThanOrEqual(25);
    expect(new Set(parsed.flatMap((d) => d.tags)).size).toBeGreaterThanOrEqual(30);
    expect(parsed.filter((d) => d.cover).length).toBeGreaterThan(N / 5);
    expect(parsed.some((d) => d.updated)).toBe(true);
    expect(parsed.some((d) => d.featured)).toBe(true);
    expect(parsed.every((d) => d.metrics.length >= 2 && d.links.length >= 1 && !d.draft)).toBe(true);
  });

  it('gives every body the five sections, a code block, a diagram, a text-diagram fence and cards', () => {
    studies.forEach((s, i) => {
      const { body } = split(s.source);
      const headings = [...body.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
      expect(headings).toEqual([...STANDARD_SECTIONS]);
      expect(body).toContain('```' + CODE_LANGUAGES[i % CODE_LANGUAGES.length] + '\n');
      expect(body).toContain(`<Diagram name="${s.diagram}"`);
      expect(DIAGRAMS).toContain(s.diagram);
      expect(body).toContain('```mermaid title=');
      expect(body).toContain(sampleTextDiagram(i));
      expect(body).toContain('<WhyCard question=');
      expect(body).toContain('<Callout type=');
      expect(body.split(/\n\n/).length).toBeGreaterThan(15); // several paragraphs, not a stub
    });
  });

  it('uses every diagram it is given, and the code languages in rotation', () => {
    expect(new Set(studies.map((s) => s.diagram))).toEqual(new Set(DIAGRAMS));
    const langs = studies.map((s) => /```(lua|ts|go|python|yaml)\n/.exec(s.source)?.[1]);
    expect(new Set(langs)).toEqual(new Set(CODE_LANGUAGES));
  });

  it('is deterministic: the same index gives the same file', () => {
    expect(syntheticStudy(42, options).source).toBe(studies[42]?.source);
  });

  it('uses the text-diagram source it is given', () => {
    const s = syntheticStudy(3, { ...options, textDiagram: (i) => `sequenceDiagram\n  A->>B: hello ${i}` });
    expect(s.source).toContain('```mermaid title="Request flow 4"\nsequenceDiagram\n  A->>B: hello 3\n```');
  });

  it('produces bodies that compile as MDX', async () => {
    for (const s of studies.slice(0, 10)) {
      await expect(compile(split(s.source).body), s.fileName).resolves.toBeDefined();
    }
  });

  it('refuses to generate without any diagram to reference', () => {
    expect(() => syntheticStudy(0, { ...options, diagrams: [] })).toThrow(/at least one diagram/);
  });
});

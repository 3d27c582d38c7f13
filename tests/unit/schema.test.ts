/** The content model accepts what the seeds need and rejects each kind of bad frontmatter. */
import { describe, expect, it } from 'vitest';
import { caseStudySchema, STATUSES } from '../../src/content.config.ts';

const valid = {
  title: 'Distributed Rate Limiter',
  summary: 'Sliding-window limits in Redis for a 10K-RPS API.',
  subtitle: 'Redis sorted sets and one Lua script',
  date: '2024-04-08',
  updated: '2024-09-30',
  category: 'Distributed Systems',
  stack: ['Redis', 'Lua', 'Go', 'redis'],
  tags: ['Rate Limiting'],
  status: 'production',
  featured: true,
  problemSolved: 'One tenant no longer degrades the API for the others.',
  metrics: [
    { label: 'Protected traffic', value: '10K RPS' },
    { label: 'States explored', value: 14872, detail: 'violation at state 42' },
  ],
  links: [
    { kind: 'code', url: 'https://github.com/example/limiter' },
    { kind: 'paper', url: '/papers/limiter.pdf', label: 'Design note' },
  ],
  cover: { diagram: 'distributed-rate-limiter', keyPoints: ['Atomic via Lua'] },
};

function issuesOf(input: unknown) {
  const result = caseStudySchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('case-study schema: good input', () => {
  it('accepts a complete case study and normalises it', () => {
    const data = caseStudySchema.parse(valid);
    expect(data.date).toBeInstanceOf(Date);
    expect(data.date.toISOString().slice(0, 10)).toBe('2024-04-08');
    expect(data.stack).toEqual(['Redis', 'Lua', 'Go']); // duplicate "redis" dropped
    expect(data.metrics[1]?.value).toBe('14872'); // numbers become display text
    expect(data.cover?.keyPoints).toEqual(['Atomic via Lua']);
  });

  it('fills defaults for a minimal case study', () => {
    const data = caseStudySchema.parse({
      title: 'T',
      summary: 'S',
      date: '2024-01-01',
      category: 'Research',
      status: 'research',
    });
    expect(data).toMatchObject({ stack: [], tags: [], featured: false, draft: false, metrics: [], links: [] });
  });

  it.each(STATUSES)('accepts status %s', (status) => {
    expect(issuesOf({ ...valid, status })).toEqual([]);
  });

  it('accepts any category, so authors add categories without code changes', () => {
    expect(issuesOf({ ...valid, category: 'Quantum Networking' })).toEqual([]);
  });
});

describe('case-study schema: bad input names the field and what was expected', () => {
  it('missing title', () => {
    const { title: _omit, ...rest } = valid;
    expect(issuesOf(rest)).toEqual([{ path: 'title', message: expect.stringContaining('expected a title') }]);
  });

  it('a date that is not a date', () => {
    expect(issuesOf({ ...valid, date: 'last spring' })).toEqual([
      { path: 'date', message: expect.stringMatching(/expected the publication date as a date like \d{4}-\d\d-\d\d/) },
    ]);
  });

  it('unknown status lists the allowed ones', () => {
    const [issue] = issuesOf({ ...valid, status: 'shipped' });
    expect(issue?.path).toBe('status');
    expect(issue?.message).toContain('production, design-exercise, reference-architecture, in-progress, research');
  });

  it('a misspelt field name is rejected, not ignored', () => {
    const { summary, ...rest } = valid;
    const issues = issuesOf({ ...rest, sumary: summary });
    expect(issues.map((i) => i.path).sort()).toEqual(['', 'summary']);
    expect(issues.find((i) => i.path === '')?.message).toContain('sumary');
  });

  it('an empty title, a bad link and a bad metric are all reported at once', () => {
    const issues = issuesOf({
      ...valid,
      title: '  ',
      links: [{ kind: 'repo', url: 'github.com/x' }],
      metrics: [{ label: 'p99' }],
    });
    expect(issues.map((i) => i.path).sort()).toEqual(['links.0.kind', 'links.0.url', 'metrics.0.value', 'title']);
  });

  it('an update before the publication date', () => {
    expect(issuesOf({ ...valid, updated: '2023-01-01' })).toEqual([
      { path: 'updated', message: 'expected `updated` to be on or after `date`' },
    ]);
  });

  it('a summary that is a paragraph rather than a line', () => {
    expect(issuesOf({ ...valid, summary: 'x'.repeat(300) })[0]?.path).toBe('summary');
  });

  it('draft must be a boolean', () => {
    expect(issuesOf({ ...valid, draft: 'yes' })).toEqual([{ path: 'draft', message: 'expected true or false' }]);
  });
});

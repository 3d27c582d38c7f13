/** Ordering, categories, tags, related and neighbours as the index and study pages show them. */
import { describe, expect, it } from 'vitest';
import { byDateDesc, categoriesOf, featured, neighbours, relatedTo, tagIndex, tagsOf } from '../../src/lib/taxonomy.ts';

const study = (id: string, date: string, category: string, stack: string[], tags: string[] = [], isFeatured = false) => ({
  id,
  data: { title: id.toUpperCase(), date: new Date(date), category, stack, tags, featured: isFeatured },
});

const limiter = study('limiter', '2024-04-08', 'Distributed Systems', ['Redis', 'Lua', 'Go'], ['Rate Limiting']);
const payments = study('payments', '2024-06-24', 'Fintech', ['Go', 'PostgreSQL', 'Redis'], ['Idempotency'], true);
const breakers = study('breakers', '2024-10-03', 'Distributed Systems', ['Go'], ['Resilience']);
const mesh = study('mesh', '2023-02-01', 'Security', ['Envoy', 'Rust']);
const all = [limiter, payments, breakers, mesh];

describe('taxonomy', () => {
  it('sorts newest first', () => {
    expect([...all].sort(byDateDesc).map((s) => s.id)).toEqual(['breakers', 'payments', 'limiter', 'mesh']);
  });

  it('groups by category, biggest first, each newest first', () => {
    const cats = categoriesOf(all);
    expect(cats.map((c) => [c.slug, c.items.map((s) => s.id)])).toEqual([
      ['distributed-systems', ['breakers', 'limiter']],
      ['fintech', ['payments']],
      ['security', ['mesh']],
    ]);
  });

  it('tags merge stack and topics, case-insensitively, with URL-safe slugs', () => {
    const withDup = study('x', '2024-01-01', 'A', ['Node.js', 'AWS Lambda'], ['aws lambda']);
    expect(tagsOf(withDup)).toEqual([
      { name: 'Node.js', slug: 'nodejs' },
      { name: 'AWS Lambda', slug: 'aws-lambda' },
    ]);
    const redis = tagIndex(all).find((t) => t.slug === 'redis');
    expect(redis?.items.map((s) => s.id)).toEqual(['payments', 'limiter']);
  });

  it('related studies share tags or category, strongest first, never the study itself', () => {
    expect(relatedTo(limiter, all).map((s) => s.id)).toEqual(['breakers', 'payments']);
    expect(relatedTo(mesh, all)).toEqual([]);
  });

  it('neighbours follow the index order', () => {
    const sorted = [...all].sort(byDateDesc);
    expect(neighbours(payments, sorted)).toEqual({ newer: breakers, older: limiter });
    expect(neighbours(breakers, sorted)).toEqual({ older: payments });
    expect(neighbours(mesh, sorted)).toEqual({ newer: limiter });
  });

  it('featured studies come first, topped up with the newest', () => {
    expect(featured(all, 3).map((s) => s.id)).toEqual(['payments', 'breakers', 'limiter']);
  });
});

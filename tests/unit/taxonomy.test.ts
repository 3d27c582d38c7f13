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

  it('related studies break ties by date, then title, then position; honour the limit', () => {
    const a = study('a', '2024-01-01', 'X', ['Go']);
    const b = study('b', '2024-03-01', 'Y', ['Go']);
    const c = study('c', '2024-02-01', 'Y', ['Go']);
    const twinOne = { id: 'twin-1', data: { ...study('t', '2024-02-01', 'Y', ['Go']).data } };
    const twinTwo = { id: 'twin-2', data: { ...twinOne.data } };
    const list = [a, twinTwo, c, b, twinOne];
    // All score 1 (Go) for a: newest first; c and the twins share a date, so by title (C < T),
    // and the twins, identical in everything, keep their order in the list.
    expect(relatedTo(a, list, 10).map((s) => s.id)).toEqual(['b', 'c', 'twin-2', 'twin-1']);
    expect(relatedTo(a, list, 2).map((s) => s.id)).toEqual(['b', 'c']);
    expect(relatedTo(a, list, 0)).toEqual([]);
    // For b, the same category (Y) counts 2 on top of the shared tag.
    expect(relatedTo(b, list, 4).map((s) => s.id)).toEqual(['c', 'twin-2', 'twin-1', 'a']);
  });

  it('related studies match scoring every study against every other, on a large varied list', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const techs = ['Go', 'Rust', 'Kafka', 'Redis', 'PostgreSQL', 'gRPC', 'Envoy', 'Lua'];
    const cats = ['Distributed Systems', 'Fintech', 'Security', 'Data'];
    const list = Array.from({ length: 300 }, (_, i) =>
      study(`s${i}`, `2024-0${1 + rand(9)}-1${rand(10)}`, cats[rand(cats.length)]!,
        Array.from({ length: rand(4) }, () => techs[rand(techs.length)]!), rand(3) === 0 ? ['Resilience'] : []),
    );
    const everyPair = (s: (typeof list)[number], limit: number) => {
      const mine = new Set(tagsOf(s).map((t) => t.slug));
      return list
        .filter((o) => o.id !== s.id)
        .map((o) => ({ o, score: tagsOf(o).filter((t) => mine.has(t.slug)).length + (o.data.category === s.data.category ? 2 : 0) }))
        .filter((x) => x.score > 0)
        .sort((x, y) => y.score - x.score || byDateDesc(x.o, y.o))
        .slice(0, limit)
        .map((x) => x.o.id);
    };
    for (const s of list) {
      expect(relatedTo(s, list, 3).map((r) => r.id)).toEqual(everyPair(s, 3));
    }
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

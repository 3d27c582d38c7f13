/** Series grouping, "Part n of m", the validator's series checks, and the edit link. */
import { describe, expect, it } from 'vitest';
import { positionOf, seriesIndex, seriesProblems } from '../../../src/lib/series.ts';
import { editUrlFor } from '../../../src/lib/edit-url.ts';
import { siteConfigSchema } from '../../../src/site.config.ts';
import { caseStudySchema } from '../../../src/content.config.ts';

const s = (id: string, name?: string, part?: number) => ({
  id,
  data: { title: id.toUpperCase(), ...(name ? { series: { name, part: part! } } : {}) },
});

describe('series', () => {
  const studies = [s('c', 'Payments', 3), s('a', 'Payments', 1), s('x'), s('b', 'payments', 2), s('solo', 'Other', 1)];

  it('groups by name (case-insensitively) in part order', () => {
    const index = seriesIndex(studies);
    expect(index.map((i) => [i.slug, i.parts.map((p) => p.id)])).toEqual([
      ['other', ['solo']],
      ['payments', ['a', 'b', 'c']],
    ]);
    expect(index[1]!.name).toBe('Payments');
  });

  it('says "part n of m" and nothing for a study outside any series', () => {
    const index = seriesIndex(studies);
    expect(positionOf(studies[3]!, index)).toMatchObject({ part: 2, total: 3 });
    expect(positionOf(studies[2]!, index)).toBeUndefined();
  });

  it('reports a duplicate part on the second file, with its line', () => {
    const problems = seriesProblems([
      { file: 'content/case-studies/a.mdx', line: 8, name: 'Payments', part: 1 },
      { file: 'content/case-studies/b.mdx', line: 9, name: 'Payments', part: 1 },
      { file: 'content/case-studies/c.mdx', line: 7, name: 'Payments', part: 2 },
    ]);
    expect(problems).toEqual([
      expect.objectContaining({ file: 'content/case-studies/b.mdx', line: 9, subject: 'series.part' }),
    ]);
    expect(problems[0]!.message).toContain('content/case-studies/a.mdx is part 1 too');
  });

  it('reports missing parts, including a missing part 1, on the part after the gap', () => {
    const problems = seriesProblems([
      { file: 'b.mdx', line: 3, name: 'P', part: 2 },
      { file: 'd.mdx', line: 4, name: 'P', part: 4 },
    ]);
    expect(problems.map((p) => [p.file, p.line, p.message.match(/no part (\d)/)?.[1]])).toEqual([
      ['b.mdx', 3, '1'],
      ['d.mdx', 4, '3'],
    ]);
  });

  it('accepts a complete series and is validated by the schema', () => {
    expect(seriesProblems([{ file: 'a', name: 'P', part: 1 }, { file: 'b', name: 'P', part: 2 }])).toEqual([]);
    const base = { title: 'T', summary: 'S', date: '2024-01-01', category: 'C', status: 'production' };
    expect(caseStudySchema.safeParse({ ...base, series: { name: 'P', part: 2 } }).success).toBe(true);
    for (const bad of [{ name: 'P', part: 0 }, { name: 'P', part: 1.5 }, { name: '', part: 1 }, { name: 'P' }, { name: 'P', part: 1, extra: 1 }]) {
      expect(caseStudySchema.safeParse({ ...base, series: bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('edit link', () => {
  const pattern = 'https://github.com/me/site/edit/main/{path}';
  it('fills {path} with the file relative to the project root, encoded per segment', () => {
    expect(editUrlFor(pattern, 'content/case-studies/wagefi.mdx')).toBe('https://github.com/me/site/edit/main/content/case-studies/wagefi.mdx');
    expect(editUrlFor(pattern, './content/case-studies/a b#1.mdx')).toBe('https://github.com/me/site/edit/main/content/case-studies/a%20b%231.mdx');
    expect(editUrlFor('https://gitlab.com/me/site/-/edit/main/{path}?ref=x', 'content\\x.md')).toBe('https://gitlab.com/me/site/-/edit/main/content/x.md?ref=x');
  });
  it('gives nothing when editUrl is unset', () => {
    expect(editUrlFor(undefined, 'content/case-studies/wagefi.mdx')).toBeUndefined();
  });
  it('rejects a pattern without {path} or that is not a URL, naming the fix', () => {
    const { editUrl: _omit, ...rest } = siteConfigSchema.parse({
      title: 'T', description: 'D', url: 'https://x.dev', base: '/',
      author: { name: 'A', role: 'R', bio: 'B' }, contact: { heading: 'H', text: 'T', label: 'L', href: '/' },
    });
    const withUrl = (editUrl: string) => siteConfigSchema.safeParse({ ...rest, editUrl });
    expect(withUrl(pattern).success).toBe(true);
    const missing = withUrl('https://github.com/me/site/edit/main/');
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]?.message).toContain('{path}');
    expect(withUrl('github.com/me/{path}').success).toBe(false);
  });
});

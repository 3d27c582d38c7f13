/** `npm run validate` on series: duplicate and missing parts, each with file:line and the fix. */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/tools/validation/problem.ts';
import { validateContent } from '../../../src/tools/validation/validate-content.ts';
import { caseStudy, makeProject, VALID_FRONTMATTER } from '../validation/helpers.ts';

const inSeries = (name: string, part: number | string) => caseStudy(`${VALID_FRONTMATTER}\nseries:\n  name: ${name}\n  part: ${part}`);

async function lines(files: Record<string, string>): Promise<string[]> {
  const root = await makeProject(files);
  return (await validateContent({ root })).problems.map(formatProblem);
}


describe('series in the validator', () => {
  it('accepts a complete series', async () => {
    expect(
      await lines({
        'content/case-studies/a.mdx': inSeries('Payments', 1),
        'content/case-studies/b.mdx': inSeries('Payments', 2),
      }),
    ).toEqual([]);
  });

  it('reports a part claimed twice on the line of `part`', async () => {
    expect(
      await lines({
        'content/case-studies/a.mdx': inSeries('Payments', 1),
        'content/case-studies/b.mdx': inSeries('Payments', 2),
        'content/case-studies/c.mdx': inSeries('payments', 2),
      }),
    ).toEqual([
      'content/case-studies/c.mdx:9  series.part  found part 2 of "Payments" again (content/case-studies/b.mdx is part 2 too), expected each part number once — renumber one of them',
    ]);
  });

  it('reports a missing part on the part after the gap', async () => {
    expect(
      await lines({
        'content/case-studies/a.mdx': inSeries('Payments', 1),
        'content/case-studies/c.mdx': inSeries('Payments', 3),
      }),
    ).toEqual([
      'content/case-studies/c.mdx:9  series.part  found no part 2 of "Payments" before part 3, expected parts 1 to 3 without gaps — add part 2 or renumber',
    ]);
  });

  it('reports a malformed part once, through the schema, and not again as a gap', async () => {
    const problems = await lines({
      'content/case-studies/a.mdx': inSeries('Payments', 'two'),
      'content/case-studies/b.mdx': inSeries('Payments', 1),
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^content\/case-studies\/a\.mdx:9 {2}series\.part {2}found "two", expected a part number/);
  });
});

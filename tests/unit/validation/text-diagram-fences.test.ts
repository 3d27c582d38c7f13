/** Every broken text-diagram fence in a case study is reported in one run, at its file line. */
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { textDiagramProblems } from '../../../src/tools/validation/text-diagram-fences.ts';

const parse = (mdx: string) => unified().use(remarkParse).use(remarkMdx).parse(mdx) as Root;

const body = [
  '## Architecture', // 1
  '', // 2
  '```mermaid title="Fine"', // 3
  'flowchart LR', // 4
  '  A --> B', // 5
  '```', // 6
  '', // 7
  '```mermaid title="Broken"', // 8
  'sequenceDiagram', // 9
  '  Client->>API: POST /charge', // 10
  '  API to Ledger: debit', // 11: not a message line
  '```', // 12
  '', // 13
  '```dot', // 14
  'digraph { a -> }', // 15
  '```', // 16
  '', // 17
  '```mermaid titel="Typo"', // 18
  'flowchart LR', // 19
  '  A --> B', // 20
  '```', // 21
  '', // 22
  '```ts', // 23
  'const notADiagram = 1;', // 24
  '```', // 25
].join('\n');

describe('text-diagram fences in the validator', () => {
  it('reports each broken fence with the MDX line, and leaves good fences and code alone', async () => {
    const problems = await textDiagramProblems('content/case-studies/x.mdx', parse(body));
    expect(problems.map((p) => [p.line, p.subject])).toEqual([
      [11, '```mermaid fence'],
      [15, '```dot fence'],
      [18, '```mermaid fence'],
    ]);
    expect(problems[0]?.message).toMatch(/line 3 of the diagram/);
    expect(problems[1]?.message).toMatch(/syntax error|dot/i);
    expect(problems[2]?.message).toMatch(/unknown fence option "titel"/);
  });
});

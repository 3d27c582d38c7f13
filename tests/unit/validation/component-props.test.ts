/** Props of the built-in MDX components are checked where they are written. */
import { describe, expect, it } from 'vitest';
import { componentPropProblems } from '../../../src/tools/validation/component-props.ts';
import { formatProblem } from '../../../src/tools/validation/problem.ts';

const use = (name: string, attributes: Record<string, string | undefined>, line = 10) => ({ name, line, column: 1, attributes });

describe('component props', () => {
  it('accepts correct uses, expression values and HTML elements', () => {
    expect(
      componentPropProblems('x.mdx', [
        use('Callout', { type: 'warning', title: 'Careful' }),
        use('WhyCard', { question: 'Why?' }),
        use('Metric', { label: 'p99', value: undefined }),
        use('Diagram', { name: 'a', caption: 'b', alt: 'c' }),
        use('div', { class: 'x' }),
      ]),
    ).toEqual([]);
  });

  it('reports a value outside the list, a misspelt prop and a missing required prop, each with its line', () => {
    const lines = componentPropProblems('content/case-studies/x.mdx', [
      use('Callout', { type: 'danger' }, 12),
      use('Callout', { tpye: 'tip' }, 20),
      use('WhyCard', {}, 31),
      use('Metric', { label: 'p99' }, 40),
    ]).map(formatProblem);
    expect(lines).toEqual([
      'content/case-studies/x.mdx:12:1  <Callout type>  found "danger", expected one of note, tip, warning, lesson',
      'content/case-studies/x.mdx:20:1  <Callout tpye>  found an unknown prop, expected one of type, title — did you mean type?',
      'content/case-studies/x.mdx:31:1  <WhyCard question>  found no question, expected question="…"',
      'content/case-studies/x.mdx:40:1  <Metric value>  found no value, expected value="…"',
    ]);
  });
});

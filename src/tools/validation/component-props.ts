/**
 * Checks the props of Casebook's MDX components where they are written: a missing required
 * prop (`<WhyCard>` without `question`), an unknown or misspelt one (`<Callout tpye="tip">`,
 * which would otherwise be ignored), and a value outside its list (`type="danger"`). Props
 * given as expressions (`value={42}`) cannot be checked here and are left to the build.
 */
import { MDX_COMPONENT_PROPS, type MdxComponentName } from '../../components/mdx/names.ts';
import { closestMatch } from '../../lib/did-you-mean.ts';
import { foundExpected, type Problem } from './problem.ts';

export interface JsxUseLike {
  name: string;
  line: number;
  column: number;
  /** Literal values; `undefined` for an expression value. */
  attributes: Record<string, string | undefined>;
}

export function componentPropProblems(file: string, uses: readonly JsxUseLike[]): Problem[] {
  const problems: Problem[] = [];
  for (const use of uses) {
    const spec = MDX_COMPONENT_PROPS[use.name as MdxComponentName];
    if (!spec) continue;
    const at = { file, line: use.line, column: use.column };
    for (const prop of spec.required) {
      if (!(prop in use.attributes)) {
        problems.push({ ...at, subject: `<${use.name} ${prop}>`, message: foundExpected(`no ${prop}`, `${prop}="…"`) });
      }
    }
    for (const [prop, value] of Object.entries(use.attributes)) {
      if (!spec.props.includes(prop)) {
        const guess = closestMatch(prop, spec.props);
        problems.push({
          ...at,
          subject: `<${use.name} ${prop}>`,
          message: foundExpected(
            'an unknown prop',
            spec.props.length ? `one of ${spec.props.join(', ')}` : 'no props',
            guess ? `did you mean ${guess}?` : undefined,
          ),
        });
        continue;
      }
      const allowed = spec.oneOf?.[prop];
      if (allowed && value !== undefined && !allowed.includes(value)) {
        problems.push({
          ...at,
          subject: `<${use.name} ${prop}>`,
          message: foundExpected(`"${value}"`, `one of ${allowed.join(', ')}`),
        });
      }
    }
  }
  return problems;
}

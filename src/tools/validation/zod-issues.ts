/**
 * Turns zod's validation issues into author-facing `Problem`s.
 *
 * The content schema already carries author-facing messages ("expected a status: one of ...");
 * this module adds what zod cannot know: the line in the file, the value that was found as
 * the author wrote it, and for unknown keys the closest known key ("did you mean `summary`?").
 * Messages zod generates itself ("Invalid input: expected string, received number") are
 * rewritten into the same "found …, expected …" shape.
 */
import type { z } from 'astro/zod';
import { closestMatch } from '../../lib/did-you-mean.ts';
import { describeValue, foundExpected, type Problem } from './problem.ts';

type Issue = z.core.$ZodIssue;

export interface IssueContext {
  file: string;
  /** The parsed frontmatter, to show what was found at an issue's path. */
  data: unknown;
  /** The file line of a path in the frontmatter. */
  lineOf(path: readonly PropertyKey[]): number;
  /** The schema, to list the known keys of an object when an unknown key is found. */
  schema: z.ZodType;
}

export function issuesToProblems(issues: readonly Issue[], ctx: IssueContext): Problem[] {
  return issues.flatMap((issue) => issueToProblems(issue, ctx));
}

function issueToProblems(issue: Issue, ctx: IssueContext): Problem[] {
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(ctx.schema, issue.path);
    return issue.keys.map((key) => {
      const path = [...issue.path, key];
      const guess = closestMatch(key, known);
      const expected = known.length > 0 ? `one of ${known.map((k) => `\`${k}\``).join(', ')}` : 'no other fields';
      return {
        file: ctx.file,
        line: ctx.lineOf(path),
        subject: formatPath(path),
        message: guess
          ? foundExpected('an unknown field', 'a known field', `did you mean \`${guess}\`?`)
          : foundExpected('an unknown field', expected, 'remove it or check its spelling'),
      };
    });
  }
  const value = valueAt(ctx.data, issue.path);
  return [
    {
      file: ctx.file,
      line: ctx.lineOf(issue.path),
      subject: formatPath(issue.path),
      message: explain(issue, value),
    },
  ];
}

/** "found …, expected …" for one issue, reusing the schema's own wording where it has one. */
function explain(issue: Issue, value: unknown): string {
  const found = describeValue(value);
  if (issue.code === 'invalid_union') {
    const expectations = issue.errors
      .map((branch) => branch[0])
      .filter((first): first is Issue => first !== undefined)
      .map((first) => expectedPart(first.message, first));
    const unique = [...new Set(expectations)];
    return foundExpected(found, unique.length > 0 ? unique.join(', or ') : 'a different value');
  }
  const message = issue.message;
  // The schema's messages: "expected X" or "expected X, found Y".
  const withFound = /^expected (.*), found (.*)$/.exec(message);
  if (withFound) return foundExpected(withFound[2]!, withFound[1]!);
  return foundExpected(found, expectedPart(message, issue));
}

/** The "what was expected" half of a message, without the leading "expected". */
function expectedPart(message: string, issue: Issue): string {
  if (message.startsWith('expected ')) return message.slice('expected '.length).replace(/, found .*$/, '');
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'nonoptional' ? 'a value' : article(issue.expected);
    case 'too_big':
      return issue.origin === 'string'
        ? `at most ${issue.maximum} characters`
        : issue.origin === 'array'
          ? `at most ${issue.maximum} items`
          : `at most ${issue.maximum}`;
    case 'too_small':
      return issue.origin === 'string'
        ? `at least ${issue.minimum} characters`
        : issue.origin === 'array'
          ? `at least ${issue.minimum} items`
          : `at least ${issue.minimum}`;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      return `a valid ${issue.format}`;
    default:
      return message.replace(/^Invalid input:?\s*/i, '') || 'a valid value';
  }
}

function article(type: string): string {
  if (type === 'array') return 'a list';
  if (type === 'object') return 'a mapping (key: value lines)';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** `metrics[1].label` — how a path reads in a message. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'frontmatter';
  return path
    .map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : `${i === 0 ? '' : '.'}${String(segment)}`))
    .join('');
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

interface SchemaDef {
  type: string;
  shape?: Record<string, { _zod: { def: SchemaDef } }>;
  element?: { _zod: { def: SchemaDef } };
  innerType?: { _zod: { def: SchemaDef } };
  in?: { _zod: { def: SchemaDef } };
  options?: { _zod: { def: SchemaDef } }[];
}

/** The keys an object schema accepts at `path`, looking through optional/default/array/pipe wrappers. */
export function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let def: SchemaDef | undefined = (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
  const unwrap = (d: SchemaDef | undefined): SchemaDef | undefined => {
    let current = d;
    for (let guard = 0; current && guard < 20; guard++) {
      const inner = current.innerType ?? current.in;
      if (!inner || current.type === 'object' || current.type === 'array') break;
      current = inner._zod.def;
    }
    return current;
  };
  for (const segment of path) {
    def = unwrap(def);
    if (!def) return [];
    if (typeof segment === 'number' && def.type === 'array') def = def.element?._zod.def;
    else if (def.type === 'object') def = def.shape?.[String(segment)]?._zod.def;
    else return [];
  }
  def = unwrap(def);
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/**
 * Checks a case study's MDX body: syntax, components, and diagram names.
 *
 * The body is compiled with @mdx-js/mdx — the compiler Astro's MDX integration uses — so a
 * syntax error here is the error the build would hit, reported with file:line:col. A small
 * remark plugin captures the parsed tree on the way, from which JSX element names and
 * `<Diagram name>` values are read. Components must be in MDX_COMPONENT_NAMES (the set the
 * case-study page passes) or imported in the file itself.
 */
import { compile } from '@mdx-js/mdx';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { closestMatch } from '../../lib/did-you-mean.ts';
import { foundExpected, type Problem } from './problem.ts';

export interface MdxBodyCheck {
  file: string;
  /** The body, with the frontmatter blanked out so line numbers match the file. */
  body: string;
  /** Component names available without import. */
  componentNames: readonly string[];
}

export interface JsxUse {
  name: string;
  line: number;
  column: number;
  /** String-valued attributes; expression values are left out (unknown until run time). */
  attributes: Record<string, string | undefined>;
}

export interface MdxBodyResult {
  problems: Problem[];
  /** The parsed tree, when the body is valid MDX. */
  tree?: Root;
  jsx: JsxUse[];
}

interface MdxJsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number; column: number } };
}

interface MdxEsmNode {
  type: 'mdxjsEsm';
  data?: { estree?: { body: EsmStatement[] } };
}

interface EsmStatement {
  type: string;
  specifiers?: { local: { name: string } }[];
  declaration?: { type: string; id?: { name: string }; declarations?: { id: { type: string; name?: string } }[] };
}

export async function checkMdxBody({ file, body, componentNames }: MdxBodyCheck): Promise<MdxBodyResult> {
  let tree: Root | undefined;
  const capture = () => (t: Root) => {
    tree = structuredClone(t);
  };
  try {
    await compile({ value: body, path: file }, { remarkPlugins: [capture] });
  } catch (error) {
    return { problems: [syntaxProblem(file, error)], jsx: [] };
  }
  if (!tree) return { problems: [], jsx: [] };

  const jsx: JsxUse[] = [];
  const defined = new Set<string>(componentNames);
  visit(tree, (node) => {
    if (node.type === 'mdxjsEsm') for (const name of esmBindings(node as unknown as MdxEsmNode)) defined.add(name);
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const el = node as unknown as MdxJsxNode;
      if (!el.name) return; // a fragment: <>...</>
      const attributes: Record<string, string | undefined> = {};
      for (const attr of el.attributes) {
        if (attr.type === 'mdxJsxAttribute' && attr.name) {
          attributes[attr.name] = typeof attr.value === 'string' ? attr.value : attr.value === null ? '' : undefined;
        }
      }
      jsx.push({
        name: el.name,
        line: el.position?.start.line ?? 1,
        column: el.position?.start.column ?? 1,
        attributes,
      });
    }
  });

  const problems = jsx.flatMap((use) => unknownComponentProblem(file, use, defined, componentNames));
  return { problems, tree, jsx };
}

function unknownComponentProblem(file: string, use: JsxUse, defined: Set<string>, available: readonly string[]): Problem[] {
  const rootName = use.name.split('.')[0]!;
  const isComponent = /^[A-Z]/.test(rootName) || use.name.includes('.');
  // A lowercase spelling of a component (<callout>) would silently render as an unknown HTML tag.
  const lowercaseTwin = !isComponent ? available.find((c) => c.toLowerCase() === use.name.toLowerCase()) : undefined;
  if (!(isComponent && !defined.has(rootName)) && !lowercaseTwin) return [];
  const guess = lowercaseTwin ?? closestMatch(rootName, available);
  return [
    {
      file,
      line: use.line,
      column: use.column,
      subject: `<${use.name}>`,
      message: foundExpected(
        lowercaseTwin ? 'an HTML tag with the name of a component' : 'an unknown component',
        `one of ${available.map((c) => `<${c}>`).join(', ')} (or a component imported in this file)`,
        guess ? `did you mean <${guess}>?` : undefined,
      ),
    },
  ];
}

function esmBindings(node: MdxEsmNode): string[] {
  const names: string[] = [];
  for (const statement of node.data?.estree?.body ?? []) {
    for (const spec of statement.specifiers ?? []) names.push(spec.local.name);
    const decl = statement.declaration;
    if (decl?.id?.name) names.push(decl.id.name);
    for (const d of decl?.declarations ?? []) if (d.id.type === 'Identifier' && d.id.name) names.push(d.id.name);
  }
  return names;
}

interface PlaceLike {
  line?: number;
  column?: number;
  start?: { line?: number; column?: number };
}

/** Short advice for the MDX errors authors meet most, keyed by micromark/mdast rule id. */
const SYNTAX_HINTS: Record<string, string> = {
  'end-tag-mismatch': 'close the tag (</Name>) or make it self-closing (<Name ... />)',
  acorn: 'a { starts a JavaScript expression in MDX; write \\{ for a literal brace',
  'unexpected-character': 'a < starts a JSX tag in MDX; write \\< or &lt; for a literal <, and quote attribute values',
  'unexpected-eof': 'a tag or expression is not closed before the end of the file',
};

/** An MDX compile error (a VFileMessage) as a Problem, without its stack. */
function syntaxProblem(file: string, error: unknown): Problem {
  const e = error as { reason?: string; message?: string; place?: PlaceLike; line?: number; column?: number; ruleId?: string };
  const place = e.place?.start ?? e.place;
  let reason = (e.reason ?? e.message ?? String(error)).split('\n')[0]!;
  let line = place?.line ?? e.line ?? undefined;
  let column = place?.column ?? e.column ?? undefined;
  // Some messages carry their position only in the text: "... (11:1-11:22)".
  const inText = / \((\d+):(\d+)-\d+:\d+\)$/.exec(reason);
  if (inText) {
    reason = reason.slice(0, inText.index);
    line ??= Number(inText[1]);
    column ??= Number(inText[2]);
  }
  const hint = e.ruleId ? SYNTAX_HINTS[e.ruleId] : undefined;
  const problem: Problem = { file, subject: 'MDX syntax', message: hint ? `${reason} — ${hint}` : reason };
  if (line !== undefined) problem.line = line;
  if (column !== undefined) problem.column = column;
  return problem;
}

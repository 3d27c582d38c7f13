/**
 * Checks a case study's body: syntax, components, and stray expressions.
 *
 * The body is parsed by Sätteri with the build's own features (src/lib/markdown/features.ts)
 * — the parser Astro's Markdown and MDX integrations run here — so a syntax error reported
 * here is the error the build would hit, and anything accepted here parses in the build.
 * `.mdx` gets the same HTML-comment rewrite as the build (src/lib/markdown/mdx-comments.ts).
 *
 * For `.mdx`: components must be in MDX_COMPONENT_NAMES (the set the case-study page passes)
 * or imported in the file itself. For `.md`: there are no components; a component tag there
 * would render as an unknown HTML element, so it is reported with the way out (rename to .mdx).
 */
import { parse as parseJs } from 'acorn';
import type { Html, Root } from 'mdast';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { visit } from 'unist-util-visit';
import { features, type SourceFormat } from '../../lib/markdown/features.ts';
import { htmlCommentsToMdx } from '../../lib/markdown/mdx-comments.ts';
import { closestMatch } from '../../lib/did-you-mean.ts';
import { foundExpected, type Problem } from './problem.ts';

export interface MdxBodyCheck {
  file: string;
  /** The body, with the frontmatter blanked out so line numbers match the file. */
  body: string;
  /** Component names available without import. */
  componentNames: readonly string[];
  /** Markdown (`.md`, `.markdown`) or MDX; default MDX. */
  format?: SourceFormat;
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
  /** The parsed tree (with positions), when the body parses. */
  tree?: Root;
  jsx: JsxUse[];
}

interface MdxJsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number; column: number } };
}

interface ExpressionNode {
  type: 'mdxFlowExpression' | 'mdxTextExpression';
  value: string;
  position?: { start: { line: number; column: number } };
}

export async function checkMdxBody({ file, body, componentNames, format = 'mdx' }: MdxBodyCheck): Promise<MdxBodyResult> {
  if (format === 'markdown') return checkMarkdown(file, body, componentNames);
  let tree: Root;
  try {
    tree = mdxToMdast(htmlCommentsToMdx(body), { features, position: true }) as Root;
  } catch (error) {
    return { problems: [syntaxProblem(file, body, error)], jsx: [] };
  }

  const jsx: JsxUse[] = [];
  const expressions: ExpressionNode[] = [];
  const defined = new Set<string>(componentNames);
  const bindings = new Set<string>(['frontmatter', 'props']);
  visit(tree, (node) => {
    if (node.type === 'mdxjsEsm') {
      for (const name of esmBindings((node as { value: string }).value)) {
        defined.add(name);
        bindings.add(name);
      }
    }
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') expressions.push(node as unknown as ExpressionNode);
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const el = node as unknown as MdxJsxNode;
      if (!el.name) return; // a fragment: <>...</>
      const attributes: Record<string, string | undefined> = {};
      for (const attr of el.attributes) {
        if (attr.type === 'mdxJsxAttribute' && attr.name) {
          attributes[attr.name] = typeof attr.value === 'string' ? attr.value : attr.value === null || attr.value === undefined ? '' : undefined;
        }
      }
      jsx.push({ name: el.name, line: el.position?.start.line ?? 1, column: el.position?.start.column ?? 1, attributes });
    }
  });

  const problems = [
    ...jsx.flatMap((use) => unknownComponentProblem(file, use, defined, componentNames)),
    ...expressions.flatMap((e) => strayExpressionProblem(file, e, bindings, body)),
  ];
  return { problems, tree, jsx };
}

/** `.md`: parsed as Markdown; component tags are named, since they cannot work there. */
function checkMarkdown(file: string, body: string, componentNames: readonly string[]): MdxBodyResult {
  const tree = markdownToMdast(body, { features, position: true }) as Root;
  const problems: Problem[] = [];
  visit(tree, 'html', (node: Html) => {
    for (const match of node.value.matchAll(/<([A-Z][\w.]*)[\s/>]/g)) {
      const name = match[1]!;
      const line = (node.position?.start.line ?? 1) + node.value.slice(0, match.index).split('\n').length - 1;
      const ours = componentNames.includes(name.split('.')[0]!);
      // Ours would silently lose its styling: an error. Another site's (<Intro>, <Tabs>) keeps
      // its content as an unknown element: a warning, so a ported post still builds.
      problems.push({
        ...(ours ? {} : { severity: 'warning' as const }),
        file,
        line,
        subject: `<${name}>`,
        message: foundExpected(
          `a component in a Markdown file (components work only in .mdx; here it would be an unknown HTML element)`,
          ours ? 'plain Markdown, or the file saved as .mdx' : 'plain Markdown or HTML',
          ours ? `rename the file to .mdx to use <${name}>` : `rename the file to .mdx and import <${name}>, or replace it with Markdown`,
        ),
      });
    }
  });
  return { problems, tree, jsx: [] };
}

function unknownComponentProblem(file: string, use: JsxUse, defined: Set<string>, available: readonly string[]): Problem[] {
  const rootName = use.name.split('.')[0]!;
  const isComponent = /^[A-Z]/.test(rootName) || use.name.includes('.');
  // A lowercase spelling of a component (<callout>) would silently render as an unknown HTML tag.
  const lowercaseTwin = !isComponent ? available.find((c) => c.toLowerCase() === use.name.toLowerCase()) : undefined;
  if (!(isComponent && !defined.has(rootName)) && !lowercaseTwin) return [];
  const guess = lowercaseTwin ?? closestMatch(rootName, available);
  const howToImport = `to use a component of your own, add \`import ${rootName} from '../../src/components/${rootName}.astro';\` below the frontmatter`;
  return [
    {
      file,
      line: use.line,
      column: use.column,
      subject: `<${use.name}>`,
      message: foundExpected(
        lowercaseTwin ? 'an HTML tag with the name of a component' : 'an unknown component',
        `one of ${available.map((c) => `<${c}>`).join(', ')} (or a component imported in this file)`,
        guess ? `did you mean <${guess}>?` : howToImport,
      ),
    },
  ];
}

/**
 * `{…}` in MDX is JavaScript. A comment is fine; anything else in a case study is almost
 * always literal text (a brace in prose, `{#id}` after a heading) that would fail when the
 * page renders, with an error naming no line. Expressions over imported names or the
 * frontmatter are accepted.
 */
function strayExpressionProblem(file: string, node: ExpressionNode, bindings: Set<string>, body: string): Problem[] {
  const code = node.value.trim();
  if (code === '' || /^\/\*[\s\S]*\*\/$/.test(code) || /^\/\/[^\n]*$/.test(code)) return [];
  const first = /^[A-Za-z_$][\w$]*/.exec(code)?.[0];
  if (first && bindings.has(first)) return [];
  const shown = code.length > 40 ? `${code.slice(0, 37)}...` : code;
  return [
    {
      file,
      line: node.position?.start.line ?? 1,
      column: node.position?.start.column ?? 1,
      subject: 'MDX expression',
      message: foundExpected(
        `{${shown}}, which MDX runs as JavaScript`,
        'text',
        `write \\{ for a literal brace${usesNoComponents(body) ? '; this file uses no components, so it can also be saved as .md, where braces are text' : ''}`,
      ),
    },
  ];
}

function esmBindings(source: string): string[] {
  const names: string[] = [];
  let program;
  try {
    program = parseJs(source, { ecmaVersion: 'latest', sourceType: 'module' });
  } catch {
    return names; // a broken import fails the build with its own message
  }
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration') for (const spec of statement.specifiers) names.push(spec.local.name);
    if (statement.type === 'ExportNamedDeclaration' && statement.declaration) {
      const decl = statement.declaration;
      if ((decl.type === 'FunctionDeclaration' || decl.type === 'ClassDeclaration') && decl.id) names.push(decl.id.name);
      if (decl.type === 'VariableDeclaration') for (const d of decl.declarations) if (d.id.type === 'Identifier') names.push(d.id.name);
    }
  }
  return names;
}

/** Whether an MDX body uses MDX features at all: component tags, imports or exports. */
export function usesNoComponents(body: string): boolean {
  const prose = body.replace(/^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1\2[`~]*\s*$/gm, '').replace(/`[^`\n]*`/g, '');
  return !/<[A-Z][\w.]*[\s/>]/.test(prose) && !/^(import|export)\s/m.test(prose);
}

const VOID_TAGS = new Set(['br', 'img', 'hr', 'input', 'meta', 'link', 'wbr', 'source', 'col', 'area', 'embed', 'track', 'param']);

/** Advice for the MDX errors authors meet most, keyed by what the message says. */
function hintFor(reason: string): string | undefined {
  const unclosed = /Expected a closing tag for `<([\w.:-]+)>`/.exec(reason);
  if (unclosed && VOID_TAGS.has(unclosed[1]!.toLowerCase())) return `MDX needs <${unclosed[1]} /> (self-closing)`;
  if (unclosed) return 'close the tag (</Name>) or make it self-closing (<Name ... />)';
  if (/Unexpected closing tag/.test(reason)) return 'remove the closing tag or add the opening one';
  if (/in expression|closing brace|parse expression/.test(reason)) return 'a { starts a JavaScript expression in MDX; write \\{ for a literal brace';
  if (/Unexpected character|before name|after `<`|attribute value/.test(reason)) {
    return 'a < starts a JSX tag in MDX; write \\< or &lt; for a literal <, and quote attribute values';
  }
  if (/end of file/.test(reason)) return 'a tag or expression is not closed before the end of the file';
  return undefined;
}

/** A Sätteri MDX parse error ("5:1: reason (5:1) (mdx-jsx:rule)") as a Problem, without its stack. */
function syntaxProblem(file: string, body: string, error: unknown): Problem {
  const text = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
  const m = /^(\d+):(\d+):\s*(.*)$/.exec(text);
  let reason = (m ? m[3]! : text).replace(/\s*\([\w-]+:[\w-]+\)$/, '').replace(/ \(\d+:\d+(?:-\d+:\d+)?\)/, '');
  const hint = hintFor(reason);
  const md = usesNoComponents(body) ? 'this file uses no components: save it as .md, where HTML and braces are plain Markdown' : undefined;
  reason = [reason, hint, md].filter(Boolean).join(' — ');
  const problem: Problem = { file, subject: 'MDX syntax', message: reason };
  if (m) {
    problem.line = Number(m[1]);
    problem.column = Number(m[2]);
  }
  return problem;
}

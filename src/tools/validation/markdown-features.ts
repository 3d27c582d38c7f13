/**
 * Checks the write-up features of a parsed body (`.md` or `.mdx`) with the same rules the
 * build's plugins apply (src/lib/markdown/), so every problem is reported before Astro runs:
 * - math that KaTeX cannot parse (error, with the line inside the formula);
 * - relative images that do not exist, in `![](…)`, `<img>` and JSX `<img>` (error);
 * - remote images (warning: shown as they are, not optimised, never fetched by the build);
 * - code fences in a language shiki does not know (warning: shown as plain text);
 * - `:::name` directives we do not map to a callout (warning: shown as a plain block).
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Code, Html, Image, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { parseCodeFence } from '../../lib/markdown/code-fences.ts';
import { DIRECTIVE_KINDS } from '../../lib/markdown/callouts.ts';
import { fenceLang } from '../../lib/diagrams/catalogue.ts';
import { htmlImageSources, isRelativeImage, isRemoteImage } from '../../lib/markdown/images.ts';
import { inlineTex, isInlineMath, renderMath } from '../../lib/markdown/math.ts';
import { foundExpected, type Problem } from './problem.ts';

interface Positioned {
  position?: { start: { line: number; column?: number; offset?: number }; end: { offset?: number } } | undefined;
}

export interface FeatureCheck {
  root: string;
  /** Project-relative path of the case study. */
  file: string;
  /** The body as parsed (frontmatter blanked), for source slices. */
  body: string;
  tree: Root;
}

export async function markdownFeatureProblems({ root, file, body, tree }: FeatureCheck): Promise<Problem[]> {
  const problems: Problem[] = [];
  const images: { src: string; line: number | undefined }[] = [];
  const lineOf = (node: Positioned) => node.position?.start.line;

  visit(tree, (node) => {
    const n = node as typeof node & Positioned;
    switch (node.type) {
      case 'math': {
        const value = (node as { value: string }).value;
        const result = renderMath(value, true);
        if (result.error) {
          const start = lineOf(n) ?? 1;
          const opening = body.split('\n')[start - 1] ?? '';
          const first = start + (opening.trim() === '$$' ? 1 : 0);
          problems.push(mathProblem(file, first + result.error.lineOffset, result.error.reason));
        }
        break;
      }
      case 'inlineMath': {
        const { start, end } = { start: n.position?.start.offset, end: n.position?.end.offset };
        if (start !== undefined && end !== undefined && !isInlineMath(body.slice(start, end), body[end])) break;
        const result = renderMath(inlineTex((node as { value: string }).value), false);
        if (result.error) problems.push(mathProblem(file, lineOf(n), result.error.reason));
        break;
      }
      case 'code': {
        const code = node as Code;
        if (fenceLang(code.lang)) break;
        const fence = parseCodeFence(code.lang, code.meta);
        if (fence.unknownLang) {
          problems.push({
            file,
            ...at(lineOf(n)),
            severity: 'warning',
            subject: `\`\`\`${fence.unknownLang} fence`,
            message: foundExpected(
              `a language the highlighter does not know ("${fence.unknownLang}")`,
              'one of shiki\'s languages (https://shiki.style/languages)',
              'it is shown as plain text; use ```text to silence this',
            ),
          });
        }
        break;
      }
      case 'image':
        images.push({ src: (node as Image).url, line: lineOf(n) });
        break;
      case 'html':
        for (const src of htmlImageSources((node as Html).value)) images.push({ src, line: lineOf(n) });
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const el = node as { name?: string | null; attributes?: { type: string; name?: string; value?: unknown }[] };
        if (el.name !== 'img') break;
        const src = el.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'src')?.value;
        if (typeof src === 'string') images.push({ src, line: lineOf(n) });
        break;
      }
      case 'containerDirective': {
        const name = (node as { name: string }).name;
        if (!DIRECTIVE_KINDS[name.toLowerCase()]) {
          problems.push({
            file,
            ...at(lineOf(n)),
            severity: 'warning',
            subject: `:::${name}`,
            message: foundExpected(
              'a directive that is not an admonition Casebook knows',
              `one of ${Object.keys(DIRECTIVE_KINDS).map((k) => `:::${k}`).join(', ')}`,
              'its content is shown as a plain block',
            ),
          });
        }
        break;
      }
    }
  });

  const dir = path.dirname(path.join(root, file));
  for (const { src, line } of images) {
    if (isRemoteImage(src)) {
      problems.push({
        file,
        ...at(line),
        severity: 'warning',
        subject: 'remote image',
        message: foundExpected(
          `${src}, which is shown as it is (not optimised; the build does not fetch it)`,
          'a local image next to the case study for width, height and modern formats',
          'download it next to the file and link it as ./name.png',
        ),
      });
    } else if (isRelativeImage(src)) {
      const clean = decodeURI(src.split(/[?#]/)[0]!);
      const exists = await access(path.resolve(dir, clean)).then(
        () => true,
        () => false,
      );
      if (!exists) {
        problems.push({
          file,
          ...at(line),
          subject: 'image',
          message: foundExpected(
            `"${src}", which does not exist (looked for ${path.relative(root, path.resolve(dir, clean)).split(path.sep).join('/')})`,
            'a path relative to this file, e.g. ./figure.png next to it',
          ),
        });
      }
    }
  }
  return problems;
}

const at = (line: number | undefined) => (line === undefined ? {} : { line });

function mathProblem(file: string, line: number | undefined, reason: string): Problem {
  return {
    file,
    ...at(line),
    subject: 'math',
    message: foundExpected(reason, 'TeX that KaTeX can render', 'fix the formula, or write \\$ for a literal dollar sign'),
  };
}

/**
 * Math nodes (Sätteri's `math` feature) replaced by KaTeX's MathML (math.ts), in `.md` and
 * `.mdx`. A TeX syntax error stops the build with the file and line; `$` signs that are prices
 * rather than math are put back as text.
 */
import type { MdastPluginDefinition, MdastPluginEntry, PluginFactoryContext } from 'satteri';
import { displayPath, MarkdownError } from './errors.ts';
import { inlineTex, isInlineMath, renderMath } from './math.ts';

export function satteriMath(): MdastPluginEntry {
  return (doc: PluginFactoryContext): MdastPluginDefinition | null => {
    if (!doc.source.includes('$')) return null;
    const file = displayPath(doc.fileURL);
    const fail = (line: number | undefined, reason: string): never => {
      throw new MarkdownError(file, { line, subject: 'math', message: `${reason} — fix the TeX, or write \\$ for a literal dollar sign` });
    };
    return {
      name: 'casebook-math',
      options: { position: true },
      math(node) {
        const result = renderMath(node.value, true);
        // The TeX starts on the line after the opening $$ (or on it, for one-line $$…$$).
        const start = node.position?.start.line;
        const opening = start === undefined ? undefined : doc.source.split('\n')[start - 1] ?? '';
        const first = start === undefined ? undefined : start + (opening?.trim() === '$$' ? 1 : 0);
        if (result.error) fail(first === undefined ? undefined : first + result.error.lineOffset, result.error.reason);
        return { type: 'html', value: result.html! };
      },
      inlineMath(node, ctx) {
        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        if (start !== undefined && end !== undefined) {
          const written = ctx.source.slice(start, end);
          if (!isInlineMath(written, ctx.source[end])) return { type: 'text', value: written };
        }
        const result = renderMath(inlineTex(node.value), false);
        if (result.error) fail(node.position?.start.line, result.error.reason);
        return { type: 'html', value: result.html! };
      },
    };
  };
}

/**
 * Math in case studies: `$…$`, `$$…$$` and GitHub's ``$`…`$``, rendered at build time by KaTeX
 * to MathML. MathML needs no fonts, stylesheet or script (browsers lay it out natively), and it
 * is drawn in the text colour, so it follows the light/dark theme and prints like the prose.
 */
import katex from 'katex';

export interface MathResult {
  html?: string;
  /** When the TeX does not parse: KaTeX's reason and the line within the TeX (0-based). */
  error?: { reason: string; lineOffset: number };
}

export function renderMath(tex: string, display: boolean): MathResult {
  try {
    const html = katex
      .renderToString(tex, { output: 'mathml', displayMode: display, throwOnError: true, strict: 'ignore' })
      // HTML puts <math> in the MathML namespace by itself; Sätteri's HTML parser would turn
      // the attribute into a broken `:xmlns` (the same bug satteriSvgNamespaceFix works around).
      .replace(/ xmlns="http:\/\/www\.w3\.org\/1998\/Math\/MathML"/g, '');
    return { html: display ? `<div class="math-display">${html}</div>` : html };
  } catch (error) {
    if (error instanceof katex.ParseError) {
      const position = (error as { position?: number }).position ?? 0;
      const reason = (error as { rawMessage?: string }).rawMessage ?? error.message;
      return { error: { reason, lineOffset: tex.slice(0, position).split('\n').length - 1 } };
    }
    throw error;
  }
}

/**
 * Whether `$…$` as written (the source slice, dollars included) is meant as math. Pandoc's rule,
 * so prices survive: the opening `$` is followed by a non-space, the closing one preceded by a
 * non-space and not followed by a digit (`$5 and $10` stays text). ``$`…`$`` is always math.
 */
export function isInlineMath(written: string, nextChar: string | undefined): boolean {
  if (/^\$`[\s\S]*`\$$/.test(written)) return true;
  if (written.startsWith('$$')) return true;
  const inner = written.slice(1, -1);
  if (inner === '' || /^\s/.test(inner) || /\s$/.test(inner)) return false;
  return !(nextChar !== undefined && /\d/.test(nextChar));
}

/** The TeX of an inline math node: GitHub's ``$`…`$`` form keeps its backticks in the value. */
export function inlineTex(value: string): string {
  const match = /^`+([\s\S]*?)`+$/.exec(value);
  return match ? match[1]!.trim() : value;
}

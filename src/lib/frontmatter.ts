/**
 * Where a case study's frontmatter block is: the one rule for the validator, the sitemap's
 * draft and date lookup, and the text-diagram collector. A `---` line (after an optional
 * byte-order mark), the YAML, and a closing `---` line, at the very start of the file.
 * Parsing the YAML is left to the caller (the validator needs line numbers, the sitemap
 * does not).
 */
const FRONTMATTER = /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?)(\r?\n)?^---[ \t]*(?:\r?\n|$)/m;

export interface FrontmatterBlock {
  /** The whole block, both `---` lines included. */
  block: string;
  /** The YAML between them. */
  yaml: string;
}

/** The frontmatter block at the start of `source`, or undefined when the file has none. */
export function frontmatterBlock(source: string): FrontmatterBlock | undefined {
  const match = FRONTMATTER.exec(source);
  if (!match || match.index !== 0) return undefined;
  return { block: match[0], yaml: match[2] ?? '' };
}

/** The source with its frontmatter replaced by blank lines (as @astrojs/mdx does), so body line numbers hold. */
export function blankFrontmatter(source: string): string {
  const fm = frontmatterBlock(source);
  return fm ? fm.block.replace(/[^\n]/g, '') + source.slice(fm.block.length) : source;
}

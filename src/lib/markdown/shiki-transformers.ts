/**
 * Shiki transformers for every code block (astro.config.mjs `shikiConfig.transformers`):
 * line highlights from the fence meta (`{1,3-5}`; see satteri-line-highlights.ts for why
 * this one rarely sees the meta), shiki's `// [!code ++]` / `[!code --]` /
 * `[!code highlight]` notations, Docusaurus' `// highlight-next-line` and
 * `highlight-start`/`highlight-end` comments, and added/removed lines in ```diff fences.
 * The classes they set (`highlighted`, `diff add`, `diff remove`) are styled for both themes
 * in src/styles/markdown.css.
 */
import type { ShikiTransformer } from 'shiki';
import { transformerMetaHighlight, transformerNotationDiff, transformerNotationHighlight } from '@shikijs/transformers';

/** A Docusaurus magic comment on a line of its own, in any common comment syntax. */
const MAGIC = /^\s*(?:\/\/|#|--|;|\/\*|<!--|\{\/\*)\s*(highlight-next-line|highlight-start|highlight-end)\s*(?:\*\/\}?|-->)?\s*$/;

/**
 * Docusaurus' magic comments: the comment lines are removed and the lines they point at are
 * highlighted. Hand-written because no shiki transformer reads this syntax.
 */
const HIGHLIGHTED = Symbol('docusaurus-highlighted-lines');

export function docusaurusHighlightComments(): ShikiTransformer {
  return {
    name: 'casebook:docusaurus-highlight',
    preprocess(code) {
      if (!code.includes('highlight-')) return code;
      const kept: string[] = [];
      const lines = new Set<number>();
      let inRange = false;
      let nextLine = false;
      for (const line of code.split('\n')) {
        const magic = MAGIC.exec(line)?.[1];
        if (magic === 'highlight-next-line') nextLine = true;
        else if (magic === 'highlight-start') inRange = true;
        else if (magic === 'highlight-end') inRange = false;
        else {
          kept.push(line);
          if (inRange || nextLine) lines.add(kept.length);
          nextLine = false;
        }
      }
      if (lines.size === 0 && kept.length === code.split('\n').length) return code;
      (this.meta as Record<symbol, Set<number>>)[HIGHLIGHTED] = lines;
      return kept.join('\n');
    },
    line(node, line) {
      if ((this.meta as Record<symbol, Set<number> | undefined>)[HIGHLIGHTED]?.has(line)) this.addClassToHast(node, 'highlighted');
    },
  };
}

/**
 * Tokenize every line to the end, however long it takes. Shiki gives up on a line after
 * `tokenizeTimeLimit` (500 ms by default) and leaves the rest of it as one uncoloured token.
 * Its first theme pays for compiling the grammar's patterns, so on a busy machine (a GC
 * pause, a shared core) a line of the light theme could pass the limit in one build and not
 * in the next: a few `--shiki-light` tokens came out in the default colour on 1-3 pages,
 * differently build to build. A build wants the same output every time, so no limit; the
 * transformer runs before tokenizing and sets the option on the call's own options.
 */
export function completeTokenizing(): ShikiTransformer {
  return {
    name: 'casebook:complete-tokenizing',
    preprocess(_code, options) {
      options.tokenizeTimeLimit = 0;
    },
  };
}

/** ```diff fences: lines starting with + or - are marked as added or removed. */
export function diffLines(): ShikiTransformer {
  return {
    name: 'casebook:diff-lines',
    line(node, line) {
      if (this.options.lang !== 'diff') return;
      const text = this.source.split('\n')[line - 1] ?? '';
      if (/^\+(?!\+\+ )/.test(text)) this.addClassToHast(node, ['diff', 'add']);
      else if (/^-(?!-- )/.test(text)) this.addClassToHast(node, ['diff', 'remove']);
    },
    pre(node) {
      if (this.options.lang === 'diff') this.addClassToHast(node, 'has-diff');
    },
  };
}

export const shikiTransformers: ShikiTransformer[] = [
  completeTokenizing(),
  transformerMetaHighlight(),
  transformerNotationDiff({ matchAlgorithm: 'v3' }),
  transformerNotationHighlight({ matchAlgorithm: 'v3' }),
  docusaurusHighlightComments(),
  diffLines(),
];

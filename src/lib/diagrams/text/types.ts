/**
 * Shared vocabulary of the text-diagram feature: the languages a fence can be written in,
 * what a renderer returns, and the one error type an author can cause while writing one.
 *
 * Kept separate from the renderers so the remark plugin, the cache and the tests can talk
 * about diagrams without loading any WebAssembly.
 */

// The language list and the fence names that select them are the catalogue's (../catalogue.ts).
import type { TextDiagramLang } from '../catalogue.ts';
export { TEXT_DIAGRAM_LANGS, type TextDiagramLang } from '../catalogue.ts';

/** The output of one renderer: a themed SVG document, not yet sanitised or optimised. */
export interface RenderedTextDiagram {
  lang: TextDiagramLang;
  /** The diagram type detected in the source, e.g. `sequenceDiagram`, `digraph`, `d2`. */
  type: string;
  /** SVG markup whose colours are the site's `--cb-diagram-*` variables (with fallbacks). */
  svg: string;
  /** Things the author may want to know that did not stop the render. */
  warnings: string[];
}

/** A renderer turns diagram source into a themed SVG; it throws `TextDiagramError`. */
export interface TextDiagramRenderer {
  lang: TextDiagramLang;
  /** Identifies the renderer build, so a library upgrade invalidates cached output. */
  version: string;
  render(source: string): Promise<RenderedTextDiagram>;
}

/**
 * A problem in a diagram's source. `line` is 1-based within the fence body (the line after
 * the opening ```), or undefined when the renderer could not say where.
 */
export class TextDiagramError extends Error {
  override name = 'TextDiagramError';
  constructor(
    readonly lang: TextDiagramLang,
    readonly reason: string,
    readonly line?: number,
  ) {
    super(line === undefined ? `${lang}: ${reason}` : `${lang}, line ${line} of the diagram: ${reason}`);
  }
}

/**
 * Public surface of the text-diagram feature (Mermaid, D2, Graphviz fences rendered at
 * build time). Pages and scripts import from here; the modules behind it may move.
 */
export { remarkTextDiagrams, type RenderedFence, type RemarkTextDiagramsOptions } from './remark-text-diagrams.ts';
export { collectTextDiagrams, listTextDiagrams, loadTextDiagram, textDiagramsByName } from './collect.ts';
export { createTextDiagramService, textDiagrams, type TextDiagramService } from './render.ts';
export { sampleTextDiagram } from './sample.ts';
export { MERMAID_TYPES, MERMAID_TYPES_HELP } from './mermaid-syntax.ts';
export { TextDiagramError, TEXT_DIAGRAM_LANGS, type TextDiagramLang } from './types.ts';

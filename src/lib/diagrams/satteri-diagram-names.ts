/**
 * The `<Diagram name>` check (remark-diagram-names.ts) as a Sätteri mdast plugin, for
 * `markdown.processor: satteri(...)` in astro.config.mjs: Astro's default Markdown processor,
 * much faster than the unified (remark/rehype) pipeline, but with its own plugin API.
 *
 * Same rule, same error: it collects the literal `<Diagram name>` uses and the file's
 * text-diagram fences while Sätteri walks the tree, then checks them with the shared
 * `assertKnownDiagramNames`, so the message names the MDX file and line exactly as before.
 * It must run before satteri-text-diagrams.ts, which replaces those fences with figures.
 */
import { fileURLToPath } from 'node:url';
import type { Code, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { MdastPluginDefinition, MdastPluginEntry, PluginFactoryContext } from 'satteri';
import { assertKnownDiagramNames, diagramNameUsesOf, type DiagramNameUse, type RemarkDiagramNamesOptions } from './remark-diagram-names.ts';

export function satteriDiagramNames(options: RemarkDiagramNamesOptions = {}): MdastPluginEntry {
  const root = options.root ?? process.cwd();
  // A factory: Sätteri calls it once per document, so the collected uses are per document.
  return (doc: PluginFactoryContext): MdastPluginDefinition | null => {
    // Cheap pre-check on the source: most files need no walk at all.
    if (!doc.source.includes('<Diagram')) return null;
    const uses: DiagramNameUse[] = [];
    const fences: Code[] = [];
    const collect = (el: Readonly<MdxJsxFlowElement | MdxJsxTextElement>): void => {
      uses.push(...diagramNameUsesOf(el));
    };
    return {
      name: 'casebook-diagram-names',
      // Line numbers for the error message.
      options: { position: true },
      mdxJsxFlowElement: collect,
      mdxJsxTextElement: collect,
      code(node) {
        fences.push(node);
      },
      async after() {
        // The fences are all the name sources need from the tree (named text diagrams).
        const tree: Root = { type: 'root', children: fences };
        await assertKnownDiagramNames(uses, tree, doc.fileURL ? fileURLToPath(doc.fileURL) : undefined, root);
      },
    };
  };
}

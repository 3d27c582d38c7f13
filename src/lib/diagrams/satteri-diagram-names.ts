/**
 * Fails the build when a case study names a diagram that does not exist: a Sätteri mdast
 * plugin (registered in src/lib/satteri-plugins.ts, Astro's default Markdown processor).
 *
 * While Sätteri walks the tree it collects every `<Diagram name="...">` with a literal name
 * and the file's fences; then the catalogue (catalogue.ts) decides, from the SVG files in
 * diagrams/ and the fences named in this same file, exactly as `npm run validate` does. The
 * error names the MDX file and line, the unknown name, the names there are and a likely
 * typo fix. A name given as an expression (`name={x}`) cannot be checked here; the
 * component still throws at render time. It must run before satteri-text-diagrams.ts,
 * which replaces those fences with figures.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Code } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { MdastPluginDefinition, MdastPluginEntry, PluginFactoryContext } from 'satteri';
import { namesForCaseStudy, type FenceNode } from './catalogue.ts';

export interface DiagramNameUse {
  name: string;
  line: number | undefined;
}

export interface DiagramNamesOptions {
  /** Project root; default process.cwd(). */
  root?: string;
}

/** The literal `name` of one `<Diagram>` element (none for other elements or `name={expr}`). */
export function diagramNameUsesOf(el: Readonly<MdxJsxFlowElement | MdxJsxTextElement>): DiagramNameUse[] {
  if (el.name !== 'Diagram') return [];
  const uses: DiagramNameUse[] = [];
  for (const attr of el.attributes) {
    if (attr.type === 'mdxJsxAttribute' && attr.name === 'name' && typeof attr.value === 'string') {
      uses.push({ name: attr.value, line: el.position?.start.line });
    }
  }
  return uses;
}

/** Throws the catalogue's DiagramError for the first use whose name is not known for this file. */
export function assertKnownDiagramNames(
  uses: readonly DiagramNameUse[],
  fences: Iterable<FenceNode>,
  mdxPath: string | undefined,
  root: string,
): void {
  if (uses.length === 0) return;
  const known = namesForCaseStudy(root, fences);
  const file = mdxPath ? path.relative(root, mdxPath) || mdxPath : '<mdx>';
  for (const use of uses) {
    const error = known.check(use.name, { file, line: use.line, element: `<Diagram name="${use.name}">` });
    if (error) throw error;
  }
}

export function satteriDiagramNames(options: DiagramNamesOptions = {}): MdastPluginEntry {
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
      after() {
        assertKnownDiagramNames(uses, fences, doc.fileURL ? fileURLToPath(doc.fileURL) : undefined, root);
      },
    };
  };
}

/**
 * Fails the build when a case study names a diagram that does not exist.
 *
 * A remark plugin (its Sätteri adapter is registered in src/lib/satteri-plugins.ts) that visits every `<Diagram>`
 * JSX element in an MDX file and checks its `name` against the known diagrams: the SVG files
 * in `diagrams/` plus named text-diagram fences in the same file (the list and its extension
 * point live in src/lib/diagrams/names.ts, shared with `npm run validate`). The error
 * names the MDX file and line, the unknown name, the available names and a likely typo fix.
 * A name given as an expression (`name={x}`) cannot be checked here; the component still
 * throws at render time.
 */
import path from 'node:path';
import type { Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { knownDiagramNames } from './names.ts';
import { DiagramError } from './errors.ts';
import { availableNamesHint } from './suggest.ts';

export interface DiagramNameUse {
  name: string;
  line: number | undefined;
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

/** Every `<Diagram name="...">` with a literal name, in document order. */
export function diagramNameUses(tree: Root): DiagramNameUse[] {
  const uses: DiagramNameUse[] = [];
  visit(tree, (node) => {
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    uses.push(...diagramNameUsesOf(node as MdxJsxFlowElement | MdxJsxTextElement));
  });
  return uses;
}

/**
 * Throws a DiagramError for the first use whose name is not known for this file. `tree` holds
 * (at least) the file's text-diagram fences, which define names too. Shared by the remark
 * plugin below and the Sätteri adapter (satteri-diagram-names.ts).
 */
export async function assertKnownDiagramNames(
  uses: readonly DiagramNameUse[],
  tree: Root,
  mdxPath: string | undefined,
  root: string,
): Promise<void> {
  if (uses.length === 0) return;
  const known = await knownDiagramNames({ root, tree });
  const shownFile = mdxPath ? path.relative(root, mdxPath) || mdxPath : '<mdx>';
  for (const use of uses) {
    if (known.has(use.name)) continue;
    throw new DiagramError({
      file: shownFile, line: use.line, element: `<Diagram name="${use.name}">`,
      found: `no diagram is named "${use.name}"`,
      expected: availableNamesHint(use.name, [...known].sort()),
    });
  }
}

export interface RemarkDiagramNamesOptions {
  /** Project root; default process.cwd(). */
  root?: string;
}

export default function remarkDiagramNames(options: RemarkDiagramNamesOptions = {}) {
  const root = options.root ?? process.cwd();
  return async function check(tree: Root, file: VFile): Promise<void> {
    await assertKnownDiagramNames(diagramNameUses(tree), tree, file.path, root);
  };
}

/**
 * Which diagram names a case study may use (`<Diagram name>` and `cover.diagram`).
 *
 * Extension point: each `DiagramNameSource` contributes names. Today there are two — SVG
 * files in `diagrams/` and named text-diagram fences in the case study's own body. The
 * text-diagram work can change how a fence is named by editing `namedFenceDiagrams` (or add
 * a source to `DIAGRAM_NAME_SOURCES`) without touching the validator.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

export interface DiagramNameContext {
  /** Project root. */
  root: string;
  /** The case study's body as an mdast tree (after MDX parsing). */
  tree: Root;
}

export type DiagramNameSource = (ctx: DiagramNameContext) => Iterable<string> | Promise<Iterable<string>>;

/** The SVG files in diagrams/ (names without `.svg`, subfolders as `sub/name`). */
export const svgFileDiagrams: DiagramNameSource = async ({ root }) => listSvgNames(path.join(root, 'diagrams'));

/** Languages rendered from fences by the text-diagram pipeline. */
export const TEXT_DIAGRAM_LANGUAGES = new Set(['mermaid', 'd2', 'dot', 'graphviz']);

/** Fences such as ```mermaid name="checkout-flow" define a diagram usable by that name. */
export const namedFenceDiagrams: DiagramNameSource = ({ tree }) => {
  const names: string[] = [];
  visit(tree, 'code', (node) => {
    if (!node.lang || !TEXT_DIAGRAM_LANGUAGES.has(node.lang)) return;
    const name = /(?:^|\s)name=(?:"([^"]+)"|'([^']+)'|(\S+))/.exec(node.meta ?? '');
    const value = name?.[1] ?? name?.[2] ?? name?.[3];
    if (value) names.push(value);
  });
  return names;
};

export const DIAGRAM_NAME_SOURCES: readonly DiagramNameSource[] = [svgFileDiagrams, namedFenceDiagrams];

export async function knownDiagramNames(
  ctx: DiagramNameContext,
  sources: readonly DiagramNameSource[] = DIAGRAM_NAME_SOURCES,
): Promise<Set<string>> {
  const names = new Set<string>();
  for (const source of sources) for (const name of await source(ctx)) names.add(name);
  return names;
}

const svgNameCache = new Map<string, { mtimeMs: number; names: Promise<string[]> }>();

/**
 * Lists diagram names, once per folder version: every case study asks, and `astro dev` keeps
 * running while the author adds files, so the listing is redone when the folder changes.
 */
async function listSvgNames(folder: string): Promise<string[]> {
  const mtimeMs = await stat(folder).then(
    (s) => s.mtimeMs,
    () => -1,
  );
  const cached = svgNameCache.get(folder);
  if (cached && cached.mtimeMs === mtimeMs) return cached.names;
  const names = readdir(folder, { recursive: true })
    .then((entries) =>
      entries
        .map((e) => e.replace(/\\/g, '/'))
        .filter((e) => e.toLowerCase().endsWith('.svg'))
        .map((e) => e.slice(0, -'.svg'.length)),
    )
    .catch(() => []);
  svgNameCache.set(folder, { mtimeMs, names });
  return names;
}

/** Forget listed folders (tests write diagrams between runs). */
export function clearDiagramNameCache(): void {
  svgNameCache.clear();
}

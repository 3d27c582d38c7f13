/**
 * /diagrams/<name>.svg for text diagrams: the pieces the diagrams route needs, so that a
 * fence's "View diagram" link opens the same standalone file a hand-authored SVG gets.
 *
 * The route (src/pages/diagrams/[name].svg.ts, owned by the SVG pipeline) merges these in:
 *
 *   getStaticPaths: [...listDiagrams().map(...), ...(await textDiagramStaticPaths())]
 *   GET: (await textDiagramStandaloneSvg(name)) ?? standaloneSvg(loadDiagram(name))
 */
import { standaloneSvg } from '../standalone.ts';
import { listTextDiagrams, loadTextDiagram } from './collect.ts';

export async function textDiagramStaticPaths(): Promise<Array<{ params: { name: string } }>> {
  return (await listTextDiagrams()).map((name) => ({ params: { name } }));
}

/** The standalone SVG document for a fence name, or undefined when no fence has that name. */
export async function textDiagramStandaloneSvg(name: string): Promise<string | undefined> {
  const fence = await loadTextDiagram(name);
  return fence ? standaloneSvg(fence.processed) : undefined;
}

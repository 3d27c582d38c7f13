/**
 * One name, one diagram, wherever it was drawn: `diagrams/<name>.svg` first, then a named
 * text-diagram fence (```mermaid name="..."```) anywhere in the case studies.
 *
 * Used by <Diagram> (so a cover can be a fence) and by the /diagrams/<name>.svg route. An
 * unknown name fails with every name there is and a likely typo fix.
 */
import { DiagramError } from './errors.ts';
import type { ProcessedDiagram } from './pipeline.ts';
import { listDiagrams, loadDiagram } from './registry.ts';
import { availableNamesHint } from './suggest.ts';
import { listTextDiagrams, loadTextDiagram } from './text/collect.ts';

export async function resolveDiagram(name: string): Promise<ProcessedDiagram> {
  if (listDiagrams().includes(name)) return loadDiagram(name);
  const fence = await loadTextDiagram(name);
  if (fence) return fence.processed;
  const names = [...new Set([...listDiagrams(), ...(await listTextDiagrams())])].sort();
  throw new DiagramError({
    file: `diagrams/${name}.svg`,
    element: `<Diagram name="${name}">`,
    found: 'names no diagram (no SVG file in diagrams/ and no text-diagram fence with that name)',
    expected: availableNamesHint(name, names),
  });
}

/** Every diagram name with a standalone file: SVG files, then fences not shadowed by a file. */
export async function allDiagramNames(): Promise<string[]> {
  const files = listDiagrams();
  const fences = (await listTextDiagrams()).filter((n) => !files.includes(n));
  return [...files, ...fences];
}

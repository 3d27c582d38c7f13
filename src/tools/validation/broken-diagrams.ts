/**
 * Runs every diagram SVG that a case study references through the diagram pipeline once, so a
 * broken diagram (not well-formed, empty) is reported together with all other problems
 * instead of stopping the build on the first one. The catalogue says which files there are
 * and the pipeline owns the rules (src/lib/diagrams); this only turns their DiagramErrors
 * into Problems. It goes through the build's diagram cache (registry.ts `throughDiskCache`), so
 * a diagram it processed cold is not processed again by the build, and an unchanged one is
 * read, not re-run through svgo.
 */
import { listDiagramFolder, sitePrefix } from '../../lib/diagrams/catalogue.ts';
import { DiagramError } from '../../lib/diagrams/errors.ts';
import { processSvg } from '../../lib/diagrams/pipeline.ts';
import { diagramCache, diagramCacheKey } from '../../lib/diagrams/cache.ts';
import { throughDiskCache } from '../../lib/diagrams/registry.ts';
import { cacheDir } from '../../lib/cache.ts';
import { resolveLimits } from '../../lib/diagrams/safety/bounds.ts';
import { readDiagramFile } from '../../lib/diagrams/safety/files.ts';
import { diagramProblem, type Problem } from './problem.ts';

export async function brokenDiagramProblems(root: string, names: Iterable<string>): Promise<Problem[]> {
  const cache = diagramCache(cacheDir('diagrams', process.env, root));
  const files = new Map(listDiagramFolder(root).files.map((f) => [f.name, f]));
  const problems: Problem[] = [];
  for (const name of new Set(names)) {
    const diagram = files.get(name);
    if (!diagram) continue; // a text diagram (checked by text-diagram-fences.ts)
    try {
      const source = readDiagramFile(diagram.path, root, diagram.file, resolveLimits());
      const idPrefix = sitePrefix(name, root);
      throughDiskCache(cache, diagramCacheKey(name, idPrefix, source), () => processSvg(source, { name, idPrefix, file: diagram.file }));
    } catch (error) {
      if (!(error instanceof DiagramError)) throw error;
      problems.push(diagramProblem(error));
    }
  }
  return problems;
}

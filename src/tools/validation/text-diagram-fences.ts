/**
 * Renders every Mermaid, D2 and Graphviz fence of a case study before the build, so a
 * syntax error in a diagram is reported with the other problems in one run (the build
 * itself stops at the first one, inside Astro's remark pipeline).
 *
 * Uses the same renderers and cache as the build (src/lib/diagrams/text/), so a fence
 * checked here is not rendered again by the build.
 */
import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { fenceLang, FenceMetaError, parseFenceMeta } from '../../lib/diagrams/catalogue.ts';
import { textDiagrams, type TextDiagramService } from '../../lib/diagrams/text/render.ts';
import { TextDiagramError } from '../../lib/diagrams/text/types.ts';
import { describeTextDiagramError } from '../../lib/diagrams/text/remark-text-diagrams.ts';
import type { Problem } from './problem.ts';

export async function textDiagramProblems(
  file: string,
  tree: Root,
  service: TextDiagramService = textDiagrams(),
): Promise<Problem[]> {
  const fences: Code[] = [];
  visit(tree, 'code', (node: Code) => {
    if (fenceLang(node.lang)) fences.push(node);
  });
  // Every fence at once (Mermaid renders on the browser pool's pages in parallel); every
  // broken one is reported, in fence order.
  const checked = await Promise.all(
    fences.map(async (node): Promise<Problem | undefined> => {
      const lang = fenceLang(node.lang)!;
      const fenceLine = node.position?.start.line;
      const subject = `\`\`\`${node.lang} fence`;
      try {
        parseFenceMeta(node.meta);
        await service.render(lang, node.value);
        return undefined;
      } catch (err) {
        if (err instanceof FenceMetaError) {
          return { file, ...(fenceLine ? { line: fenceLine } : {}), subject, message: err.message };
        }
        if (err instanceof TextDiagramError) {
          const line = fenceLine === undefined ? undefined : fenceLine + (err.line ?? 0);
          return { file, ...(line ? { line } : {}), subject, message: describeTextDiagramError(err, node.value, fenceLine) };
        }
        throw err;
      }
    }),
  );
  return checked.filter((p): p is Problem => p !== undefined);
}

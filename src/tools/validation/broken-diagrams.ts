/**
 * Runs every diagram SVG that a case study references through the diagram pipeline once, so a
 * broken diagram (not well-formed, empty, badly named) is reported together with all other
 * problems instead of stopping the build on the first one. The pipeline (src/lib/diagrams)
 * owns the rules; this only turns its DiagramErrors into Problems.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DiagramError } from '../../lib/diagrams/errors.ts';
import { processSvg } from '../../lib/diagrams/pipeline.ts';
import { foundExpected, type Problem } from './problem.ts';

export async function brokenDiagramProblems(root: string, names: Iterable<string>): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const name of new Set(names)) {
    const file = `diagrams/${name}.svg`;
    let source: string;
    try {
      source = await readFile(path.join(root, file), 'utf8');
    } catch {
      continue; // not an SVG file (a text diagram, or unknown: reported elsewhere)
    }
    try {
      processSvg(source, { name, file });
    } catch (error) {
      if (!(error instanceof DiagramError)) throw error;
      const problem: Problem = {
        file: error.file,
        subject: error.element ?? 'diagram',
        message: error.expected ? foundExpected(error.found, error.expected) : `found ${error.found}`,
      };
      if (error.line !== undefined) problem.line = error.line;
      problems.push(problem);
    }
  }
  return problems;
}

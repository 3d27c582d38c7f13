/**
 * Every text diagram in the case studies, by name: what /diagrams/<name>.svg, a
 * `cover.diagram` that names a fence, and the architecture page need.
 *
 * It reads content/case-studies/*.mdx and runs the same remark plugin the pages use (so
 * names, rendering and the pipeline are identical), through the same cache: after a build
 * has rendered the pages, collecting costs a parse per file and no rendering. Results are
 * kept for the life of the process (one build). Names must be unique across the site,
 * because they name files under /diagrams/; a clash fails with both places.
 *
 * Parsing once per build: a file whose page the build has already rendered is not parsed
 * again; its fences come from the page build (rendered-fences.ts). A file is parsed here only
 * when its page has not been rendered yet, because Astro renders pages in no fixed order and
 * /diagrams/<name>.svg, a card's cover or the architecture page can come first; Sätteri's
 * plugin API runs per document, with no pass over the whole collection before rendering, and
 * the validator's parse runs in another module graph before Astro starts (not at all in
 * `astro dev` or with --skip-validate). Files without a diagram fence are skipped by a text
 * test (`mayHaveDiagramFence`), and every render comes from the shared cache.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { mayHaveDiagramFence } from '../catalogue.ts';
import { DiagramError } from '../errors.ts';
import { remarkTextDiagrams, type RenderedFence } from './remark-text-diagrams.ts';
import type { TextDiagramService } from './render.ts';
import { formatOf } from '../../markdown/features.ts';
import { blankFrontmatter } from '../../frontmatter.ts';
import { recallRenderedFences } from './rendered-fences.ts';
import { addWork } from '../../build-phases.ts';

export interface CollectOptions {
  /** Folder of case studies; default `<cwd>/content/case-studies`. */
  dir?: string;
  service?: TextDiagramService;
}

export async function collectTextDiagrams(options: CollectOptions = {}): Promise<Map<string, RenderedFence>> {
  const dir = options.dir ?? resolve('content/case-studies');
  let files: string[];
  try {
    files = readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => formatOf(f) !== undefined)
      .sort();
  } catch {
    return new Map();
  }
  const found = new Map<string, RenderedFence>();
  for (const f of files) {
    const path = join(dir, f);
    const text = readFileSync(path, 'utf8');
    if (!mayHaveDiagramFence(text)) continue;
    const body = blankFrontmatter(text);
    // The page build rendered this very file already (same body): nothing to do twice.
    let fences = options.service ? undefined : recallRenderedFences(path, body);
    if (!fences) {
      const parsed: RenderedFence[] = [];
      // Only parse + our transform: the same names and output as the page build, no compile.
      // .md files are plain Markdown (no MDX syntax); the fences read the same either way.
      const processor = unified()
        .use(remarkParse)
        .use(formatOf(f) === 'mdx' ? [remarkMdx] : [])
        .use(remarkTextDiagrams, { ...(options.service ? { service: options.service } : {}), onDiagram: (d: RenderedFence) => parsed.push(d), warn: () => undefined }); // the page build already warned
      const vfile = new VFile({ value: body, path });
      await processor.run(processor.parse(vfile), vfile);
      addWork('fence collector: files parsed again', 0);
      fences = parsed;
    }
    for (const fence of fences) {
      const other = found.get(fence.name);
      if (other) {
        throw new DiagramError({
          file: fence.file, line: fence.line, element: `\`\`\`${fence.lang} fence`,
          found: `the diagram name "${fence.name}" is also used in ${other.file}:${other.line}`,
          expected: 'names unique across the site (they name /diagrams/<name>.svg); set name="..." on one of them',
        });
      }
      found.set(fence.name, fence);
    }
  }
  return found;
}

const GLOBAL_KEY = Symbol.for('casebook.diagrams.text.collected');
type GlobalWithCollection = typeof globalThis & { [GLOBAL_KEY]?: Promise<Map<string, RenderedFence>> };

/** The site's text diagrams, collected once per process. */
export function textDiagramsByName(): Promise<Map<string, RenderedFence>> {
  const g = globalThis as GlobalWithCollection;
  return (g[GLOBAL_KEY] ??= collectTextDiagrams());
}

/** Names of all text diagrams, sorted (for getStaticPaths of /diagrams/<name>.svg). */
export async function listTextDiagrams(): Promise<string[]> {
  return [...(await textDiagramsByName()).keys()].sort();
}

/** The processed diagram for a fence name, or undefined if no fence has that name. */
export async function loadTextDiagram(name: string): Promise<RenderedFence | undefined> {
  return (await textDiagramsByName()).get(name);
}

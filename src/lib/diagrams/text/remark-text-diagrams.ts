/**
 * The remark plugin that turns ```mermaid, ```d2 and ```dot / ```graphviz fences in a case
 * study into diagram figures at build time.
 *
 * It runs on the Markdown tree, before syntax highlighting (a rehype step), so it sees the
 * fences as `code` nodes. Each one is rendered (through the cache), passed through the same
 * sanitise/optimise/id-prefix pipeline as hand-authored SVGs, and replaced by the figure
 * markup as raw HTML, which MDX turns into static elements: no component, no client
 * JavaScript. A mistake in a diagram fails the build with one line:
 *   content/case-studies/x.mdx:42: ```mermaid fence "charge-flow": <renderer's message>
 */
import { dirname, join, relative, resolve } from 'node:path';
import type { Code, Html, Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import type { DiskCache } from '../../cache.ts';
import { diagramCache, diagramCacheKey } from '../cache.ts';
import { timeWorkAsync } from '../../build-phases.ts';
import { DiagramError } from '../errors.ts';
import { processSvg, type ProcessedDiagram } from '../pipeline.ts';
import { defaultDiagramName, FenceMetaError, fenceLang, parseFenceMeta, sitePrefix, TEXT_DIAGRAM_LANG_LABEL as LANG_LABEL } from '../catalogue.ts';
import { diagramFigure } from '../figure.ts';
import { withTitle } from '../inline.ts';
import { embedD2Icons, type IconFolders } from './d2-icons.ts';
import { textDiagrams, type TextDiagramService } from './render.ts';
import { TextDiagramError, type TextDiagramLang } from './types.ts';

export interface RemarkTextDiagramsOptions {
  /** Renders fences; defaults to the process-wide cached service. */
  service?: TextDiagramService;
  /** Site base path for the "View diagram" link, e.g. "/" or "/portfolio/". */
  base?: string;
  /** Receives every diagram the plugin produced (the standalone-file registry uses it). */
  onDiagram?: (diagram: RenderedFence) => void;
  /** Where warnings go (one line each); default console.warn. */
  warn?: (message: string) => void;
}

/** One fence after rendering and the pipeline. */
export interface RenderedFence {
  name: string;
  lang: TextDiagramLang;
  /** Project-relative MDX path and the line of the opening ``` in it. */
  file: string;
  line: number;
  caption: string | undefined;
  processed: ProcessedDiagram;
  warnings: string[];
}

/** The case study's slug: the MDX file name without extension. */
function slugOf(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? 'diagram';
  return base.replace(/\.mdx?$/i, '');
}

function projectPath(path: string | undefined): string {
  if (!path) return '<unknown MDX file>';
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel.split('\\').join('/');
}

interface Fence extends TextDiagramFence {
  index: number;
  parent: { children: unknown[] };
}

let pipelineCache: DiskCache<ProcessedDiagram> | undefined;
const processedInMemory = new Map<string, ProcessedDiagram>();

/**
 * The SVG pipeline through its own content-hash cache (the one hand-authored diagrams use),
 * so an unchanged fence skips svgo too; kept in memory as well, because the same fence is
 * processed by the page build and again by the collector for /diagrams/<name>.svg.
 */
function processCached(svg: string, name: string, file: string): ProcessedDiagram {
  const idPrefix = sitePrefix(name);
  const key = diagramCacheKey(name, idPrefix, svg);
  const inMemory = processedInMemory.get(key);
  if (inMemory) return inMemory;
  pipelineCache ??= diagramCache();
  let processed = pipelineCache.get(key);
  if (!processed) {
    processed = processSvg(svg, { name, idPrefix, file });
    pipelineCache.set(key, processed);
  }
  processedInMemory.set(key, processed);
  return processed;
}

/** Renders one fence or throws an error whose message is the whole story, on one line. */
/** Where a study's D2 icons are looked up: its own folder, then the project's diagrams/. */
function iconFolders(mdxPath: string | undefined): IconFolders {
  const root = process.cwd();
  const dirs = [join(root, 'diagrams')];
  if (mdxPath) dirs.unshift(dirname(resolve(mdxPath)));
  return { dirs, root };
}

async function renderFence(fence: TextDiagramFence, name: string, file: string, service: TextDiagramService, mdxPath?: string): Promise<RenderedFence> {
  const { node, lang } = fence;
  const fenceLine = node.position?.start.line;
  const where = (lineInFence?: number): number | undefined =>
    fenceLine === undefined ? undefined : fenceLine + (lineInFence ?? 0);
  const element = `\`\`\`${node.lang ?? lang} fence "${name}"`;
  let meta;
  try {
    meta = parseFenceMeta(node.meta);
  } catch (err) {
    if (err instanceof FenceMetaError) throw new DiagramError({ file, line: where(), element, found: err.message });
    throw err;
  }
  let rendered;
  try {
    rendered = await service.render(lang, node.value);
    // D2 icons: local files embedded (paths relative to the study, then diagrams/).
    if (lang === 'd2' && /<image\b/.test(rendered.svg)) {
      rendered = { ...rendered, svg: embedD2Icons(rendered.svg, node.value, iconFolders(mdxPath)) };
    }
  } catch (err) {
    if (err instanceof TextDiagramError) {
      throw new DiagramError({ file, line: where(err.line), element, found: describeTextDiagramError(err, node.value, fenceLine) });
    }
    throw err;
  }
  const title = meta.title;
  // The diagram's own title (Mermaid's accTitle) stays its accessible name; the fence's
  // title is the caption and, when the diagram has none, the name as well.
  const svg = title && !hasRootTitle(rendered.svg) ? withTitle(rendered.svg, title) : rendered.svg;
  const processed = processCached(svg, name, `${file}:${fenceLine ?? 0}`);
  const rendererWarnings = rendered.warnings.map((w) => `${file}:${where() ?? 0}: ${element}: ${w}`);
  return { name, lang, file, line: fenceLine ?? 0, caption: title, processed, warnings: [...rendererWarnings, ...processed.warnings] };
}

/** Whether the SVG's root already has a <title> (the renderer's accessible name). */
function hasRootTitle(svg: string): boolean {
  return /^[\s\S]*?<svg\b[^>]*>\s*(?:<style\b[\s\S]*?<\/style>\s*)?<title\b/.test(svg);
}

/**
 * The message for a renderer's error: the language, where in the fence (the fence's line in
 * the MDX file, the line inside the fence and its text) and the renderer's own words.
 */
export function describeTextDiagramError(err: TextDiagramError, body: string, fenceLine: number | undefined): string {
  const label = LANG_LABEL[err.lang];
  if (err.line === undefined) return `${label}: ${err.reason}`;
  const text = body.replace(/\r\n?/g, '\n').split('\n')[err.line - 1]?.trim();
  const shown = text ? `: \`${text.length > 80 ? `${text.slice(0, 77)}...` : text}\`` : '';
  const fence = fenceLine === undefined ? '' : `, fence on line ${fenceLine}`;
  return `${label} (line ${err.line} of the diagram${fence}${shown}): ${err.reason}`;
}

/** A diagram fence found in a document: its `code` node and the language it renders with. */
export interface TextDiagramFence {
  node: Code;
  lang: TextDiagramLang;
}

/**
 * The whole fence -> figure step, independent of the Markdown processor: names the fences
 * (explicit `name=` or `<slug>-<lang>-<n>`), rejects duplicate names, renders them in order
 * (warnings and `onDiagram` as they come) and returns each fence's figure HTML, in the
 * fences' order. Shared by the remark plugin below and the Sätteri adapter
 * (satteri-text-diagrams.ts), so both produce the same figures and the same errors.
 */
export async function renderTextDiagramFences(
  fences: readonly TextDiagramFence[],
  mdxPath: string | undefined,
  options: RemarkTextDiagramsOptions = {},
): Promise<string[]> {
  if (fences.length === 0) return [];
  const base = options.base ?? '/';
  const warn = options.warn ?? ((m: string) => console.warn(m));
  const file = projectPath(mdxPath);
  const slug = slugOf(mdxPath ?? 'diagram');
  const service = options.service ?? textDiagrams();
  const counters: Record<TextDiagramLang, number> = { mermaid: 0, d2: 0, dot: 0 };
  const names = new Map<string, number>();
  const jobs = fences.map((fence) => {
    counters[fence.lang] += 1;
    let explicit: string | undefined;
    try {
      explicit = parseFenceMeta(fence.node.meta).name;
    } catch {
      explicit = undefined; // reported with its line by renderFence
    }
    const name = explicit ?? defaultDiagramName(slug, fence.lang, counters[fence.lang]);
    const line = fence.node.position?.start.line ?? 0;
    const earlier = names.get(name);
    if (earlier !== undefined) {
      throw new DiagramError({
        file, line, element: `\`\`\`${fence.node.lang} fence`,
        found: `the diagram name "${name}" is already used by the fence on line ${earlier}`,
        expected: 'a unique name="..." for each diagram',
      });
    }
    names.set(name, line);
    return { fence, name };
  });

  // All at once: Mermaid renders on the browser pool's pages in parallel (D2's worker
  // queues its own). Warnings, `onDiagram` and the first error still come in fence order.
  const settled = await timeWorkAsync('text diagrams', () =>
    Promise.allSettled(jobs.map(({ fence, name }) => renderFence(fence, name, file, service, mdxPath))),
  );
  const results: RenderedFence[] = [];
  for (const outcome of settled) {
    if (outcome.status === 'rejected') throw outcome.reason;
    const result = outcome.value;
    results.push(result);
    for (const w of result.warnings) warn(w);
    options.onDiagram?.(result);
  }

  return jobs.map(({ fence }, i) => {
    const result = results[i]!;
    const meta = parseFenceMeta(fence.node.meta);
    return diagramFigure({
      diagram: result.processed,
      lang: fence.lang,
      caption: meta.title,
      // Every figure needs a name; without title or alt, say what it is.
      alt: meta.alt ?? (meta.title || result.processed.title ? undefined : `${LANG_LABEL[fence.lang]} diagram ${result.name}`),
      base,
    });
  });
}

export function remarkTextDiagrams(options: RemarkTextDiagramsOptions = {}) {
  return async function transform(tree: Root, vfile: VFile): Promise<void> {
    const fences: Fence[] = [];
    visit(tree, 'code', (node: Code, index, parent) => {
      const lang = fenceLang(node.lang);
      if (lang && parent && index !== undefined) fences.push({ node, index, parent, lang });
    });
    const figures = await renderTextDiagramFences(fences, vfile.path, options);

    // Replace from the end so earlier indexes stay valid within each parent.
    for (let i = fences.length - 1; i >= 0; i--) {
      const fence = fences[i]!;
      const html: Html = {
        type: 'html',
        value: figures[i]!,
        ...(fence.node.position ? { position: fence.node.position } : {}),
      };
      fence.parent.children.splice(fence.index, 1, html);
    }
  };
}

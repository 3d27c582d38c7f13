/**
 * `npm run diagrams:render`: renders every Mermaid fence of the content into the committed
 * render cache ahead of time, and deletes cache entries no fence uses any more, so what is
 * committed is exactly what the site needs and a later build needs no browser.
 *
 * Fences are found by parsing each case study (the same Markdown parser the validator
 * uses, so the same bodies and lines as the build); all of them are rendered at once on
 * the browser pool's pages, which bounds the parallelism. Broken fences are reported with
 * their file and line, all of them in one run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Code } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { fenceLang, mayHaveDiagramFence } from '../catalogue.ts';
import { formatOf } from '../../markdown/features.ts';
import { describeTextDiagramError } from './remark-text-diagrams.ts';
import { normaliseSource } from './render.ts';
import { mermaidStoreKey, rawMermaidSvg } from './render-mermaid.ts';
import { defaultStoreDir, RenderStore } from './render-store.ts';
import { TextDiagramError, type TextDiagramLang } from './types.ts';
import { blankFrontmatter } from '../../frontmatter.ts';

export interface ContentFence {
  /** Project-relative path of the MDX file. */
  file: string;
  /** Line of the opening ``` in the file. */
  line: number;
  lang: TextDiagramLang;
  body: string;
}

/** Every text-diagram fence in the case studies under `dir`, in file and line order. */
export function contentFences(root: string, dir = join(root, 'content')): ContentFence[] {
  let files: string[];
  try {
    files = readdirSync(dir, { recursive: true }).map(String).filter((f) => formatOf(f) !== undefined).sort();
  } catch {
    return [];
  }
  const found: ContentFence[] = [];
  for (const f of files) {
    const path = join(dir, f);
    const text = readFileSync(path, 'utf8');
    if (!mayHaveDiagramFence(text)) continue;
    const processor = unified()
      .use(remarkParse)
      .use(formatOf(f) === 'mdx' ? [remarkMdx] : []);
    let tree;
    try {
      tree = processor.parse(blankFrontmatter(text));
    } catch {
      continue; // an MDX syntax error: `npm run validate` reports it
    }
    const file = relative(root, path).split('\\').join('/');
    visit(tree, 'code', (node: Code) => {
      const lang = fenceLang(node.lang);
      if (lang) found.push({ file, line: node.position?.start.line ?? 0, lang, body: node.value });
    });
  }
  return found;
}

/**
 * The Mermaid fences of the content whose render is not in the store yet: each of them
 * needs a browser. `npm run build` validates before building when there are any, so that
 * each is rendered once (by the validator, into the store) rather than twice at once.
 */
export function uncachedMermaidFences(root: string, store: RenderStore = new RenderStore(defaultStoreDir())): ContentFence[] {
  return contentFences(root).filter((f) => f.lang === 'mermaid' && store.get(mermaidStoreKey(normaliseSource(f.body))) === undefined);
}

export interface PrerenderResult {
  fences: number;
  rendered: number;
  cached: number;
  pruned: string[];
  /** One line each: `file:line: message`. */
  problems: string[];
}

export async function prerenderMermaid(options: { root: string; store?: RenderStore; prune?: boolean }): Promise<PrerenderResult> {
  const store = options.store ?? new RenderStore(join(options.root, 'diagrams/.rendered'));
  const fences = contentFences(options.root).filter((f) => f.lang === 'mermaid');
  const keep = new Set<string>();
  let rendered = 0;
  let cached = 0;
  const outcomes = await Promise.all(
    fences.map(async (fence) => {
      const source = normaliseSource(fence.body);
      keep.add(mermaidStoreKey(source));
      try {
        const result = await rawMermaidSvg(source, { store });
        if (result.cached) cached++;
        else rendered++;
        return undefined;
      } catch (err) {
        if (!(err instanceof TextDiagramError)) throw err;
        const line = fence.line + (err.line ?? 0);
        return `${fence.file}:${line}: \`\`\`mermaid fence: ${describeTextDiagramError(err, fence.body, fence.line)}`;
      }
    }),
  );
  const problems = outcomes.filter((p): p is string => p !== undefined);
  // Never prune after a failure: an entry may belong to a fence that is being fixed.
  const pruned = options.prune === false || problems.length > 0 ? [] : store.prune(keep);
  return { fences: fences.length, rendered, cached, pruned, problems };
}

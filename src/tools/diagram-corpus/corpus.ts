/**
 * The corpus of real text diagrams (tests/fixtures/text-diagrams/corpus/): Mermaid fences
 * copied from public repositories' architecture docs, ADRs, RFCs and design docs, each file
 * with its provenance (repo, path, commit, licence) in manifest.json, and for each fence
 * what the official mermaid renderer does with it on its own (its defaults, in Chromium).
 *
 * The corpus test renders every fence through Casebook and compares with that record;
 * `npm run corpus:measure` re-measures the official renderer and rewrites the record.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Code } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { fenceLang } from '../../lib/diagrams/catalogue.ts';
import type { TextDiagramLang } from '../../lib/diagrams/text/types.ts';

export const CORPUS_DIR = 'tests/fixtures/text-diagrams/corpus';

/** What the official renderer did with one fence: rendered, or its error message. */
export type OfficialOutcome = 'ok' | { error: string };

export interface CorpusFile {
  /** Path under the corpus folder, e.g. `mermaid/temporalio-temporal--nexus.md`. */
  file: string;
  repo: string;
  path: string;
  commit: string;
  licence: string;
  /** One entry per fence, in order; filled by `npm run corpus:measure`. */
  official: OfficialOutcome[];
}

export interface CorpusManifest {
  /** The mermaid version `official` was measured with. */
  mermaid: string;
  files: CorpusFile[];
}

export interface CorpusFence {
  file: CorpusFile;
  /** 1-based position among the file's fences. */
  index: number;
  /** Line of the opening fence in the corpus file. */
  line: number;
  lang: TextDiagramLang;
  body: string;
}

export function readManifest(root: string = process.cwd()): CorpusManifest {
  return JSON.parse(readFileSync(join(root, CORPUS_DIR, 'manifest.json'), 'utf8')) as CorpusManifest;
}

export function writeManifest(manifest: CorpusManifest, root: string = process.cwd()): void {
  writeFileSync(join(root, CORPUS_DIR, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** The diagram fences of one corpus file, in order (the same Markdown parser as the site). */
export function fencesOf(file: CorpusFile, root: string = process.cwd()): CorpusFence[] {
  const text = readFileSync(join(root, CORPUS_DIR, file.file), 'utf8');
  const fences: CorpusFence[] = [];
  visit(unified().use(remarkParse).parse(text), 'code', (node: Code) => {
    const lang = fenceLang(node.lang);
    if (lang) fences.push({ file, index: fences.length + 1, line: node.position?.start.line ?? 0, lang, body: node.value });
  });
  return fences;
}

export function corpusFences(manifest: CorpusManifest, root: string = process.cwd()): CorpusFence[] {
  return manifest.files.flatMap((f) => fencesOf(f, root));
}

/** Diagram type from a fence's first meaningful line, for the shares in the README. */
export function typeShares(types: readonly string[]): Array<{ type: string; count: number; share: string }> {
  const counts = new Map<string, number>();
  for (const t of types) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([type, count]) => ({ type, count, share: `${((100 * count) / types.length).toFixed(1)}%` }));
}

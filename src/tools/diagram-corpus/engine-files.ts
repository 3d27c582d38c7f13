/**
 * The whole-file part of the real-diagram corpus: Graphviz (`.dot`/`.gv`) and D2 (`.d2`)
 * files copied unchanged from public repositories, listed with their provenance in
 * tests/fixtures/text-diagrams/corpus/files.json. For each file the record holds what the
 * official engine (the same WebAssembly build Casebook uses, with its own defaults) does
 * with it: rendered, with the labels it drew as text, or the error it gave.
 *
 * `npm run corpus:measure-files` re-measures and rewrites the record; the corpus test
 * renders every file through Casebook and compares.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { D2 } from '@terrastruct/d2';
import { instance } from '@viz-js/viz';
import { packageVersion } from '../../lib/diagrams/text/package-version.ts';
import { CORPUS_DIR } from './corpus.ts';

export type EngineLang = 'dot' | 'd2';

/** What the official engine did with one file. */
export type EngineOutcome = { ok: true; labels: string[] } | { ok: false; error: string };

export interface EngineFile {
  /** Path under the corpus folder, e.g. `graphviz/unswei-muesli-bt--execution-loop.dot`. */
  file: string;
  lang: EngineLang;
  repo: string;
  path: string;
  commit: string;
  licence: string;
  official?: EngineOutcome;
}

export interface EngineManifest {
  /** Engine versions the outcomes were measured with. */
  engines: Record<EngineLang, string>;
  files: EngineFile[];
}

const MANIFEST = 'files.json';

export function readEngineManifest(root: string = process.cwd()): EngineManifest {
  return JSON.parse(readFileSync(join(root, CORPUS_DIR, MANIFEST), 'utf8')) as EngineManifest;
}

export function writeEngineManifest(manifest: EngineManifest, root: string = process.cwd()): void {
  writeFileSync(join(root, CORPUS_DIR, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
}

export function engineSource(file: EngineFile, root: string = process.cwd()): string {
  return readFileSync(join(root, CORPUS_DIR, file.file), 'utf8');
}

/** The character data of every `<text>` element (tspans joined, entities decoded). */
export function svgTextLabels(svg: string): string[] {
  const labels: string[] = [];
  for (const m of svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)) {
    const decoded = (m[1] ?? '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#(\d+);/g, (_s, n: string) => String.fromCodePoint(Number(n)))
      .replace(/&#x([0-9a-f]+);/gi, (_s, n: string) => String.fromCodePoint(parseInt(n, 16)))
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&nbsp;/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      .trim();
    if (decoded) labels.push(decoded);
  }
  return labels;
}

/** Renders every file with the official engines on their own and records the outcomes. */
export async function measureEngines(manifest: EngineManifest, root: string = process.cwd()): Promise<EngineManifest> {
  const viz = await instance();
  let d2: D2 | undefined;
  const files: EngineFile[] = [];
  try {
    for (const file of manifest.files) {
      const source = engineSource(file, root);
      let official: EngineOutcome;
      if (file.lang === 'dot') {
        const result = viz.render(source, { format: 'svg' });
        official =
          result.status === 'success'
            ? { ok: true, labels: svgTextLabels(result.output) }
            : { ok: false, error: result.errors.map((e) => e.message.trim()).join(' ') };
      } else {
        try {
          d2 ??= new D2();
          const compiled = await d2.compile(source);
          const svg = await d2.render(compiled.diagram, compiled.renderOptions);
          official = { ok: true, labels: svgTextLabels(svg) };
        } catch (err) {
          official = { ok: false, error: (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim() };
        }
      }
      files.push({ ...file, official });
    }
  } finally {
    // The package's worker thread has no close call of its own.
    (d2 as unknown as { worker?: { terminate(): unknown } } | undefined)?.worker?.terminate();
  }
  return {
    engines: { dot: `@viz-js/viz@${packageVersion('@viz-js/viz')}`, d2: `@terrastruct/d2@${packageVersion('@terrastruct/d2')}` },
    files,
  };
}

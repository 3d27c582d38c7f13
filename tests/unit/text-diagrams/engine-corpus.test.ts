/**
 * The whole-file corpus (tests/fixtures/text-diagrams/corpus/files.json): real Graphviz and
 * D2 files from public repositories go through Casebook's text-diagram path (the renderer,
 * then the sanitise/optimise pipeline the build uses). Every file the official engine
 * renders on its own, Casebook renders too, with every label the official engine drew
 * present as text; every file the official engine rejects, Casebook rejects with a clear
 * error that names a line. One renderer per language is reused for all files.
 */
import { describe, expect, it } from 'vitest';
import { processSvg } from '../../../src/lib/diagrams/pipeline.ts';
import { normaliseSource } from '../../../src/lib/diagrams/text/render.ts';
import { createD2Renderer } from '../../../src/lib/diagrams/text/render-d2.ts';
import { createGraphvizRenderer } from '../../../src/lib/diagrams/text/render-graphviz.ts';
import { TextDiagramError, type TextDiagramRenderer } from '../../../src/lib/diagrams/text/types.ts';
import { engineSource, readEngineManifest, svgTextLabels, type EngineLang } from '../../../src/tools/diagram-corpus/engine-files.ts';

const manifest = readEngineManifest();
const renderers: Record<EngineLang, TextDiagramRenderer> = { dot: createGraphvizRenderer(), d2: createD2Renderer() };

describe('real Graphviz and D2 files from public repositories', () => {
  it('has provenance and the official outcome for every file', () => {
    expect(manifest.files.filter((f) => f.lang === 'dot').length).toBeGreaterThanOrEqual(20);
    expect(manifest.files.filter((f) => f.lang === 'd2').length).toBeGreaterThanOrEqual(20);
    for (const file of manifest.files) {
      expect(file.repo, file.file).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(file.commit, file.file).toMatch(/^[0-9a-f]{40}$/);
      expect(['MIT', 'Apache-2.0', 'Apache-2.0 WITH LLVM-exception', 'BSD-3-Clause', 'BSD-2-Clause', 'ISC', 'CC0-1.0', 'CC-BY-4.0']).toContain(file.licence);
      expect(file.official, `${file.file}: run npm run corpus:measure-files`).toBeDefined();
    }
  });

  for (const lang of ['dot', 'd2'] as const) {
    const files = manifest.files.filter((f) => f.lang === lang);
    it.runIf(files.length > 0)(`renders every ${lang} file the official engine renders, with its labels as text`, async () => {
      const problems: string[] = [];
      for (const file of files) {
        const official = file.official;
        try {
          const out = await renderers[lang].render(normaliseSource(engineSource(file)));
          const svg = processSvg(out.svg, { name: 'corpus', file: file.file }).svg;
          if (!official?.ok) {
            problems.push(`${file.file}: Casebook rendered a file the official engine rejects (${official?.error ?? 'unmeasured'})`);
            continue;
          }
          const labels = new Set(svgTextLabels(svg));
          const missing = official.labels.filter((l) => !labels.has(l));
          if (labels.size === 0 || missing.length > 0) problems.push(`${file.file}: labels missing as text: ${JSON.stringify(missing)}`);
        } catch (err) {
          if (official && !official.ok && err instanceof TextDiagramError && err.line !== undefined) continue;
          problems.push(`${file.file}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      expect(problems).toEqual([]);
    }, 300_000);
  }
});

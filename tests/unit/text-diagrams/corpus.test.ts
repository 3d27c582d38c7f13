/**
 * The real-diagram corpus (tests/fixtures/text-diagrams/corpus/): every Mermaid fence
 * copied from public architecture docs is rendered by Casebook's Mermaid renderer (the
 * official mermaid in Chromium with Casebook's options, then the site's colours), and
 * every fence the official renderer draws on its own (recorded in the manifest) Casebook
 * draws too, as a diagram with its labels as text. Every fence's SVG must be well-formed
 * XML, as the pipeline reads it (mermaid's HTML labels come HTML-serialised); one fence in
 * four also goes through the whole sanitise/optimise pipeline here (the pixel test puts
 * twenty more through it): at about half a second per real diagram, all 156 would add over
 * a minute to the suite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { afterAll, describe, expect, it } from 'vitest';
import { processSvg } from '../../../src/lib/diagrams/pipeline.ts';
import { normaliseSource } from '../../../src/lib/diagrams/text/render.ts';
import { createMermaidPool, createMermaidRenderer } from '../../../src/lib/diagrams/text/render-mermaid.ts';
import { RenderStore } from '../../../src/lib/diagrams/text/render-store.ts';
import { corpusFences, readManifest } from '../../../src/tools/diagram-corpus/corpus.ts';
import { textLabels } from './svg-text.ts';

/** The XML parser's complaint about an SVG, or '' when it is well-formed. */
function xmlProblem(svg: string): string {
  const parser = new SaxesParser({ xmlns: false });
  let problem = '';
  parser.on('error', (err) => {
    problem ||= err.message;
  });
  parser.write(svg).close();
  return problem;
}

const manifest = readManifest();
const fences = corpusFences(manifest).filter((f) => f.lang === 'mermaid');
const dir = mkdtempSync(join(tmpdir(), 'mermaid-corpus-'));
const pool = createMermaidPool(2);
const mermaid = createMermaidRenderer({ store: new RenderStore(dir), pool });
afterAll(async () => {
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('real Mermaid fences from public architecture docs', () => {
  it('has its provenance and the official outcome for every fence', () => {
    expect(fences.length).toBeGreaterThanOrEqual(150);
    for (const file of manifest.files) {
      expect(file.repo, file.file).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(file.commit, file.file).toMatch(/^[0-9a-f]{40}$/);
      expect(['MIT', 'Apache-2.0', 'BSD-3-Clause', 'BSD-2-Clause', 'ISC', 'CC0-1.0', 'CC-BY-4.0']).toContain(file.licence);
      expect(file.official.length, `${file.file}: run npm run corpus:measure`).toBe(fences.filter((f) => f.file === file).length);
    }
  });

  it('renders every fence the official renderer renders, with its labels as text', async () => {
    const results = await Promise.all(
      fences.map(async (fence, i) => {
        const where = `${fence.file.file}:${fence.line}`;
        try {
          const out = await mermaid.render(normaliseSource(fence.body));
          const malformed = xmlProblem(out.svg);
          if (malformed) throw new Error(`not well-formed XML: ${malformed}`);
          const svg = i % 4 === 0 ? processSvg(out.svg, { name: `corpus-${fence.index}`, file: where }).svg : out.svg;
          const labels = textLabels(svg).length + (svg.match(/<foreignObject\b/g) ?? []).length;
          return { where, ok: labels > 0, official: fence.file.official[fence.index - 1] === 'ok', problem: labels > 0 ? '' : 'no labels' };
        } catch (err) {
          return { where, ok: false, official: fence.file.official[fence.index - 1] === 'ok', problem: err instanceof Error ? err.message : String(err) };
        }
      }),
    );
    const missed = results.filter((r) => r.official && !r.ok).map((r) => `${r.where}: ${r.problem}`);
    expect(missed).toEqual([]);
    const casebook = results.filter((r) => r.ok).length;
    const official = results.filter((r) => r.official).length;
    expect(casebook).toBeGreaterThanOrEqual(official);
  }, 240_000);
});

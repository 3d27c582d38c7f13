/**
 * What the official mermaid renderer does with each corpus fence on its own: mermaid's
 * defaults (`startOnLoad: false`, nothing else), in headless Chromium, parse and render.
 * The result is the corpus manifest's `official` record, which the corpus test holds
 * Casebook to: every fence the official renderer draws, Casebook must draw.
 */
import { createMermaidPool, MERMAID_VERSION, renderInPage } from '../../lib/diagrams/text/render-mermaid.ts';
import { normaliseSource } from '../../lib/diagrams/text/render.ts';
import { corpusFences, type CorpusManifest, type OfficialOutcome } from './corpus.ts';

/** The re-measured manifest, and the diagram type mermaid parsed for each fence it could parse. */
export interface OfficialMeasure {
  manifest: CorpusManifest;
  types: string[];
}

export async function measureOfficial(manifest: CorpusManifest, root: string = process.cwd()): Promise<OfficialMeasure> {
  const pool = createMermaidPool(2, { startOnLoad: false });
  try {
    const fences = corpusFences(manifest, root).filter((f) => f.lang === 'mermaid');
    const types: string[] = [];
    const outcomes = await Promise.all(
      fences.map(async (fence): Promise<OfficialOutcome> => {
        const result = await pool.run((page) => renderInPage(page, normaliseSource(fence.body)));
        if (result.ok) types.push(result.type);
        return result.ok ? 'ok' : { error: result.message.split('\n')[0] ?? result.message };
      }),
    );
    const byFile = new Map<string, OfficialOutcome[]>();
    fences.forEach((fence, i) => {
      const list = byFile.get(fence.file.file) ?? [];
      list.push(outcomes[i]!);
      byFile.set(fence.file.file, list);
    });
    return {
      manifest: {
        mermaid: MERMAID_VERSION,
        files: manifest.files.map((f) => ({ ...f, official: byFile.get(f.file) ?? f.official })),
      },
      types,
    };
  } finally {
    await pool.close();
  }
}

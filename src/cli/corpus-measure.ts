/**
 * `npm run corpus:measure`: renders every Mermaid fence of the real-diagram corpus with the
 * official mermaid on its own (its defaults, headless Chromium) and records each outcome in
 * tests/fixtures/text-diagrams/corpus/manifest.json. Run it after adding fences or
 * upgrading mermaid; the corpus test compares Casebook with this record.
 */
import { measureOfficial } from '../tools/diagram-corpus/measure-official.ts';
import { readManifest, typeShares, writeManifest } from '../tools/diagram-corpus/corpus.ts';

try {
  const { manifest: measured, types } = await measureOfficial(readManifest());
  writeManifest(measured);
  const all = measured.files.flatMap((f) => f.official);
  const ok = all.filter((o) => o === 'ok').length;
  console.log(`Official mermaid ${measured.mermaid}: ${ok} of ${all.length} corpus fences render.`);
  console.log(`Diagram types (as mermaid parsed them): ${typeShares(types).map((t) => `${t.type} ${t.count} (${t.share})`).join(', ')}`);
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
}

/**
 * `npm run corpus:measure-files`: renders every Graphviz and D2 file of the real-diagram
 * corpus with the official WebAssembly engines on their own (their defaults) and records
 * each outcome in tests/fixtures/text-diagrams/corpus/files.json. Run it after adding files
 * or upgrading an engine; the corpus test compares Casebook with this record.
 */
import { measureEngines, readEngineManifest, writeEngineManifest } from '../tools/diagram-corpus/engine-files.ts';

try {
  const measured = await measureEngines(readEngineManifest());
  writeEngineManifest(measured);
  for (const lang of ['dot', 'd2'] as const) {
    const files = measured.files.filter((f) => f.lang === lang);
    const ok = files.filter((f) => f.official?.ok).length;
    console.log(`${measured.engines[lang]}: ${ok} of ${files.length} corpus files render.`);
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
}
// The D2 worker thread may outlive the work; the record is written, so leave now.
process.exit();

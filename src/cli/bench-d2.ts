/**
 * `npm run bench:d2 -- [--runs 3]`: D2's cost over the real D2 files of the corpus
 * (tests/fixtures/text-diagrams/corpus/d2/), Casebook's renderer against the package's own
 * Node wrapper. Each measurement runs in a fresh process (a build's first D2 diagram always
 * starts the engine from nothing), alternating the two, `--runs` times each.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { engineSource, readEngineManifest } from '../tools/diagram-corpus/engine-files.ts';
import { formatD2Cost, measureD2Cost, type D2Cost, type D2CostMode } from '../tools/bench/d2-cost.ts';

const MODES: readonly D2CostMode[] = ['package', 'casebook'];

function corpusSources(): string[] {
  return readEngineManifest()
    .files.filter((f) => f.lang === 'd2' && f.official?.ok)
    .map((f) => engineSource(f));
}

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, child: { type: 'string' } }, strict: true });

if (values.child) {
  // One measurement, printed as JSON for the parent.
  const mode = values.child as D2CostMode;
  const cost = await measureD2Cost(mode, corpusSources());
  process.stdout.write(`${JSON.stringify(cost)}\n`);
  process.exit(0);
}

const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('bench:d2: --runs must be a whole number of at least 1');
  process.exit(2);
}
const results: Record<D2CostMode, D2Cost[]> = { package: [], casebook: [] };
for (let i = 0; i < runs; i++) {
  for (const mode of MODES) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', mode], { encoding: 'utf8' });
    if (child.status !== 0) {
      console.error(`bench:d2: the ${mode} run failed: ${child.stderr.trim().split('\n').slice(-3).join(' ')}`);
      process.exit(1);
    }
    const cost = JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as D2Cost;
    results[mode].push(cost);
    console.log(`run ${i + 1}: ${formatD2Cost(cost)}`);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
for (const mode of MODES) {
  const r = results[mode];
  console.log(`median ${mode}: first diagram ${Math.round(median(r.map((c) => c.firstMs)))} ms, then ${Math.round(median(r.map((c) => c.msPerDiagram)))} ms per diagram`);
}

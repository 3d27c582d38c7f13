/**
 * What D2 costs a build, for `npm run bench:d2`: the first diagram (starting the
 * WebAssembly engine plus rendering it, which is what the first D2 fence of a build waits
 * for) and milliseconds per diagram after that, over real D2 files.
 *
 * Two ways of running the same engine are measured, each in a process of its own (the V8
 * flag Casebook sets is process-wide): `casebook`, the renderer the build uses
 * (render-d2.ts: own worker, baseline WebAssembly compiler, no ELK), and `package`,
 * the package's own Node wrapper with V8's defaults, which is how Casebook ran D2 before.
 */
import { D2 } from '@terrastruct/d2';
import { closeD2, createD2Renderer } from '../../lib/diagrams/text/render-d2.ts';

export type D2CostMode = 'casebook' | 'package';

export interface D2Cost {
  mode: D2CostMode;
  diagrams: number;
  /** From the first call (engine not started) to the first diagram's SVG, ms. */
  firstMs: number;
  /** Mean ms per diagram for the others. */
  msPerDiagram: number;
  totalMs: number;
}

async function renderAll(mode: D2CostMode, sources: readonly string[], onEach: (ms: number) => void): Promise<void> {
  if (mode === 'casebook') {
    const renderer = createD2Renderer();
    try {
      for (const source of sources) {
        const t = performance.now();
        await renderer.render(source);
        onEach(performance.now() - t);
      }
    } finally {
      await closeD2();
    }
    return;
  }
  const d2 = new D2();
  try {
    for (const source of sources) {
      const t = performance.now();
      const compiled = await d2.compile({ fs: { index: source }, options: { layout: 'dagre' } });
      await d2.render(compiled.diagram, { ...compiled.renderOptions, noXMLTag: true, pad: 24, themeID: 0 });
      onEach(performance.now() - t);
    }
  } finally {
    // The package's worker thread has no close call of its own.
    await (d2 as unknown as { worker?: { terminate(): Promise<number> } }).worker?.terminate();
  }
}

/** Renders `sources` in order in this process and times them. */
export async function measureD2Cost(mode: D2CostMode, sources: readonly string[]): Promise<D2Cost> {
  if (sources.length === 0) throw new Error('measureD2Cost needs at least one D2 source');
  const times: number[] = [];
  const t0 = performance.now();
  await renderAll(mode, sources, (ms) => times.push(ms));
  const rest = times.slice(1);
  return {
    mode,
    diagrams: sources.length,
    firstMs: times[0] ?? 0,
    msPerDiagram: rest.length ? rest.reduce((a, b) => a + b, 0) / rest.length : 0,
    totalMs: performance.now() - t0,
  };
}

export function formatD2Cost(c: D2Cost): string {
  const ms = (n: number) => `${Math.round(n)} ms`;
  const how = c.mode === 'casebook' ? 'Casebook renderer' : "package's own wrapper, V8 defaults";
  return `D2 (${how}): first diagram ${ms(c.firstMs)} (engine start + render), then ${ms(c.msPerDiagram)} per diagram; ${c.diagrams} diagrams in ${ms(c.totalMs)}`;
}

/**
 * Where a build's time goes, phase by phase, so `npm run bench` (and anyone reading the build
 * log) sees which part of the build a regression is in.
 *
 * Two kinds of figure, kept in one per-process record:
 * - spans: wall-clock intervals between points of the build (content sync, bundle, pages,
 *   search index, sitemap), marked by the casebook:build-phases integration and by the CLI
 *   (validation);
 * - work totals: time spent inside one kind of work wherever it happens (diagrams, text
 *   diagrams, share images), with a count of calls: synchronous calls and worker-thread
 *   times are summed; awaited calls count the time at least one was running (overlapping
 *   calls once). They overlap the spans.
 *
 * The record lives on globalThis because Vite bundles its own copy of this module into the
 * prerender chunk; every copy must add to the same totals.
 */

export interface PhaseFigure {
  /** Milliseconds (wall time for spans; summed call time for work totals). */
  ms: number;
  /** Calls added up (1 for a span). */
  count: number;
}

export interface PhaseRecord {
  spans: Record<string, PhaseFigure>;
  work: Record<string, PhaseFigure>;
}

const KEY = Symbol.for('casebook.build-phases');
type GlobalWithPhases = typeof globalThis & { [KEY]?: PhaseRecord };

export function phaseRecord(): PhaseRecord {
  const g = globalThis as GlobalWithPhases;
  return (g[KEY] ??= { spans: {}, work: {} });
}

/** Forgets every figure (for tests, and for a second build in one process). */
export function resetPhases(): void {
  const record = phaseRecord();
  record.spans = {};
  record.work = {};
}

function add(into: Record<string, PhaseFigure>, name: string, ms: number): void {
  const figure = (into[name] ??= { ms: 0, count: 0 });
  figure.ms += ms;
  figure.count += 1;
}

/** Adds a measured wall-clock span (e.g. from one hook to the next). */
export function addSpan(name: string, ms: number): void {
  add(phaseRecord().spans, name, ms);
}

/** Adds time spent in one kind of work, measured elsewhere (e.g. on a worker thread). */
export function addWork(name: string, ms: number): void {
  add(phaseRecord().work, name, ms);
}

/** Runs `fn` and adds its duration to the work total `name` (synchronous work only). */
export function timeWork<T>(name: string, fn: () => T): T {
  const start = performance.now();
  try {
    return fn();
  } finally {
    addWork(name, performance.now() - start);
  }
}

const IN_FLIGHT = Symbol.for('casebook.build-phases.in-flight');
type GlobalWithInFlight = typeof globalThis & { [IN_FLIGHT]?: Map<string, { calls: number; since: number }> };

/**
 * Awaits `fn` and adds to `name` the time during which at least one such call was running:
 * calls that overlap (every page of a build awaiting its diagrams at once) count their
 * shared interval once, not once per waiting call, so the figure stays a wall time that
 * can be compared with the spans. Each call still adds one to the count.
 */
export async function timeWorkAsync<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const g = globalThis as GlobalWithInFlight;
  const inFlight = (g[IN_FLIGHT] ??= new Map());
  const state = inFlight.get(name) ?? { calls: 0, since: 0 };
  if (state.calls === 0) state.since = performance.now();
  state.calls += 1;
  inFlight.set(name, state);
  try {
    return await fn();
  } finally {
    state.calls -= 1;
    const figure = (phaseRecord().work[name] ??= { ms: 0, count: 0 });
    figure.count += 1;
    if (state.calls === 0) {
      figure.ms += performance.now() - state.since;
      inFlight.delete(name);
    }
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** One line for the build log: spans in order, then the work totals. */
export function formatPhases(record: PhaseRecord): string {
  const spans = Object.entries(record.spans).map(([name, f]) => `${name} ${seconds(f.ms)}`);
  const work = Object.entries(record.work).map(
    ([name, f]) => `${name} ${seconds(f.ms)} (${f.count} ${f.count === 1 ? 'call' : 'calls'})`,
  );
  return [spans.join(', '), work.length > 0 ? `work within them: ${work.join(', ')}` : '']
    .filter((s) => s !== '')
    .join('; ');
}

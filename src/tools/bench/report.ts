/**
 * The benchmark's result: one row per build plus the machine, as a JSON document
 * (.casebook/bench/latest.json) and as the table printed at the end of `npm run bench`.
 *
 * Ratios compare time for the same N case studies (Casebook seconds / plain seconds), as
 * wall time and as CPU time (user + system, which a busy shared machine does not inflate):
 * Casebook also writes its index, category, tag and other pages, so pages/s counts every
 * page each build wrote, while the ratio says how much longer the same content takes.
 */
import type { MachineInfo } from './machine.ts';
import type { BuildMeasurement } from './measure-build.ts';

export interface BenchReport {
  /** ISO time the run started. */
  startedAt: string;
  /** Synthetic case studies in each build. */
  count: number;
  /** Where the text-diagram fences came from (module path or "fallback"). */
  textDiagrams: string;
  machine: MachineInfo;
  builds: {
    casebookCold: BuildMeasurement;
    plain: BuildMeasurement;
    casebookWarm: BuildMeasurement;
  };
  ratios: {
    /** Casebook cold seconds / plain seconds. */
    coldToPlain: number;
    /** Casebook warm seconds / plain seconds. */
    warmToPlain: number;
    /** Casebook cold seconds / warm seconds. */
    coldToWarm: number;
    /** The same three ratios on CPU seconds (NaN without /usr/bin/time). */
    cpu: { coldToPlain: number; warmToPlain: number; coldToWarm: number };
  };
  /**
   * `npm run diagrams:render` on the synthetic site before the cold build (absent with
   * --no-prerender): the Mermaid renders a real portfolio commits, so the cold build finds them.
   */
  diagramsRender?: BuildMeasurement;
  /** Render step + cold build: what a site with no committed renders pays (see uncachedColdOf). */
  uncachedCold?: UncachedCold;
  /** 1-minute load average when the last build ended. */
  endLoadAverage?: number;
}

/**
 * A cold build with nothing rendered yet, estimated as the render step plus the cold build
 * that follows it (the build then renders nothing itself). An estimate, labelled as one:
 * the build renders the same fences the step did, on the same browser pool code.
 */
export interface UncachedCold {
  seconds: number;
  cpuSeconds: number | null;
  toPlain: number;
  cpuToPlain: number;
}

export function uncachedColdOf(render: BuildMeasurement, builds: BenchReport['builds']): UncachedCold {
  const { casebookCold: cold, plain } = builds;
  const seconds = render.seconds + cold.seconds;
  const cpuSeconds = render.cpuSeconds !== null && cold.cpuSeconds !== null ? render.cpuSeconds + cold.cpuSeconds : null;
  return { seconds, cpuSeconds, toPlain: div(seconds, plain.seconds), cpuToPlain: div(cpuSeconds, plain.cpuSeconds) };
}

function div(a: number | null, b: number | null): number {
  return a !== null && b !== null && b > 0 ? a / b : Number.NaN;
}

export function ratiosOf(builds: BenchReport['builds']): BenchReport['ratios'] {
  const { casebookCold: cold, plain, casebookWarm: warm } = builds;
  return {
    coldToPlain: div(cold.seconds, plain.seconds),
    warmToPlain: div(warm.seconds, plain.seconds),
    coldToWarm: div(cold.seconds, warm.seconds),
    cpu: {
      coldToPlain: div(cold.cpuSeconds, plain.cpuSeconds),
      warmToPlain: div(warm.cpuSeconds, plain.cpuSeconds),
      coldToWarm: div(cold.cpuSeconds, warm.cpuSeconds),
    },
  };
}

const HEADERS = ['build', 'pages', 'seconds', 'pages/s', 'peak MB', 'time vs plain', 'CPU s', 'CPU vs plain', 'load'] as const;

/** The result table (aligned plain text, no colours) followed by the machine line. */
export function formatReport(report: BenchReport): string {
  const { casebookCold, plain, casebookWarm } = report.builds;
  const { cpu } = report.ratios;
  const row = (b: BuildMeasurement, ratio: string, cpuRatio: string) => [
    b.label,
    String(b.pages),
    b.seconds.toFixed(1),
    b.pagesPerSecond.toFixed(1),
    String(Math.round(b.peakMB)),
    ratio,
    b.cpuSeconds === null ? 'n/a' : b.cpuSeconds.toFixed(1),
    cpuRatio,
    b.load ? `${b.load.start.toFixed(1)}-${b.load.end.toFixed(1)}` : '',
  ];
  const render = report.diagramsRender;
  const rows = [
    ...(render ? [row(render, '', '')] : []),
    row(casebookCold, times(report.ratios.coldToPlain), times(cpu.coldToPlain)),
    row(plain, '1.00x', '1.00x'),
    row(casebookWarm, times(report.ratios.warmToPlain), times(cpu.warmToPlain)),
  ];
  const table = [[...HEADERS], ...rows];
  const widths = HEADERS.map((_, c) => Math.max(...table.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join(' | ');
  const rule = widths.map((w) => '-'.repeat(w)).join('-|-');
  const m = report.machine;
  return [
    `Casebook build benchmark: ${report.count} synthetic case studies (text diagrams: ${report.textDiagrams})`,
    '',
    line(table[0] as string[]),
    rule,
    ...rows.map(line),
    '',
    ...(report.uncachedCold ? [uncachedLine(report.uncachedCold)] : []),
    `Warm rebuild is ${times(report.ratios.coldToWarm)} faster than cold (${times(cpu.coldToWarm)} in CPU time).`,
    '"time vs plain" = Casebook wall seconds / plain Astro + MDX wall seconds for the same studies; "CPU vs plain" the same',
    'on user+system CPU seconds, which waiting for a busy core does not inflate. Pages include Casebook\'s index, tag and',
    'category pages; peak MB is the build\'s whole process tree; load = 1-minute load average at its start and end.',
    ...(render ? ['The cold build found the Mermaid renders diagrams:render committed, as a clean clone of a real portfolio does.'] : []),
    `Machine: ${m.cpus} x ${m.cpuModel}, ${m.ramGB} GB RAM, ${m.os}, Node ${m.nodeVersion}, Astro ${m.astroVersion ?? 'unknown'}, ` +
      `load ${m.loadAverage} at start${report.endLoadAverage === undefined ? '' : `, ${report.endLoadAverage} at end`}.`,
    '',
    formatPhaseTable(report.builds),
    '',
    formatHashes(report.builds),
  ].join('\n');
}

/**
 * Seconds per phase (src/lib/build-phases.ts) for each build: spans first (they follow one
 * another), then the work totals, which happen inside the spans.
 */
export function formatPhaseTable(builds: BenchReport['builds']): string {
  const list = [builds.casebookCold, builds.plain, builds.casebookWarm];
  const names = (kind: 'spans' | 'work') => [...new Set(list.flatMap((b) => Object.keys(b.phases?.[kind] ?? {})))];
  const cell = (b: BuildMeasurement, kind: 'spans' | 'work', name: string) => {
    const f = b.phases?.[kind][name];
    return f ? (f.ms / 1000).toFixed(1) : '-';
  };
  const header = ['phase (s)', ...list.map((b) => b.label)];
  const rows = [
    ...names('spans').map((n) => [n, ...list.map((b) => cell(b, 'spans', n))]),
    ...names('work').map((n) => [`  within: ${n}`, ...list.map((b) => cell(b, 'work', n))]),
  ];
  if (rows.length === 0) return 'Phases: none recorded.';
  const table = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...table.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

/** The dist/ hashes; cold and warm must match (a cache that changes the output is a bug). */
export function formatHashes(builds: BenchReport['builds']): string {
  const { casebookCold: cold, casebookWarm: warm } = builds;
  const verdict = cold.distHash !== '' && cold.distHash === warm.distHash
    ? 'identical'
    : 'DIFFERENT: the warm build changed the output';
  return `Built site sha256: cold ${cold.distHash.slice(0, 16)}, warm ${warm.distHash.slice(0, 16)} (${verdict}); plain ${builds.plain.distHash.slice(0, 16)}.`;
}

function uncachedLine(u: UncachedCold): string {
  return (
    `Cold with no committed renders (diagrams:render + cold build, summed): ${u.seconds.toFixed(1)} s = ${times(u.toPlain)} plain` +
    (u.cpuSeconds === null ? '.' : `; ${u.cpuSeconds.toFixed(1)} CPU s = ${times(u.cpuToPlain)} plain.`)
  );
}

function times(ratio: number): string {
  return Number.isFinite(ratio) ? `${ratio.toFixed(2)}x` : 'n/a';
}

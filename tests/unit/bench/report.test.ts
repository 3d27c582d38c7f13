/** The benchmark's printed table and ratios: what a reader of the README copies. */
import { describe, expect, it } from 'vitest';
import type { BuildMeasurement } from '../../../src/tools/bench/measure-build.ts';
import { formatHashes, formatReport, ratiosOf, uncachedColdOf, type BenchReport } from '../../../src/tools/bench/report.ts';
import type { PhaseRecord } from '../../../src/lib/build-phases.ts';

function build(
  label: string, seconds: number, pages: number, peakMB: number, cpuSeconds: number | null,
  phases: PhaseRecord | null = null, distHash = 'a'.repeat(64),
): BuildMeasurement {
  return {
    label, ok: true, exitCode: 0, seconds, pages, pagesPerSecond: seconds > 0 ? pages / seconds : 0,
    peakMB, treePeakMB: peakMB, maxProcessMB: peakMB * 0.8, cpuSeconds, logFile: '/tmp/x.log', outputTail: '',
    phases, distHash, load: { start: 1.5, end: 2.25 },
  };
}

const coldPhases: PhaseRecord = {
  spans: { validation: { ms: 9_000, count: 1 }, 'content sync': { ms: 1_200, count: 1 }, pages: { ms: 60_000, count: 1 } },
  work: { 'share images': { ms: 25_000, count: 1000 } },
};
const warmPhases: PhaseRecord = {
  spans: { validation: { ms: 400, count: 1 }, 'content sync': { ms: 1_100, count: 1 }, pages: { ms: 30_000, count: 1 } },
  work: {},
};
const builds = {
  casebookCold: build('Casebook (cold)', 90, 1100, 1500.4, 80, coldPhases),
  plain: build('plain Astro + MDX', 30, 1000, 700, 20, null, 'b'.repeat(64)),
  casebookWarm: build('Casebook (warm)', 45, 1100, 1400, 40, warmPhases),
};
const report: BenchReport = {
  startedAt: '2025-01-01T00:00:00.000Z',
  count: 1000,
  textDiagrams: 'fallback',
  machine: { cpus: 2, cpuModel: 'Intel(R) Xeon(R) Processor', ramGB: 23.5, os: 'Linux 6.1', nodeVersion: 'v22.23.3', astroVersion: '7.3.5', loadAverage: 1.5 },
  builds,
  ratios: ratiosOf(builds),
};

describe('benchmark report', () => {
  it('computes time ratios against the plain build and cold against warm', () => {
    expect(report.ratios).toEqual({
      coldToPlain: 3, warmToPlain: 1.5, coldToWarm: 2,
      cpu: { coldToPlain: 4, warmToPlain: 2, coldToWarm: 2 },
    });
  });

  it('prints one aligned row per build with pages, seconds, pages/s, peak MB and ratio', () => {
    const text = formatReport(report);
    const lines = text.split('\n');
    const header = lines.find((l) => l.startsWith('build'));
    expect(header).toMatch(/build\s*\| pages \| seconds \| pages\/s \| peak MB \| time vs plain \| CPU s \| CPU vs plain/);
    const rows = lines.slice(0, lines.findIndex((l) => l.startsWith('Warm rebuild'))).filter((l) => / \| /.test(l));
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r) => r.length)).size).toBe(1); // columns line up
    expect(text).toMatch(/Casebook \(cold\)\s*\|\s*1100 \|\s*90\.0 \|\s*12\.2 \|\s*1500 \|\s*3\.00x \|\s*80\.0 \|\s*4\.00x \| 1\.5-2\.3$/m);
    expect(text).toMatch(/plain Astro \+ MDX \|\s*1000 \|\s*30\.0 \|\s*33\.3 \|\s*700 \|\s*1\.00x \|\s*20\.0 \|\s*1\.00x \| 1\.5-2\.3$/m);
    expect(text).toMatch(/Casebook \(warm\)\s*\|\s*1100 \|\s*45\.0 \|\s*24\.4 \|\s*1400 \|\s*1\.50x \|\s*40\.0 \|\s*2\.00x \| 1\.5-2\.3$/m);
  });

  it('names the machine, the node version and the study count', () => {
    const text = formatReport(report);
    expect(text).toContain('1000 synthetic case studies');
    expect(text).toContain('2 x Intel(R) Xeon(R) Processor, 23.5 GB RAM');
    expect(text).toContain('Node v22.23.3, Astro 7.3.5');
    expect(text).toContain('Warm rebuild is 2.00x faster than cold (2.00x in CPU time)');
  });

  it('shows n/a rather than Infinity when the plain build took no measurable time', () => {
    const zero = { ...builds, plain: build('plain Astro + MDX', 0, 0, 0, null) };
    const text = formatReport({ ...report, builds: zero, ratios: ratiosOf(zero) });
    expect(text).not.toContain('Infinity');
    expect(text).not.toContain('NaN');
    expect(text).toMatch(/Casebook \(cold\).*\| +n\/a \| +80\.0 \| +n\/a \| 1\.5-2\.3$/m);
    expect(text).toMatch(/plain Astro \+ MDX .*\| +n\/a \| +1\.00x \| 1\.5-2\.3$/m);
  });

  it('puts the render step in its own row and adds it to the cold build for the no-renders figure', () => {
    const render = build('diagrams:render', 60, 0, 900, 50);
    const uncachedCold = uncachedColdOf(render, builds);
    expect(uncachedCold).toEqual({ seconds: 150, cpuSeconds: 130, toPlain: 5, cpuToPlain: 6.5 });
    const text = formatReport({ ...report, diagramsRender: render, uncachedCold, endLoadAverage: 3 });
    expect(text).toMatch(/^diagrams:render\s*\|\s*0 \|\s*60\.0 \|/m);
    expect(text).toContain('Cold with no committed renders (diagrams:render + cold build, summed): 150.0 s = 5.00x plain; 130.0 CPU s = 6.50x plain.');
    expect(text).toContain('load 1.5 at start, 3 at end');
    expect(uncachedColdOf(build('diagrams:render', 60, 0, 900, null), builds).cpuSeconds).toBeNull();
  });

  it('prints the phases of each build, in seconds, with work totals after the spans and "-" where a build has none', () => {
    const lines = formatReport(report).split('\n');
    const at = lines.findIndex((l) => l.startsWith('phase (s)'));
    expect(at).toBeGreaterThan(0);
    expect(lines[at]).toMatch(/phase \(s\)\s*\| Casebook \(cold\) \| plain Astro \+ MDX \| Casebook \(warm\)/);
    expect(lines[at + 2]).toMatch(/^validation\s*\|\s*9\.0 \|\s*- \|\s*0\.4$/);
    expect(lines[at + 3]).toMatch(/^content sync\s*\|\s*1\.2 \|\s*- \|\s*1\.1$/);
    expect(lines[at + 4]).toMatch(/^pages\s*\|\s*60\.0 \|\s*- \|\s*30\.0$/);
    expect(lines[at + 5]).toMatch(/^ {2}within: share images\s*\|\s*25\.0 \|\s*- \|\s*-$/);
  });

  it('says whether the cold and warm builds wrote the same site', () => {
    expect(formatHashes(builds)).toContain('(identical)');
    const changed = { ...builds, casebookWarm: build('Casebook (warm)', 45, 1100, 1400, 40, null, 'c'.repeat(64)) };
    expect(formatHashes(changed)).toContain('DIFFERENT');
    const failed = { ...builds, casebookCold: build('Casebook (cold)', 90, 1100, 1500, 80, null, ''), casebookWarm: build('Casebook (warm)', 45, 1100, 1400, 40, null, '') };
    expect(formatHashes(failed)).toContain('DIFFERENT');
  });
});

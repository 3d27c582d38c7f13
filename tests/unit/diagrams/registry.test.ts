/**
 * The registry: diagrams/*.svg by name, the content-hash cache (a rebuild with unchanged
 * diagrams runs no svgo), the build report, and unknown names.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { DiagramError } from '../../../src/lib/diagrams/errors.ts';
import { idPrefix } from '../../../src/lib/diagrams/id-prefix.ts';
import { processSvg, type ProcessOptions } from '../../../src/lib/diagrams/pipeline.ts';
import { createDiagramRegistry } from '../../../src/lib/diagrams/registry.ts';
import { FIXTURES } from './support.ts';

let diagramsDir: string;
let cacheDir: string;
let runs: string[];
let logs: string[];

/** A fresh registry (as in a new build process) sharing the same cache folder. */
function newBuild() {
  return createDiagramRegistry({
    root: join(diagramsDir, '..'),
    cacheDir,
    process: (source: string, opts: ProcessOptions) => {
      runs.push(opts.name);
      return processSvg(source, opts);
    },
    log: (m) => logs.push(m),
  });
}

beforeEach(() => {
  const project = mkdtempSync(join(tmpdir(), 'casebook-diagrams-'));
  diagramsDir = join(project, 'diagrams');
  cacheDir = join(project, 'cache');
  mkdirSync(diagramsDir);
  copyFileSync(join(FIXTURES, 'themed.svg'), join(diagramsDir, 'themed.svg'));
  copyFileSync(join(FIXTURES, 'shared-ids-a.svg'), join(diagramsDir, 'alpha.svg'));
  copyFileSync(join(FIXTURES, 'drawio-export.svg'), join(diagramsDir, 'queue.svg'));
  runs = [];
  logs = [];
});

describe('registry', () => {
  it('lists diagrams by file name, sorted', () => {
    expect(newBuild().listDiagrams()).toEqual(['alpha', 'queue', 'themed']);
  });

  it('processes every diagram on the first load and prints one report with bytes before/after', () => {
    const build = newBuild();
    const themed = build.loadDiagram('themed');
    build.loadDiagram('alpha');
    build.loadDiagram('themed');
    expect(themed.svg).toContain(`id="${themed.idPrefix}"`);
    expect(runs.sort()).toEqual(['alpha', 'queue', 'themed']);
    expect(logs).toHaveLength(1);
    const report = logs[0] ?? '';
    expect(report).toMatch(/^\[diagrams\] 3 diagram\(s\), [\d.]+ KB -> [\d.]+ KB \(-\d+%\), 0 from cache/m);
    expect(report).toMatch(/^ {2}queue +4\.8 KB -> +[\d.]+ KB +\(-\d+%\) +gzip [\d.]+ KB -> [\d.]+ KB$/m);
    // Its HTML labels are kept, so nothing is reported for them.
    expect(report).not.toContain('warning: diagrams/queue.svg');
  });

  it('a second build with unchanged files runs no svgo (content-hash cache on disk)', () => {
    newBuild().loadDiagram('themed');
    expect(runs).toHaveLength(3);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.json'))).toHaveLength(3);

    runs = [];
    const second = newBuild();
    const themed = second.loadDiagram('themed');
    expect(runs).toEqual([]);
    expect(themed.svg).toContain(`id="${themed.idPrefix}"`);
    expect(logs.at(-1)).toMatch(/3 from cache/);
  });

  it('a changed file misses the cache; the others still hit', () => {
    newBuild().loadDiagram('themed');
    writeFileSync(join(diagramsDir, 'themed.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>Changed</title></svg>');
    runs = [];
    const changed = newBuild().loadDiagram('themed');
    expect(runs).toEqual(['themed']);
    expect(changed.title).toBe('Changed');
  });

  it('within one build, a file replaced after its first load is loaded again; a removed one is gone', () => {
    const build = newBuild();
    expect(build.findDiagram('themed')?.svg).toContain(`id="${idPrefix('themed')}"`);
    expect(build.loadDiagram('themed')).toBe(build.findDiagram('themed'));
    writeFileSync(join(diagramsDir, 'themed.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>Replaced</title></svg>');
    expect(build.findDiagram('themed')?.title).toBe('Replaced');
    expect(build.loadDiagram('themed').title).toBe('Replaced');
    rmSync(join(diagramsDir, 'themed.svg'));
    expect(build.findDiagram('themed')).toBeUndefined();
    expect(() => build.loadDiagram('themed')).toThrow(DiagramError);
    expect(build.findDiagram('no-such')).toBeUndefined();
  });

  it('a diagram replaced by a symlink goes through the file rules again', () => {
    const build = newBuild();
    build.loadDiagram('alpha');
    const outside = join(mkdtempSync(join(tmpdir(), 'casebook-outside-')), 'x.svg');
    copyFileSync(join(FIXTURES, 'themed.svg'), outside);
    rmSync(join(diagramsDir, 'alpha.svg'));
    symlinkSync(outside, join(diagramsDir, 'alpha.svg'));
    expect(() => build.loadDiagram('alpha')).toThrow(DiagramError);
  });

  it('a corrupt cache entry is a miss, not a crash', () => {
    newBuild().loadDiagram('themed');
    for (const f of readdirSync(cacheDir)) writeFileSync(join(cacheDir, f), '{not json');
    runs = [];
    expect(newBuild().loadDiagram('themed').title).toBe('Themed');
    expect(runs).toHaveLength(3);
  });

  it('an unknown name fails with the names there are and a likely fix', () => {
    let error: unknown;
    try {
      newBuild().loadDiagram('alpah');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DiagramError);
    expect((error as Error).message).toMatch(
      /diagrams\/alpah\.svg: <Diagram name="alpah">: no diagram named "alpah"; expected one of: alpha, queue, themed \(did you mean "alpha"\?\)$/,
    );
  });

  it('a broken file fails the first load even if no page asked for it', () => {
    writeFileSync(join(diagramsDir, 'broken.svg'), '<svg xmlns="http://www.w3.org/2000/svg">\n<g>\n</svg>');
    expect(() => newBuild().loadDiagram('themed')).toThrow(/broken\.svg:3: not well-formed XML/);
  });
});

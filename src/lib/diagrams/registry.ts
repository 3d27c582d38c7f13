/**
 * Where diagrams come from: `diagrams/*.svg` in the project, processed once and cached.
 *
 * `loadDiagram(name)` reads the file, looks its content hash up in memory, then on disk
 * (cache.ts), and only then runs the pipeline. The first load of a build processes every
 * diagram and prints the build report (sizes before/after, warnings), so a broken diagram
 * fails the build even if no page uses it yet, and the report appears exactly once per
 * process. Paths resolve from `process.cwd()`, the project root for `astro build`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cacheKey, DiagramCache, defaultCacheDir } from './cache.ts';
import { DiagramError } from './errors.ts';
import { processSvg, type ProcessedDiagram, type ProcessOptions } from './pipeline.ts';
import { formatReport, type ReportRow } from './report.ts';
import { availableNamesHint } from './suggest.ts';

export interface DiagramRegistryOptions {
  /** Project root, for the folder default and for paths in messages; default process.cwd(). */
  root?: string;
  /** Folder of `<name>.svg` files; default `<root>/diagrams`. */
  dir?: string;
  /** Default: see `defaultCacheDir`. */
  cacheDir?: string;
  /** The pipeline; injectable so tests can count how often it really runs. */
  process?: (source: string, opts: ProcessOptions) => ProcessedDiagram;
  /** Where the report goes; default console.log. */
  log?: (message: string) => void;
}

export interface DiagramRegistry {
  /** Names of all diagrams (file names without `.svg`), sorted. */
  listDiagrams(): string[];
  /** The processed diagram; throws DiagramError for an unknown name or a broken file. */
  loadDiagram(name: string): ProcessedDiagram;
  /** Processes every diagram, prints the report on the first call, returns the rows. */
  loadAll(): ReportRow[];
}

export function createDiagramRegistry(options: DiagramRegistryOptions = {}): DiagramRegistry {
  const cwd = options.root ?? process.cwd();
  const dir = options.dir ?? join(cwd, 'diagrams');
  const cache = new DiagramCache(options.cacheDir ?? defaultCacheDir(cwd));
  const run = options.process ?? processSvg;
  const log = options.log ?? ((m: string) => console.log(m));
  const memory = new Map<string, ProcessedDiagram>();
  let reported = false;

  const listDiagrams = (): string[] =>
    existsSync(dir)
      ? readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.svg')).map((f) => f.slice(0, -4)).sort()
      : [];

  const fileOf = (name: string): string => join(dir, `${name}.svg`);
  const displayPath = (name: string): string => relative(cwd, fileOf(name)) || `${name}.svg`;

  function loadOne(name: string): ReportRow {
    const names = listDiagrams();
    if (!names.includes(name)) {
      throw new DiagramError({
        file: displayPath(name), element: `<Diagram name="${name}">`,
        found: 'names no diagram', expected: availableNamesHint(name, names),
      });
    }
    const source = readFileSync(fileOf(name), 'utf8');
    const key = cacheKey(name, source);
    const inMemory = memory.get(key);
    if (inMemory) return { diagram: inMemory, cached: true };
    const onDisk = cache.get(key);
    if (onDisk) {
      memory.set(key, onDisk);
      return { diagram: onDisk, cached: true };
    }
    const diagram = run(source, { name, file: displayPath(name) });
    cache.set(key, diagram);
    memory.set(key, diagram);
    return { diagram, cached: false };
  }

  function loadAll(): ReportRow[] {
    const rows = listDiagrams().map(loadOne);
    if (!reported) {
      reported = true;
      log(formatReport(rows));
    }
    return rows;
  }

  return {
    listDiagrams,
    loadAll,
    loadDiagram(name: string): ProcessedDiagram {
      if (!reported) loadAll();
      return loadOne(name).diagram;
    },
  };
}

// One registry per process: Vite may evaluate this module more than once during a build,
// and the report should still print once.
const GLOBAL_KEY = Symbol.for('casebook.diagrams.registry');
type GlobalWithRegistry = typeof globalThis & { [GLOBAL_KEY]?: DiagramRegistry };

function defaultRegistry(): DiagramRegistry {
  const g = globalThis as GlobalWithRegistry;
  return (g[GLOBAL_KEY] ??= createDiagramRegistry());
}

export function listDiagrams(): string[] {
  return defaultRegistry().listDiagrams();
}

export function loadDiagram(name: string): ProcessedDiagram {
  return defaultRegistry().loadDiagram(name);
}

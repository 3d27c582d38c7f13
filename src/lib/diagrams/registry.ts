/**
 * The SVG files of the catalogue (catalogue.ts lists `diagrams/`), processed once and cached.
 *
 * `loadDiagram(name)` reads the file, looks its content hash up in memory, then on disk
 * (cache.ts), and only then runs the pipeline. The first load of a build processes every
 * diagram and prints the build report (sizes before/after, warnings), so a broken diagram
 * fails the build even if no page uses it yet, and the report appears exactly once per
 * process. Paths resolve from `process.cwd()`, the project root for `astro build`.
 */
import { readDiagramFile } from './safety/files.ts';
import { resolveLimits } from './safety/bounds.ts';
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { timeWork } from '../build-phases.ts';
import { cacheDir, type DiskCache } from '../cache.ts';
import { diagramCache, diagramCacheKey } from './cache.ts';
import { DIAGRAMS_FOLDER, listDiagramFolder, sitePrefix, unknownDiagramError, type DiagramFile } from './catalogue.ts';
import { processSvg, type ProcessedDiagram, type ProcessOptions } from './pipeline.ts';
import { formatReport, verboseFromEnv, type ReportRow } from './report.ts';

export interface DiagramRegistryOptions {
  /** Project root, for the folder default and for paths in messages; default process.cwd(). */
  root?: string;
  /** Folder of `<name>.svg` files; default `<root>/diagrams`. */
  dir?: string;
  /** Default: the `diagrams` folder of the shared cache (src/lib/cache.ts). */
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
  /** The processed diagram if diagrams/ has a file of that name, else undefined. */
  findDiagram(name: string): ProcessedDiagram | undefined;
  /**
   * Processes every diagram, prints the report on the first call, returns the rows. Throws
   * the first refused file of the folder (catalogue.ts), so the build fails on it.
   */
  loadAll(): ReportRow[];
}

/**
 * A diagram file's processed form from the shared disk cache (key: `diagramCacheKey`), or
 * processed and stored there: the build's registry and the validator's broken-diagram check
 * both come through here, so whichever asks second reads the first one's result.
 */
export function throughDiskCache(cache: DiskCache<ProcessedDiagram>, key: string, process: () => ProcessedDiagram): ReportRow {
  const onDisk = cache.get(key);
  if (onDisk) return { diagram: onDisk, cached: true };
  const diagram = process();
  cache.set(key, diagram);
  return { diagram, cached: false };
}

export function createDiagramRegistry(options: DiagramRegistryOptions = {}): DiagramRegistry {
  const cwd = options.root ?? process.cwd();
  const dir = options.dir ?? join(cwd, DIAGRAMS_FOLDER);
  const cache = diagramCache(options.cacheDir ?? cacheDir('diagrams', process.env, cwd));
  const run = options.process ?? processSvg;
  const log = options.log ?? ((m: string) => console.log(m));
  const memory = new Map<string, ProcessedDiagram>();
  const loaded = new Map<string, { stamp: string; diagram: ProcessedDiagram }>();
  let reported = false;

  const folder = () => listDiagramFolder(cwd, dir);
  const listDiagrams = (): string[] => folder().files.map((f) => f.name);

  function fileOf(name: string): DiagramFile {
    const files = folder().files;
    const found = files.find((f) => f.name === name);
    if (found) return found;
    throw unknownDiagramError(name, files.map((f) => f.name), { file: `diagrams/${name}.svg`, element: `<Diagram name="${name}">` });
  }

  function loadOne({ name, file, path }: DiagramFile): ReportRow {
    const source = readDiagramFile(path, cwd, file, resolveLimits());
    const idPrefix = sitePrefix(name, cwd);
    const key = diagramCacheKey(name, idPrefix, source);
    const inMemory = memory.get(key);
    if (inMemory) return { diagram: inMemory, cached: true };
    const row = throughDiskCache(cache, key, () => run(source, { name, idPrefix, file }));
    memory.set(key, row.diagram);
    return row;
  }

  /**
   * Pages ask for the same few diagrams thousands of times: a plain file whose lstat is
   * unchanged since its last load is the same diagram (a new, replaced, moved or symlinked
   * file differs and goes through the listing and the file rules again).
   */
  function unchanged(name: string): ProcessedDiagram | undefined {
    const known = loaded.get(name);
    if (!known) return undefined;
    if (fileStamp(join(dir, `${name}.svg`)) === known.stamp) return known.diagram;
    loaded.delete(name);
    return undefined;
  }

  function loadDiagram(name: string): ProcessedDiagram {
    if (!reported) loadAll();
    return timeWork('diagrams', () => {
      const known = unchanged(name);
      if (known) return known;
      const stamp = fileStamp(join(dir, `${name}.svg`));
      const { diagram } = loadOne(fileOf(name));
      if (stamp !== undefined) loaded.set(name, { stamp, diagram });
      return diagram;
    });
  }

  function loadAll(): ReportRow[] {
    const { files, refused } = folder();
    if (refused[0]) throw refused[0];
    const rows = files.map((file) => timeWork('diagrams', () => loadOne(file)));
    if (!reported) {
      reported = true;
      log(formatReport(rows, { verbose: verboseFromEnv() }));
    }
    return rows;
  }

  return {
    listDiagrams,
    loadAll,
    loadDiagram,
    findDiagram(name: string): ProcessedDiagram | undefined {
      return unchanged(name) ?? (listDiagrams().includes(name) ? loadDiagram(name) : undefined);
    },
  };
}

/** Identity and version of a plain file (not a symlink), or undefined. */
function fileStamp(path: string): string | undefined {
  try {
    const s = lstatSync(path);
    return s.isFile() ? `${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}` : undefined;
  } catch {
    return undefined;
  }
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

export function findDiagram(name: string): ProcessedDiagram | undefined {
  return defaultRegistry().findDiagram(name);
}

/**
 * Runs one `astro build` and measures it: wall time, pages written (index.html files in
 * the output folder), pages per second, and peak memory (the process tree sampled from
 * /proc, and the largest single process from `/usr/bin/time -v` when it is installed).
 * The build's output goes to a log file; on failure the caller prints its tail.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { PhaseRecord } from '../../lib/build-phases.ts';
import { hashDirectory } from './dist-hash.ts';
import { loadAverage } from './machine.ts';
import { watchTreeMemory } from './process-tree-memory.ts';

export interface BuildRequest {
  label: string;
  /** The project to build. */
  cwd: string;
  outDir: string;
  cacheDir: string;
  /** Folder put first on PATH (the repository's node_modules/.bin, which has Node 22). */
  binDir: string;
  logFile: string;
  /** Extra environment for the build. */
  env?: Record<string, string>;
  /**
   * The build command, run with `binDir` first on PATH; `{outDir}` is replaced by outDir.
   * Default: astro build --outDir {outDir}.
   */
  command?: string[];
}

export interface BuildMeasurement {
  label: string;
  ok: boolean;
  exitCode: number | null;
  seconds: number;
  pages: number;
  pagesPerSecond: number;
  /** max(process-tree sample, largest single process): what the report calls peak MB. */
  peakMB: number;
  /** Sum of VmRSS over the build's process tree at its sampled peak. */
  treePeakMB: number;
  /** Maximum resident set size of the largest process, from /usr/bin/time -v (null without it). */
  maxProcessMB: number | null;
  /**
   * User + system CPU seconds of the whole build, from /usr/bin/time -v (null without it).
   * Steadier than wall time on a shared machine: waiting for a core does not count.
   */
  cpuSeconds: number | null;
  logFile: string;
  /** Where the time went (src/lib/build-phases.ts); null when the build wrote no record. */
  phases: PhaseRecord | null;
  /** sha256 of the built site (dist-hash.ts), '' when the build failed. */
  distHash: string;
  /** The last lines of the build's output (for failures). */
  outputTail: string;
  /** The machine's 1-minute load average when the build started and when it ended. */
  load: { start: number; end: number };
}

export const TIME_BINARY = '/usr/bin/time';

export async function measureBuild(req: BuildRequest): Promise<BuildMeasurement> {
  const useTime = existsSync(TIME_BINARY);
  const timeFile = `${req.logFile}.time`;
  const phasesFile = `${req.logFile}.phases.json`;
  rmSync(phasesFile, { force: true });
  const build = (req.command ?? ['astro', 'build', '--outDir', '{outDir}']).map((a) => a.replaceAll('{outDir}', req.outDir));
  const [command, args] = useTime
    ? [TIME_BINARY, ['-v', '-o', timeFile, ...build]]
    : [build[0]!, build.slice(1)];
  const env = {
    ...process.env,
    PATH: `${req.binDir}:${process.env.PATH ?? ''}`,
    ASTRO_TELEMETRY_DISABLED: '1',
    CASEBOOK_CACHE_DIR: req.cacheDir,
    CASEBOOK_PHASES_FILE: phasesFile,
    ...req.env,
  };

  const log = createWriteStream(req.logFile);
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    log.write(chunk);
    tail.push(...chunk.toString('utf8').split('\n'));
    if (tail.length > 400) tail.splice(0, tail.length - 200);
  };

  const loadAtStart = loadAverage();
  const started = performance.now();
  const child = spawn(command, args, { cwd: req.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const memory = watchTreeMemory(child.pid ?? process.pid);
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exitCode = await new Promise<number | null>((resolve) => {
    child.on('error', (err) => {
      keep(Buffer.from(`could not start ${command}: ${err.message}\n`));
      resolve(-1);
    });
    child.on('close', (code) => resolve(code));
  });
  const seconds = (performance.now() - started) / 1000;
  const treePeakKb = memory.stop();
  await new Promise<void>((resolve) => log.end(resolve));

  const timeReport = useTime && existsSync(timeFile) ? readFileSync(timeFile, 'utf8') : '';
  const maxProcessKb = maxRssKbFromTimeOutput(timeReport);
  const cpuSeconds = cpuSecondsFromTimeOutput(timeReport);
  const pages = exitCode === 0 ? countPages(req.outDir) : 0;
  const treePeakMB = treePeakKb / 1024;
  const maxProcessMB = maxProcessKb === null ? null : maxProcessKb / 1024;
  return {
    label: req.label,
    ok: exitCode === 0,
    exitCode,
    seconds,
    pages,
    pagesPerSecond: seconds > 0 ? pages / seconds : 0,
    peakMB: Math.max(treePeakMB, maxProcessMB ?? 0),
    treePeakMB,
    maxProcessMB,
    cpuSeconds,
    logFile: req.logFile,
    phases: readPhases(phasesFile),
    distHash: exitCode === 0 && existsSync(req.outDir) ? hashDirectory(req.outDir) : '',
    outputTail: tail.slice(-40).join('\n'),
    load: { start: loadAtStart, end: loadAverage() },
  };
}

/** "Maximum resident set size (kbytes): 123" from GNU time's -v report. */
export function maxRssKbFromTimeOutput(text: string): number | null {
  const m = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(text);
  return m ? Number(m[1]) : null;
}

/** "User time (seconds)" + "System time (seconds)" from GNU time's -v report. */
export function cpuSecondsFromTimeOutput(text: string): number | null {
  const user = /User time \(seconds\):\s*([\d.]+)/.exec(text);
  const system = /System time \(seconds\):\s*([\d.]+)/.exec(text);
  return user && system ? Number(user[1]) + Number(system[1]) : null;
}

/** Number of index.html files under `dir` (one per page with directory-style URLs). */
export function countPages(dir: string): number {
  if (!existsSync(dir)) return 0;
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name === 'index.html') count++;
  }
  return count;
}

function readPhases(file: string): PhaseRecord | null {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as PhaseRecord;
    return typeof value.spans === 'object' && typeof value.work === 'object' ? value : null;
  } catch {
    return null;
  }
}

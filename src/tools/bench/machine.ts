/**
 * What the benchmark ran on, printed and stored with the figures: they mean little without
 * the machine (and, on a shared machine, its load when the run started).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg, release, totalmem, type } from 'node:os';

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  ramGB: number;
  os: string;
  /** Node that runs the builds (node_modules/.bin/node), not the one running this script. */
  nodeVersion: string;
  /** Astro's version in the project's node_modules ('unknown' when it cannot be read). */
  astroVersion: string;
  /** 1-minute load average when the benchmark started. */
  loadAverage: number;
}

export function machineInfo(binDir: string): MachineInfo {
  const list = cpus();
  let nodeVersion = process.version;
  try {
    nodeVersion = execFileSync('node', ['--version'], {
      env: { ...process.env, PATH: `${binDir}:${process.env.PATH ?? ''}` },
      encoding: 'utf8',
    }).trim();
  } catch {
    // Keep this process's version.
  }
  return {
    cpus: list.length,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    ramGB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${type()} ${release()}`,
    nodeVersion,
    astroVersion: packageVersion(join(binDir, '..', 'astro', 'package.json')),
    loadAverage: loadAverage(),
  };
}

/** The 1-minute load average now, to two decimals. */
export function loadAverage(): number {
  return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}

/** `version` of a package.json, or 'unknown'. */
export function packageVersion(packageJson: string): string {
  try {
    const value = (JSON.parse(readFileSync(packageJson, 'utf8')) as { version?: unknown }).version;
    return typeof value === 'string' ? value : 'unknown';
  } catch {
    return 'unknown';
  }
}

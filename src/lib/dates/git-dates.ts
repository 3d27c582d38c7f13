/**
 * When each content file last changed, according to git: one `git log` over the whole content
 * folder, not one process per file (at 1,000 studies that would be 1,000 processes).
 *
 * The answer is trusted only with full history. A shallow clone (the default of
 * actions/checkout and of many CI systems) knows only the newest commit, so every file would
 * appear to have changed at the tip: instead the dates are dropped, one line says so, and the
 * pages fall back to their frontmatter (`updated`, else `date`). Outside a git work tree, or
 * without git, there are no git dates and nothing is printed.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export type GitDates =
  | { kind: 'git'; /** Absolute file path -> time of the newest commit that touched it. */ dates: Map<string, Date> }
  | { kind: 'shallow'; warning: string }
  | { kind: 'none'; reason: string };

export const SHALLOW_WARNING =
  'casebook: this is a shallow git clone, so "Last updated" dates come from frontmatter (fetch the full history: `git fetch --unshallow`, or `fetch-depth: 0` for actions/checkout)';

function git(cwd: string, args: string[]): string {
  return execFileSync('git', ['-c', 'core.quotePath=false', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 256 * 1024 * 1024,
  });
}

/**
 * Parses `git log --format=%x00%ct --name-only`: each commit is a NUL, its committer time in
 * seconds, then the files it touched, one a line. Commits come newest first, so the first time
 * a file appears is its last change.
 */
export function parseGitLog(output: string, toplevel: string): Map<string, Date> {
  const dates = new Map<string, Date>();
  for (const chunk of output.split('\0')) {
    const [stamp, ...files] = chunk.split('\n');
    const seconds = Number(stamp);
    if (!stamp || !Number.isFinite(seconds)) continue;
    for (const file of files) {
      if (!file) continue;
      const absolute = path.resolve(toplevel, file);
      if (!dates.has(absolute)) dates.set(absolute, new Date(seconds * 1000));
    }
  }
  return dates;
}

/** Reads the last-change time of every file under `dir` (absolute, or relative to `cwd`) in one pass. */
export function readGitDates(dir: string, cwd = process.cwd()): GitDates {
  const folder = path.resolve(cwd, dir);
  let toplevel: string;
  try {
    toplevel = git(folder, ['rev-parse', '--show-toplevel']).trim();
  } catch {
    return { kind: 'none', reason: `${dir} is not in a git work tree (or git is not installed)` };
  }
  if (git(folder, ['rev-parse', '--is-shallow-repository']).trim() === 'true') {
    return { kind: 'shallow', warning: SHALLOW_WARNING };
  }
  let log: string;
  try {
    log = git(folder, ['log', '--no-renames', '--format=%x00%ct', '--name-only', '--', '.']);
  } catch {
    // A repository without commits yet: nothing is dated by git.
    return { kind: 'none', reason: 'the repository has no commits yet' };
  }
  return { kind: 'git', dates: parseGitLog(log, toplevel) };
}

/**
 * The process-wide answer for one folder. The build reads it twice (astro.config.mjs for the
 * sitemap, the pages through Vite's own module instance), so it is kept on globalThis: one
 * `git log` and at most one warning per build.
 */
const KEY = Symbol.for('casebook.gitDates');
type Store = Map<string, GitDates>;

export function gitDatesFor(dir: string, cwd = process.cwd()): GitDates {
  const holder = globalThis as typeof globalThis & { [KEY]?: Store };
  const store = (holder[KEY] ??= new Map());
  const key = path.resolve(cwd, dir);
  let result = store.get(key);
  if (!result) {
    result = readGitDates(key, cwd);
    if (result.kind === 'shallow') console.warn(result.warning);
    store.set(key, result);
  }
  return result;
}

/** The git time of one file (absolute, or relative to `cwd`), if git knows it. */
export function gitDateOf(dates: GitDates, file: string, cwd = process.cwd()): Date | undefined {
  return dates.kind === 'git' ? dates.dates.get(path.resolve(cwd, file)) : undefined;
}

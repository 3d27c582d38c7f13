/**
 * Validation results cached by content, in the shared disk cache (src/lib/cache.ts, cache
 * "validation"): a warm build re-validates only the case studies that changed.
 *
 * One file's report depends on its path and text, the diagram folder (which names exist and
 * which files are refused), the assets next to the case studies (a missing image is a
 * problem), the MDX component names, and the code that validates it: the schema, the checks,
 * the renderers. The code is covered by a fingerprint of every source file under src/ and of
 * package-lock.json, so editing the schema, a check or a dependency re-validates everything
 * (the safe direction). The other case-study files are not part of a file's key: adding or
 * editing one study leaves the others' reports valid; cross-file checks (slugs, series, broken
 * diagrams) always run.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir, cacheKey, DiskCache, jsonFormat } from '../../lib/cache.ts';
import { listDiagramFolder } from '../../lib/diagrams/catalogue.ts';
import { pruneEntries, touchEntry } from '../../lib/site-output-cache.ts';
import type { ValidationOutcome } from './background-validation.ts';
import type { CaseStudyReport } from './validate-content.ts';

const CODE_FILE = /\.(ts|mts|mjs|js|astro|json|css)$/;
/** Case-study sources: their text is in their own key, so they are left out of the asset list. */
const STUDY_FILE = /\.(mdx|md|markdown)$/i;

function listFiles(dir: string, keep: (file: string) => boolean): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(keep).sort();
  } catch {
    return [];
  }
}

/** sha256 over the project's src/ files (path and bytes, sorted) and its package files. */
export function codeFingerprint(root: string): string {
  const parts: (string | Uint8Array)[] = [];
  const src = join(root, 'src');
  for (const f of listFiles(src, (f) => CODE_FILE.test(f))) {
    try {
      parts.push(f, readFileSync(join(src, f)));
    } catch {
      parts.push(f, 'unreadable');
    }
  }
  for (const file of ['package-lock.json', 'package.json']) {
    try {
      parts.push(file, readFileSync(join(root, file)));
    } catch {
      parts.push(file, 'missing');
    }
  }
  return cacheKey('validation', ...parts);
}

/** What every file's report depends on besides its own text (see the header). */
export function sharedInputs(root: string, componentNames: readonly string[], fingerprint: string = codeFingerprint(root)): string {
  const folder = listDiagramFolder(root);
  return cacheKey(
    'validation',
    fingerprint,
    folder.files.map((f) => f.name).sort().join('\n'),
    folder.refused.map((r) => `${r.file}: ${r.message}`).sort().join('\n'),
    listFiles(join(root, 'content'), (f) => !STUDY_FILE.test(f)).join('\n'),
    componentNames.join('\n'),
  );
}

function isReport(value: unknown): value is CaseStudyReport {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return Array.isArray(r.problems) && Array.isArray(r.diagrams) && (r.series === undefined || typeof r.series === 'object');
}

export interface ReportCache {
  /** The cached report of `file` with this text, if nothing it depends on changed. */
  get(file: string, source: string): CaseStudyReport | undefined;
  set(file: string, source: string, report: CaseStudyReport): void;
}

export interface ReportCacheInputs {
  root: string;
  componentNames: readonly string[];
  /** Default: `cacheDir('validation')` (under the project, or $CASEBOOK_CACHE_DIR). */
  dir?: string;
  /** Default: `sharedInputs(root, componentNames)`. */
  shared?: string;
}

/** Earlier generations of per-file reports kept besides the current one, and passing verdicts kept. */
export const KEPT_REPORT_GENERATIONS = 2;
export const KEPT_OUTCOMES = 3;

/**
 * Reports live in a folder per generation of the shared inputs (`reports-<digest>`): editing
 * any source file or diagram starts a new one, and all but the newest KEPT_REPORT_GENERATIONS
 * earlier ones are removed, so the cache does not grow with every edit (every report of the
 * old generation could never be read again). Files of the first layout (reports and verdicts
 * side by side in the folder itself) are removed.
 */
export function createReportCache(inputs: ReportCacheInputs): ReportCache {
  const base = inputs.dir ?? cacheDir('validation', process.env, inputs.root);
  const shared = inputs.shared ?? sharedInputs(inputs.root, inputs.componentNames);
  const generation = `reports-${createHash('sha256').update(shared).digest('hex').slice(0, 32)}`;
  const dir = join(base, generation);
  touchEntry(dir);
  pruneEntries(base, (name) => /^reports-[0-9a-f]{32}$/.test(name) && name !== generation, KEPT_REPORT_GENERATIONS);
  pruneEntries(base, (name) => /^[0-9a-f]{64}\.json$/.test(name), 0);
  const store = new DiskCache(dir, jsonFormat(isReport));
  const key = (file: string, source: string) => cacheKey('validation', shared, file, source);
  return {
    get: (file, source) => store.get(key(file, source)),
    set: (file, source, report) => store.set(key(file, source), report),
  };
}

/**
 * The verdict of a whole validation run, for `npm run build`: when nothing any check reads has
 * changed since a run that passed, the build prints that run's lines again instead of starting
 * the validation worker at all (loading the validator, reading every cached report and
 * re-running the cross-file checks cost ~13 s of CPU at 300 studies with every report cached).
 *
 * The key is everything the run reads: the shared inputs above (code, diagram names and
 * refusals, asset paths, component names), the bytes of every diagram file (the broken-diagram
 * check processes them), the path and text of every case study, and the CASEBOOK_* settings
 * (limits such as CASEBOOK_DIAGRAM_MAX_BYTES). Only passing runs are stored: a failing one is
 * always validated again, so its report is fresh.
 */
export interface OutcomeCache {
  get(): ValidationOutcome | undefined;
  /** Stores a passing outcome; a failing one is ignored. */
  set(outcome: ValidationOutcome): void;
}

/** Settings that are locations or bench plumbing, not inputs of a check. */
export const NOT_INPUTS: ReadonlySet<string> = new Set(['CASEBOOK_CACHE_DIR', 'CASEBOOK_PHASES_FILE', 'CASEBOOK_E2E_PORT', 'CASEBOOK_VERBOSE']);

export function outcomeKey(root: string, componentNames: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  const parts: (string | Uint8Array)[] = [sharedInputs(root, componentNames)];
  for (const f of listDiagramFolder(root).files) {
    try {
      parts.push(f.file, readFileSync(f.path));
    } catch {
      parts.push(f.file, 'unreadable');
    }
  }
  const content = join(root, 'content');
  for (const f of listFiles(content, (f) => STUDY_FILE.test(f))) {
    try {
      parts.push(f, readFileSync(join(content, f)));
    } catch {
      parts.push(f, 'unreadable');
    }
  }
  const settings = Object.keys(env)
    .filter((k) => k.startsWith('CASEBOOK_') && !NOT_INPUTS.has(k))
    .sort()
    .map((k) => `${k}=${env[k] ?? ''}`);
  parts.push(settings.join('\n'));
  return cacheKey('validation', 'outcome', ...parts);
}

function isOutcome(value: unknown): value is ValidationOutcome {
  if (typeof value !== 'object' || value === null) return false;
  const o = value as Record<string, unknown>;
  return o.ok === true && Array.isArray(o.lines) &&
    o.lines.every((l) => typeof l === 'object' && l !== null && (l as { stream?: unknown }).stream !== undefined && typeof (l as { text?: unknown }).text === 'string');
}

/** Verdicts live in `outcomes/`; only the KEPT_OUTCOMES most recently used are kept. */
export function createOutcomeCache(inputs: ReportCacheInputs & { env?: NodeJS.ProcessEnv }): OutcomeCache {
  const dir = join(inputs.dir ?? cacheDir('validation', process.env, inputs.root), 'outcomes');
  const store = new DiskCache(dir, jsonFormat(isOutcome));
  const key = outcomeKey(inputs.root, inputs.componentNames, inputs.env);
  return {
    get: () => {
      const hit = store.get(key);
      if (hit) touchEntry(store.fileOf(key));
      return hit;
    },
    set: (outcome) => {
      if (!outcome.ok) return;
      store.set(key, outcome);
      pruneEntries(dir, (name) => /^[0-9a-f]{64}\.json$/.test(name), KEPT_OUTCOMES);
    },
  };
}

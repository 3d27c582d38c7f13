/**
 * Which built pages @astrojs/sitemap lists (everything except the 404 page and drafts), and
 * each case study's <lastmod>: the same "last updated" the page shows (frontmatter `updated`,
 * else the file's last commit, else `date`; lib/dates/last-updated.ts). Production builds never
 * contain drafts, but a preview build (CASEBOOK_DRAFTS=1) does, and the integration only
 * sees URLs, so drafts and dates are read from the content files' frontmatter when
 * astro.config.mjs loads (before Astro's content layer exists).
 *
 * What is read of a frontmatter (draft, date, updated) is kept by the digest of its YAML, in
 * memory and in the disk cache (src/lib/cache.ts, cache "sitemap", keyed by the code
 * fingerprint, so an upgraded YAML parser or edited code reads everything again): a build with
 * unchanged frontmatter parses no YAML here. The stored table holds only the studies of the
 * last run.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { frontmatterBlock } from '../frontmatter.ts';
import { joinBase, routes } from '../urls.ts';
import { gitDateOf, gitDatesFor, type GitDates } from '../dates/git-dates.ts';
import { lastUpdated } from '../dates/last-updated.ts';
import { formatOf } from '../markdown/features.ts';
import { cacheDir, cacheKey, DiskCache, jsonFormat } from '../cache.ts';
import { codeFingerprint } from '../../tools/validation/result-cache.ts';

interface StudyDates {
  slug: string;
  file: string;
  draft: boolean;
  /** `date` and `updated` as written (YYYY-MM-DD or an ISO date-time). */
  date: unknown;
  updated: unknown;
}

type Frontmatter = { draft?: unknown; date?: unknown; updated?: unknown } | null;

/**
 * What this module uses of a frontmatter. The YAML parser (core schema) gives dates as strings,
 * and asDate() reads nothing but strings and Dates, so any other value is kept as absent.
 */
export interface FrontmatterDates {
  draft: boolean;
  date?: string;
  updated?: string;
}

function datesOf(data: Frontmatter): FrontmatterDates {
  return {
    draft: data?.draft === true,
    ...(typeof data?.date === 'string' ? { date: data.date } : {}),
    ...(typeof data?.updated === 'string' ? { updated: data.updated } : {}),
  };
}

/** Broken frontmatter fails the build with a proper message elsewhere: here it is just skipped. */
function parseQuietly(yaml: string): Frontmatter {
  try {
    return parse(yaml) as Frontmatter;
  } catch {
    return null;
  }
}

function isDatesTable(value: unknown): value is Record<string, FrontmatterDates> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) &&
    Object.values(value).every(
      (d) =>
        typeof d === 'object' && d !== null && typeof (d as FrontmatterDates).draft === 'boolean' &&
        ['date', 'updated'].every((k) => (d as Record<string, unknown>)[k] === undefined || typeof (d as Record<string, unknown>)[k] === 'string'),
    )
  );
}

/** The stored digest -> dates table of the last run (see the header). */
export interface FrontmatterStore {
  load(): Record<string, FrontmatterDates>;
  save(table: Record<string, FrontmatterDates>): void;
}

export function diskFrontmatterStore(root: string = process.cwd(), dir: string = cacheDir('sitemap', process.env, root)): FrontmatterStore {
  const cache = new DiskCache(dir, jsonFormat(isDatesTable));
  const key = cacheKey('sitemap', 'frontmatter', codeFingerprint(root));
  return { load: () => cache.get(key) ?? {}, save: (table) => cache.set(key, table) };
}

/**
 * Each study's draft flag and dates from its file, its YAML parsed only when its digest is in
 * neither the memory of this process nor `store`.
 */
export function readStudies(dir: string, store: FrontmatterStore = defaultStore()): StudyDates[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => formatOf(f) !== undefined);
  } catch {
    return [];
  }
  let stored: Record<string, FrontmatterDates> | undefined;
  const seen: Record<string, FrontmatterDates> = {};
  let parsed = false;
  const studies = files.map((file) => {
    const slug = file.replace(/\.(mdx|md|markdown)$/i, '');
    const path = join(dir, file);
    const fm = frontmatterBlock(readFileSync(path, 'utf8'));
    const digest = fm ? createHash('sha1').update(fm.yaml).digest('base64') : '';
    const known = parsedFrontmatter.get(path);
    let data: FrontmatterDates;
    if (known?.digest === digest) data = known.data;
    else if (!fm) data = datesOf(null);
    else {
      stored ??= store.load();
      const hit = Object.hasOwn(stored, digest) ? stored[digest] : undefined;
      data = hit ?? datesOf(parseQuietly(fm.yaml));
      if (!hit) parsed = true;
    }
    if (fm) seen[digest] = data;
    parsedFrontmatter.set(path, { digest, data });
    return { slug, file: path, ...data, date: data.date, updated: data.updated };
  });
  // Store this run's table when it differs from the stored one (new, changed or removed studies).
  stored ??= store.load();
  if (parsed || Object.keys(stored).length !== Object.keys(seen).length || Object.keys(seen).some((d) => !Object.hasOwn(stored!, d))) store.save(seen);
  return studies;
}

const parsedFrontmatter = new Map<string, { digest: string; data: FrontmatterDates }>();
let sharedStore: FrontmatterStore | undefined;
function defaultStore(): FrontmatterStore {
  sharedStore ??= diskFrontmatterStore();
  return sharedStore;
}

/** Slugs of case studies whose frontmatter says `draft: true`. */
export function draftSlugs(dir: string): string[] {
  return readStudies(dir)
    .filter((s) => s.draft)
    .map((s) => s.slug);
}

function asDate(value: unknown): Date | undefined {
  const d = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d : undefined;
}

/**
 * Case-study slug -> last modification date, for the sitemap. `git` defaults to the build's one
 * `git log` pass over `dir` (shared with the pages).
 */
export function lastModified(dir: string, git: GitDates = gitDatesFor(dir)): Map<string, string> {
  const dates = new Map<string, string>();
  for (const s of readStudies(dir)) {
    const date = asDate(s.date);
    if (!date) continue;
    const updated = lastUpdated({ date, updated: asDate(s.updated) }, gitDateOf(git, s.file));
    dates.set(s.slug, updated.date.toISOString());
  }
  return dates;
}

/** @astrojs/sitemap's `serialize`: adds <lastmod> to case-study pages. */
export function sitemapSerialize<T extends { url: string; lastmod?: string | undefined }>(
  base: string,
  lastmods: Map<string, string>,
): (item: T) => T {
  const prefix = joinBase(base, routes.caseStudies());
  return (item) => {
    const path = new URL(item.url).pathname;
    if (!path.startsWith(prefix)) return item;
    const lastmod = lastmods.get(path.slice(prefix.length).replace(/\/$/, ''));
    return lastmod ? { ...item, lastmod } : item;
  };
}

/** A filter for @astrojs/sitemap's `filter` option (it passes absolute page URLs). */
export function sitemapFilter(base: string, drafts: string[]): (page: string) => boolean {
  const excluded = new Set([
    joinBase(base, '/404/'),
    joinBase(base, '/404'),
    ...drafts.map((slug) => joinBase(base, routes.caseStudy(slug))),
  ]);
  return (page) => !excluded.has(new URL(page).pathname);
}

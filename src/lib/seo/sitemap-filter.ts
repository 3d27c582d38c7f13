/**
 * Which built pages @astrojs/sitemap lists (everything except the 404 page and drafts), and
 * each case study's <lastmod>: the same "last updated" the page shows (frontmatter `updated`,
 * else the file's last commit, else `date`; lib/dates/last-updated.ts). Production builds never
 * contain drafts, but a preview build (CASEBOOK_DRAFTS=1) does, and the integration only
 * sees URLs, so drafts and dates are read from the content files' frontmatter when
 * astro.config.mjs loads (before Astro's content layer exists).
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

interface StudyDates {
  slug: string;
  file: string;
  draft: boolean;
  /** `date` and `updated` as written (YYYY-MM-DD or an ISO date-time). */
  date: unknown;
  updated: unknown;
}

type Frontmatter = { draft?: unknown; date?: unknown; updated?: unknown } | null;

/** Broken frontmatter fails the build with a proper message elsewhere: here it is just skipped. */
function parseQuietly(yaml: string): Frontmatter {
  try {
    return parse(yaml) as Frontmatter;
  } catch {
    return null;
  }
}

function readStudies(dir: string): StudyDates[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => formatOf(f) !== undefined);
  } catch {
    return [];
  }
  return files.map((file) => {
    const slug = file.replace(/\.(mdx|md|markdown)$/i, '');
    const path = join(dir, file);
    const fm = frontmatterBlock(readFileSync(path, 'utf8'));
    // draftSlugs and lastModified both read every study when the config loads: the YAML of
    // an unchanged frontmatter is parsed once (keyed by its digest, so no text is kept).
    const digest = fm ? createHash('sha1').update(fm.yaml).digest('base64') : '';
    const known = parsedFrontmatter.get(path);
    const data = known?.digest === digest ? known.data : fm ? parseQuietly(fm.yaml) : null;
    parsedFrontmatter.set(path, { digest, data });
    return { slug, file: path, draft: data?.draft === true, date: data?.date, updated: data?.updated };
  });
}

const parsedFrontmatter = new Map<string, { digest: string; data: Frontmatter }>();

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

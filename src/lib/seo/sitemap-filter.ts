/**
 * Which built pages @astrojs/sitemap lists: everything except the 404 page and drafts.
 * Production builds never contain drafts, but a preview build (CASEBOOK_DRAFTS=1) does,
 * and the integration only sees URLs, so the draft slugs are read from the content
 * files' frontmatter when astro.config.mjs loads (before Astro's content layer exists).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { joinBase } from '../urls.ts';

/** Slugs of case studies whose frontmatter says `draft: true`. */
export function draftSlugs(dir: string): string[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.mdx'));
  } catch {
    return [];
  }
  return files.filter((file) => {
    const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(dir, file), 'utf8'));
    if (!match) return false;
    try {
      return (parse(match[1]!) as { draft?: unknown } | null)?.draft === true;
    } catch {
      // Broken frontmatter fails the build with a proper message elsewhere.
      return false;
    }
  }).map((file) => file.replace(/\.mdx$/, ''));
}

/** A filter for @astrojs/sitemap's `filter` option (it passes absolute page URLs). */
export function sitemapFilter(base: string, drafts: string[]): (page: string) => boolean {
  const excluded = new Set([
    joinBase(base, '/404/'),
    joinBase(base, '/404'),
    ...drafts.map((slug) => joinBase(base, `/case-studies/${slug}/`)),
  ]);
  return (page) => !excluded.has(new URL(page).pathname);
}

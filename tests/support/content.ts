/**
 * The example content as the tests expect to see it, read straight from content/ (not
 * through the site's own code), so the end-to-end tests check the pages against the
 * source of truth rather than against themselves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { slug } from 'github-slugger';

export interface SourceStudy {
  slug: string;
  title: string;
  category: string;
  stack: string[];
  tags: string[];
  draft: boolean;
  body: string;
}

const DIR = join(process.cwd(), 'content', 'case-studies');

export function sourceStudies(): SourceStudy[] {
  return readdirSync(DIR)
    .filter((f) => /\.(mdx|md|markdown)$/.test(f))
    .map((file) => {
      const text = readFileSync(join(DIR, file), 'utf8');
      const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
      if (!match) throw new Error(`${file}: no frontmatter`);
      const data = parse(match[1]!) as Record<string, unknown>;
      return {
        slug: file.replace(/\.(mdx|md|markdown)$/, ''),
        title: String(data.title),
        category: String(data.category),
        stack: (data.stack as string[] | undefined) ?? [],
        tags: (data.tags as string[] | undefined) ?? [],
        draft: data.draft === true,
        body: match[2]!,
      };
    });
}

export const published = () => sourceStudies().filter((s) => !s.draft);
export const drafts = () => sourceStudies().filter((s) => s.draft);
export const slugOf = (text: string) => slug(text.trim());

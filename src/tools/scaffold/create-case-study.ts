/**
 * Creates a new case study file from a title: `npm run new -- "Zero-Trust Service Mesh"`.
 *
 * The slug is the one Astro will give the file (github-slugger, see validation/slugs.ts), so
 * the printed URL is right. It refuses an empty slug, a slug another case study already has
 * (even one whose file name differs, e.g. Zero-Trust-Service-Mesh.mdx), and never overwrites.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { slug as githubSlug } from 'github-slugger';
import { entrySlug } from '../validation/slugs.ts';
import { CASE_STUDIES_DIR } from '../validation/validate-content.ts';
import { renderCaseStudyTemplate } from './template.ts';

export class ScaffoldError extends Error {
  override name = 'ScaffoldError';
}

export interface CreateCaseStudyOptions {
  root: string;
  title: string;
  /** Defaults to today (UTC). */
  date?: Date;
}

export interface CreatedCaseStudy {
  slug: string;
  /** Project-relative path of the new file. */
  file: string;
}

export async function createCaseStudy({ root, title, date = new Date() }: CreateCaseStudyOptions): Promise<CreatedCaseStudy> {
  const cleanTitle = title.trim().replace(/\s+/g, ' ');
  const slug = githubSlug(cleanTitle);
  if (cleanTitle === '' || slug === '' || /^-+$/.test(slug)) {
    throw new ScaffoldError(
      `title ${JSON.stringify(title)} gives an empty slug: expected a title with letters or digits, e.g. "Zero-Trust Service Mesh"`,
    );
  }
  const collection = path.join(root, CASE_STUDIES_DIR);
  const file = `${CASE_STUDIES_DIR}/${slug}.mdx`;
  const clash = (await listEntries(collection)).find((relativePath) => entrySlug(relativePath) === slug);
  if (clash) {
    throw new ScaffoldError(
      `${CASE_STUDIES_DIR}/${clash} already has the slug "${slug}" (URL /case-studies/${slug}/): expected a title that gives a new slug; choose another title or edit the existing file`,
    );
  }
  await mkdir(collection, { recursive: true });
  try {
    // 'wx' fails if the file appeared in the meantime: never overwrite.
    await writeFile(path.join(root, file), renderCaseStudyTemplate({ title: cleanTitle, date: date.toISOString().slice(0, 10) }), {
      flag: 'wx',
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new ScaffoldError(`${file} already exists: not overwriting it`);
    throw error;
  }
  return { slug, file };
}

async function listEntries(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && /\.mdx?$/.test(e.name))
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * The slug (collection entry id, and so the URL) Astro gives each case study file, and the
 * duplicates among them.
 *
 * Mirrors Astro's glob loader: every path segment is slugged with github-slugger and a
 * trailing `/index` is dropped, so `Foo.mdx`, `foo.mdx` and `foo/index.mdx` all become `foo`.
 * Astro silently keeps only one of such entries; we report them instead.
 */
import { slug } from 'github-slugger';
import { foundExpected, type Problem } from './problem.ts';

/** `Zero-Trust/Index.mdx` → `zero-trust`. `relativePath` is relative to the collection folder. */
export function entrySlug(relativePath: string): string {
  const withoutExt = relativePath.replace(/\\/g, '/').replace(/\.[^./]+$/, '');
  return withoutExt
    .split('/')
    .map((segment) => slug(segment))
    .join('/')
    .replace(/\/index$/, '');
}

/** One problem per file whose slug another file also has. `files` are [projectPath, collectionPath]. */
export function duplicateSlugProblems(files: readonly { file: string; relativePath: string }[]): Problem[] {
  const bySlug = new Map<string, string[]>();
  for (const { file, relativePath } of files) {
    const key = entrySlug(relativePath);
    bySlug.set(key, [...(bySlug.get(key) ?? []), file]);
  }
  const problems: Problem[] = [];
  for (const [key, owners] of bySlug) {
    if (owners.length < 2) continue;
    for (const file of owners) {
      const others = owners.filter((o) => o !== file);
      problems.push({
        file,
        subject: 'slug',
        message: foundExpected(
          `"${key}", which ${others.join(', ')} also gets`,
          'every case study to have its own slug (the URL /case-studies/<slug>/)',
          'rename or remove one of the files',
        ),
      });
    }
  }
  return problems;
}

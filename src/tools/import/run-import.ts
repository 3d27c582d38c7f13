/**
 * `npm run import -- PATH...`: converts posts (files, or folders searched for .md, .markdown
 * and .mdx) into case studies in content/case-studies/ (or --out), copies the relative images
 * they use next to the new file, and prints what it could not map with file:line. An
 * existing case study is never overwritten (use --force).
 */
import { copyFile, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CASE_STUDIES_DIR } from '../../content.config.ts';
import { formatOf } from '../../lib/markdown/features.ts';
import { convertPost, type ImportNote } from './convert.ts';

export interface ImportOptions {
  root: string;
  paths: string[];
  /** Output folder, relative to root; default content/case-studies. */
  out?: string;
  force?: boolean;
  dryRun?: boolean;
  log?: (line: string) => void;
}

export interface ImportResult {
  written: string[];
  notes: { file: string; note: ImportNote }[];
  failed: number;
}

export async function runImport(options: ImportOptions): Promise<ImportResult> {
  const { root, log = console.log } = options;
  const outDir = path.resolve(root, options.out ?? CASE_STUDIES_DIR);
  const rel = (p: string) => path.relative(root, p).split(path.sep).join('/') || '.';
  const result: ImportResult = { written: [], notes: [], failed: 0 };
  const files: string[] = [];
  for (const p of options.paths) files.push(...(await postsUnder(path.resolve(root, p))));
  if (files.length === 0) {
    log('No posts found (looked for .md, .markdown and .mdx files).');
    result.failed += 1;
    return result;
  }
  for (const file of files) {
    const post = convertPost({ file: rel(file), source: await readFile(file, 'utf8') });
    const target = path.join(outDir, `${post.slug}.${post.format}`);
    const exists = await stat(target).then(() => true, () => false);
    if (exists && !options.force) {
      log(`${rel(file)}: not imported, ${rel(target)} exists (use --force to replace it)`);
      result.failed += 1;
      continue;
    }
    const notes = [...post.notes];
    const copies: [string, string][] = [];
    for (const image of post.images) {
      const from = path.resolve(path.dirname(file), image);
      const to = path.resolve(outDir, image);
      if (!to.startsWith(outDir + path.sep)) {
        notes.push({ message: `image ${image} points outside the post's folder; copy it next to ${rel(target)} and fix the link` });
        continue;
      }
      if (await stat(from).then((s) => s.isFile(), () => false)) copies.push([from, to]);
      else notes.push({ message: `image ${image} was not found next to the post (${rel(from)}); validate will report it` });
    }
    if (!options.dryRun) {
      await mkdir(outDir, { recursive: true });
      await writeFile(target, post.text);
      for (const [from, to] of copies) {
        await mkdir(path.dirname(to), { recursive: true });
        await copyFile(from, to);
      }
    }
    result.written.push(rel(target));
    log(`${rel(file)} (${post.generator}) -> ${rel(target)}${copies.length ? `, ${copies.length} image${copies.length === 1 ? '' : 's'} copied` : ''}`);
    for (const note of notes) {
      result.notes.push({ file: rel(file), note });
      log(`  ${rel(file)}${note.line ? `:${note.line}` : ''}  ${note.message}`);
    }
  }
  log(`\n${result.written.length} imported${result.failed ? `, ${result.failed} not imported` : ''}. Run \`npm run validate\` to check them.`);
  return result;
}

async function postsUnder(p: string): Promise<string[]> {
  const info = await stat(p).catch(() => undefined);
  if (!info) return [];
  if (info.isFile()) return formatOf(p) ? [p] : [];
  const entries = await readdir(p, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && formatOf(e.name) && !e.name.startsWith('_index'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

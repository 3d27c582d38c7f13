/**
 * Builds into a temporary folder and swaps it into place only when the build succeeded, so
 * a failed build never leaves a half-written dist/ where the last good one was.
 *
 * Astro writes its output directory in place and removes nothing on failure, so the swap is
 * done around it: build to `<root>/.casebook/build-<random>` (same filesystem as dist/, so
 * renames are atomic), then rename dist/ aside, rename the new folder in, and delete the old
 * one. Between the two renames dist/ is briefly absent (Node has no atomic directory
 * exchange); if the second rename fails the old dist/ is put back. On failure the temporary
 * folder is removed and dist/ is not touched.
 */
import { cp, mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

export interface SafeBuildOptions {
  /** Project root; the temporary folders live in <root>/.casebook/. */
  root: string;
  /** The final output folder (absolute, or relative to root). Default: dist. */
  outDir?: string;
  /** Builds the site into the given (empty, absolute) folder; throws on failure. */
  build: (tempOutDir: string) => Promise<void>;
}

export async function safeBuild({ root, outDir = 'dist', build }: SafeBuildOptions): Promise<void> {
  const finalDir = path.resolve(root, outDir);
  const workDir = path.join(root, '.casebook');
  await mkdir(workDir, { recursive: true });
  const tempDir = await mkdtemp(path.join(workDir, 'build-'));
  try {
    await build(tempDir);
  } catch (error) {
    await rm(tempDir, { recursive: true, force: true });
    throw error;
  }
  await swapInto(tempDir, finalDir, workDir);
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

/** Replaces `finalDir` with `newDir`; `finalDir` is never left missing if the swap fails. */
export async function swapInto(newDir: string, finalDir: string, workDir: string): Promise<void> {
  const oldDir = `${path.join(workDir, 'previous-')}${path.basename(newDir)}`;
  const hadOld = await exists(finalDir);
  if (hadOld) await moveDir(finalDir, oldDir);
  try {
    await moveDir(newDir, finalDir);
  } catch (error) {
    if (hadOld) await moveDir(oldDir, finalDir);
    await rm(newDir, { recursive: true, force: true });
    throw error;
  }
  if (hadOld) await rm(oldDir, { recursive: true, force: true });
}

/** rename(), or copy + delete when the two paths are on different filesystems (EXDEV). */
async function moveDir(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
    await rm(from, { recursive: true, force: true });
  }
}

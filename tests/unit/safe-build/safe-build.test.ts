import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { safeBuild } from '../../../src/tools/build/safe-build.ts';

async function tempRoot(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'casebook-safe-build-'));
  onTestFinished(() => rm(root, { recursive: true, force: true }));
  return root;
}

async function projectWithDist(): Promise<string> {
  const root = await tempRoot();
  await mkdir(path.join(root, 'dist/case-studies'), { recursive: true });
  await writeFile(path.join(root, 'dist/index.html'), 'old home');
  await writeFile(path.join(root, 'dist/case-studies/old.html'), 'old page');
  return root;
}

const leftovers = async (root: string) => readdir(path.join(root, '.casebook'));

describe('safeBuild', () => {
  it('replaces dist/ with the new build on success and leaves no temporary folders', async () => {
    const root = await projectWithDist();
    await safeBuild({
      root,
      build: async (out) => {
        await writeFile(path.join(out, 'index.html'), 'new home');
      },
    });
    expect(await readFile(path.join(root, 'dist/index.html'), 'utf8')).toBe('new home');
    expect(await readdir(path.join(root, 'dist'))).toEqual(['index.html']);
    expect(await leftovers(root)).toEqual([]);
  });

  it('keeps the previous dist/ untouched when the build fails half-way, and removes the partial output', async () => {
    const root = await projectWithDist();
    const failing = safeBuild({
      root,
      build: async (out) => {
        await writeFile(path.join(out, 'index.html'), 'half-written');
        throw new Error('content/case-studies/x.mdx: status is wrong');
      },
    });
    await expect(failing).rejects.toThrow('content/case-studies/x.mdx: status is wrong');
    expect(await readFile(path.join(root, 'dist/index.html'), 'utf8')).toBe('old home');
    expect(await readFile(path.join(root, 'dist/case-studies/old.html'), 'utf8')).toBe('old page');
    expect(await leftovers(root)).toEqual([]);
  });

  it('creates dist/ when there was none', async () => {
    const root = await tempRoot();
    await safeBuild({ root, outDir: 'public-out', build: (out) => writeFile(path.join(out, 'a.txt'), 'a') });
    expect(await readFile(path.join(root, 'public-out/a.txt'), 'utf8')).toBe('a');
  });
});

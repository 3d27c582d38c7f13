/** Writes a throw-away project (content/case-studies + diagrams) for validator tests. */
import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';

export const VALID_FRONTMATTER = `title: Idempotent payments
summary: Exactly-once charges on an at-least-once queue.
date: 2024-11-20
category: Payments
status: production`;

export const caseStudy = (frontmatter: string, body = '## Problem\n\nText.\n') => `---\n${frontmatter}\n---\n\n${body}`;

export async function makeProject(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'casebook-validation-'));
  onTestFinished(() => rm(root, { recursive: true, force: true }));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  return root;
}

/**
 * Runs a TypeScript CLI with the repo's tsx and the Node running the tests (Node 22), from any
 * folder — `npx tsx` would look for tsx in the (temporary) working folder.
 */
export function runTsx(script: string, args: string[], options: { cwd: string; input?: string; env?: NodeJS.ProcessEnv }) {
  const tsxCli = path.resolve('node_modules/tsx/dist/cli.mjs');
  return spawnSync(process.execPath, [tsxCli, path.resolve(script), ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    input: options.input ?? '',
    env: options.env ?? process.env,
  });
}

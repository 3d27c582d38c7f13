/** Writes a throw-away project (content/case-studies + diagrams) for validator tests. */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const VALID_FRONTMATTER = `title: Idempotent payments
summary: Exactly-once charges on an at-least-once queue.
date: 2024-11-20
category: Payments
status: production`;

export const caseStudy = (frontmatter: string, body = '## Problem\n\nText.\n') => `---\n${frontmatter}\n---\n\n${body}`;

export async function makeProject(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'casebook-validation-'));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  return root;
}

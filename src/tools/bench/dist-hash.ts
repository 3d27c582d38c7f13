/**
 * A fingerprint of a built site: sha256 over every file's path (relative, `/`-separated,
 * sorted) and bytes. Equal hashes mean byte-identical sites, which is how the benchmark shows
 * that a speed change (or a warm cache) did not change the output.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function hashDirectory(dir: string): string {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file).update('\0');
    hash.update(readFileSync(join(dir, file))).update('\0');
  }
  return hash.digest('hex');
}

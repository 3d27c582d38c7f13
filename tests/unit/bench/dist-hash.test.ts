/** The built-site fingerprint that shows a speed change left the output byte-identical. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashDirectory } from '../../../src/tools/bench/dist-hash.ts';

const dirs: string[] = [];
function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dist-hash-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('hashDirectory', () => {
  it('gives two copies of the same site the same hash, whatever order the files were written in', () => {
    const a = site({ 'index.html': '<p>hi</p>', 'case-studies/x/index.html': 'x', 'og/x.png': 'png' });
    const b = site({ 'og/x.png': 'png', 'case-studies/x/index.html': 'x', 'index.html': '<p>hi</p>' });
    expect(hashDirectory(a)).toBe(hashDirectory(b));
    expect(hashDirectory(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when one byte, a file name or the split between files changes', () => {
    const base = hashDirectory(site({ 'index.html': 'ab', 'b.txt': 'c' }));
    expect(hashDirectory(site({ 'index.html': 'aB', 'b.txt': 'c' }))).not.toBe(base);
    expect(hashDirectory(site({ 'index.htm': 'ab', 'b.txt': 'c' }))).not.toBe(base);
    expect(hashDirectory(site({ 'index.html': 'a', 'b.txt': 'bc' }))).not.toBe(base);
    expect(hashDirectory(site({ 'index.html': 'ab', 'b.txt': 'c', 'extra/empty.txt': '' }))).not.toBe(base);
  });
});

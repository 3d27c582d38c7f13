/**
 * File rules: what diagrams/ may publish. A symlink out of the project, a directory named
 * x.svg, a device or a pipe is refused with a message naming the file, before anything is
 * read; a symlink to a file inside the project is fine; the size limit is checked first.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listDiagramFolder } from '../../../src/lib/diagrams/catalogue.ts';
import { DiagramError } from '../../../src/lib/diagrams/errors.ts';
import { readDiagramFile } from '../../../src/lib/diagrams/safety/files.ts';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><title>t</title></svg>';

function project(): { root: string; dir: string } {
  const root = mkdtempSync(join(tmpdir(), 'cb-files-'));
  const dir = join(root, 'diagrams');
  mkdirSync(dir);
  return { root, dir };
}

describe('the diagrams/ listing refuses what it must not publish', () => {
  const { root, dir } = project();
  const outside = mkdtempSync(join(tmpdir(), 'cb-outside-'));
  writeFileSync(join(outside, 'secret.svg'), SVG);
  writeFileSync(join(root, 'shared.svg'), SVG);
  writeFileSync(join(dir, 'ok.svg'), SVG);
  symlinkSync(join(outside, 'secret.svg'), join(dir, 'leak.svg'));
  symlinkSync('/dev/zero', join(dir, 'zero.svg'));
  symlinkSync(join(root, 'shared.svg'), join(dir, 'linked.svg'));
  symlinkSync(join(root, 'missing.svg'), join(dir, 'dangling.svg'));
  mkdirSync(join(dir, 'folder.svg'));
  execFileSync('mkfifo', [join(dir, 'pipe.svg')]);
  const { files, refused } = listDiagramFolder(root);

  it('keeps regular files and symlinks to files inside the project', () => {
    expect(files.map((f) => f.name)).toEqual(['linked', 'ok']);
  });

  it('refuses each of the others with a message naming the file', () => {
    const messages = refused.map((e) => e.message);
    expect(messages).toEqual(expect.arrayContaining([
      expect.stringMatching(/^diagrams\/leak\.svg: is a symlink to .*secret\.svg, outside the project; expected a regular file inside the project/),
      expect.stringMatching(/^diagrams\/zero\.svg: is a symlink to \/dev\/zero, outside the project/),
      expect.stringMatching(/^diagrams\/dangling\.svg: cannot be read \(ENOENT\)/),
      'diagrams/folder.svg: is a directory; expected a regular SVG file (move or rename it: every diagrams/*.svg is published)',
      expect.stringMatching(/^diagrams\/pipe\.svg: is a named pipe; expected a regular SVG file/),
    ]));
    for (const e of refused) expect(e).toBeInstanceOf(DiagramError);
  });
});

describe('readDiagramFile', () => {
  it('checks the size limit on the metadata, before reading', () => {
    const { root, dir } = project();
    writeFileSync(join(dir, 'big.svg'), `${SVG}${' '.repeat(3 * 1024 * 1024)}`);
    expect(() => readDiagramFile(join(dir, 'big.svg'), root, 'diagrams/big.svg', { maxBytes: 1024 * 1024 }))
      .toThrow(/^diagrams\/big\.svg: 3\.0 MiB, over the 1\.0 MiB limit; expected a smaller file \(or raise CASEBOOK_DIAGRAM_MAX_BYTES\)$/);
    expect(readDiagramFile(join(dir, 'big.svg'), root, 'diagrams/big.svg', { maxBytes: 8 * 1024 * 1024 })).toContain('<svg');
  });

  it('refuses a character device reached directly', () => {
    expect(() => readDiagramFile('/dev/zero', '/', 'diagrams/zero.svg', { maxBytes: 1024 })).toThrow('diagrams/zero.svg: is a character device');
  });
});

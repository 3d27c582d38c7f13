/**
 * Reading a diagram file without trusting what `diagrams/` holds.
 *
 * `diagrams/<name>.svg` is published, so it must be a regular file inside the project: a
 * symlink to `~/.ssh/…` or to another checkout would publish that file, a symlink to
 * `/dev/zero` or a FIFO would never finish reading, and a directory named `x.svg` fails with
 * a bare EISDIR. Every refusal names the file and says what to do; the size limit is checked
 * on the file's metadata before a byte is read.
 */
import { lstatSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { DiagramError } from '../errors.ts';
import type { DiagramLimits } from './bounds.ts';

function kind(s: Stats): string {
  if (s.isDirectory()) return 'a directory';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  if (s.isFIFO()) return 'a named pipe';
  if (s.isSocket()) return 'a socket';
  return 'not a regular file';
}

const inside = (root: string, path: string): boolean => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/**
 * Why `path` may not be published as a diagram (a symlink leading outside `root`, or not a
 * regular file once links are followed), or undefined when it may. Never reads the file.
 */
export function fileRuleProblem(path: string, root: string, display: string): DiagramError | undefined {
  try {
    const link = lstatSync(path);
    if (link.isSymbolicLink()) {
      const target = realpathSync(path);
      if (!inside(realpathSync(root), target)) {
        return new DiagramError({
          file: display, found: `is a symlink to ${target}, outside the project`,
          expected: 'a regular file inside the project (copy the SVG into diagrams/ instead of linking it)',
        });
      }
    }
    const stats = statSync(path);
    if (!stats.isFile()) {
      return new DiagramError({ file: display, found: `is ${kind(stats)}`, expected: 'a regular SVG file (move or rename it: every diagrams/*.svg is published)' });
    }
  } catch (error) {
    return new DiagramError({
      file: display, found: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      expected: 'a readable SVG file (a symlink must point at an existing file)',
    });
  }
  return undefined;
}

/**
 * The text of `path`, or a DiagramError naming `display` (the project-relative path).
 * `root` is the project root: the file, after following symlinks, must be inside it.
 */
export function readDiagramFile(path: string, root: string, display: string, limits: Pick<DiagramLimits, 'maxBytes'>): string {
  const problem = fileRuleProblem(path, root, display);
  if (problem) throw problem;
  const stats = statSync(path);
  if (stats.size > limits.maxBytes) {
    throw new DiagramError({
      file: display, found: `${(stats.size / 1024 / 1024).toFixed(1)} MiB, over the ${(limits.maxBytes / 1024 / 1024).toFixed(1)} MiB limit`,
      expected: 'a smaller file (or raise CASEBOOK_DIAGRAM_MAX_BYTES)',
    });
  }
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new DiagramError({ file: display, found: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`, expected: 'a readable SVG file' });
  }
}

/**
 * The remark check: `<Diagram name="nope">` in MDX fails the build naming the MDX file, the
 * line, the unknown name, the names available, and a likely fix.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import { VFile } from 'vfile';
import { beforeAll, describe, expect, it } from 'vitest';
import remarkDiagramNames from '../../../src/lib/diagrams/remark-diagram-names.ts';
import { clearDiagramNameCache } from '../../../src/lib/diagrams/names.ts';
import { FIXTURES } from './support.ts';

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'casebook-remark-'));
  mkdirSync(join(root, 'diagrams'));
  mkdirSync(join(root, 'content/case-studies'), { recursive: true });
  for (const name of ['circuit-breakers', 'distributed-rate-limiter']) {
    writeFileSync(join(root, 'diagrams', `${name}.svg`), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>');
  }
  clearDiagramNameCache();
});

function compileFixture(file: string) {
  const path = join(root, 'content/case-studies', file);
  writeFileSync(path, readFileSync(join(FIXTURES, 'mdx', file), 'utf8'));
  return compile(new VFile({ path, value: readFileSync(path, 'utf8') }), {
    remarkPlugins: [[remarkDiagramNames, { root }]],
  });
}

describe('remark-diagram-names', () => {
  it('fails on an unknown name with file, line, the names there are and a suggestion', async () => {
    await expect(compileFixture('unknown-name.mdx')).rejects.toThrow(
      'content/case-studies/unknown-name.mdx:9: <Diagram name="circuit-breaker">: no diagram is named "circuit-breaker"; expected one of: circuit-breakers, distributed-rate-limiter (did you mean "circuit-breakers"?)',
    );
  });

  it('accepts SVG files and named text-diagram fences in the same file; skips expression names', async () => {
    await expect(compileFixture('known-names.mdx')).resolves.toBeDefined();
  });
});

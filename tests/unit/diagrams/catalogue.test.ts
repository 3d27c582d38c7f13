/**
 * The diagram catalogue: one listing rule for diagrams/, one language table, one name rule,
 * one "unknown diagram" error; and the two bugs it fixed, checked where an author meets them
 * (the validator, the build's name check, the registry the build loads diagrams from).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fenceLang,
  listDiagramFolder,
  mayHaveDiagramFence,
  namedFences,
  namesForCaseStudy,
  parseFenceMeta,
  unknownDiagramError,
} from '../../../src/lib/diagrams/catalogue.ts';
import { DiagramError } from '../../../src/lib/diagrams/errors.ts';
import { createDiagramRegistry } from '../../../src/lib/diagrams/registry.ts';
import { assertKnownDiagramNames } from '../../../src/lib/diagrams/satteri-diagram-names.ts';
import { formatProblem } from '../../../src/tools/validation/problem.ts';
import { validateContent } from '../../../src/tools/validation/validate-content.ts';
import { caseStudy, makeProject, VALID_FRONTMATTER } from '../validation/helpers.ts';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>t</title></svg>';

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'casebook-catalogue-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

const SUBFOLDER_REFUSAL =
  'diagrams/team/flow.svg: an SVG file in a subfolder of diagrams/ (subfolders are not supported: a name cannot contain "/"); ' +
  'expected every diagram directly in diagrams/; move it to diagrams/team-flow.svg and use that name';

describe('listing diagrams/', () => {
  it('lists the SVG files by name, sorted, ignores other files, refuses subfolders and bad names', () => {
    const root = project({
      'diagrams/queue.svg': SVG,
      'diagrams/alpha.svg': SVG,
      'diagrams/notes.txt': 'not a diagram',
      'diagrams/team/flow.svg': SVG,
      'diagrams/My Diagram.svg': SVG,
    });
    const folder = listDiagramFolder(root);
    expect(folder.files.map((f) => [f.name, f.file])).toEqual([
      ['alpha', 'diagrams/alpha.svg'],
      ['queue', 'diagrams/queue.svg'],
    ]);
    expect(folder.refused.map((e) => e.message)).toEqual([
      'diagrams/My Diagram.svg: the diagram name "My Diagram"; expected lower-case letters, digits and hyphens, e.g. "checkout-flow" (rename the file)',
      SUBFOLDER_REFUSAL,
    ]);
  });

  it('skips dot folders (the Mermaid render cache) and dot files, at any depth', () => {
    const root = project({
      'diagrams/alpha.svg': SVG,
      'diagrams/.rendered/0a47c1c8245242f87c1a5ed6df2dad2d.svg': SVG,
      'diagrams/.hidden.svg': SVG,
      'diagrams/team/.cache/x.svg': SVG,
      'diagrams/team/flow.svg': SVG,
    });
    const folder = listDiagramFolder(root);
    expect(folder.files.map((f) => f.name)).toEqual(['alpha']);
    expect(folder.refused.map((e) => e.message)).toEqual([SUBFOLDER_REFUSAL]);
  });

  it('an absent folder has no diagrams and no problems', () => {
    expect(listDiagramFolder(project({ 'content/x.mdx': '' }))).toEqual({ files: [], refused: [] });
  });
});

describe('diagrams/team/flow.svg (was: passed the name check, then failed in <Diagram>)', () => {
  const files = {
    'diagrams/checkout-flow.svg': SVG,
    'diagrams/team/flow.svg': SVG,
  };

  it('the validator refuses the file, once, with where to move it', async () => {
    const root = await makeProject({
      ...files,
      'content/case-studies/x.mdx': caseStudy(VALID_FRONTMATTER, '<Diagram name="team/flow" caption="Team" />\n'),
    });
    const { problems } = await validateContent({ root });
    expect(problems.map(formatProblem)).toEqual([
      'diagrams/team/flow.svg  diagram  found an SVG file in a subfolder of diagrams/ (subfolders are not supported: a name cannot contain "/"), ' +
        'expected every diagram directly in diagrams/; move it to diagrams/team-flow.svg and use that name',
    ]);
  });

  it('the build\'s name check refuses the use with the same message', () => {
    const root = project(files);
    expect(() => assertKnownDiagramNames([{ name: 'team/flow', line: 3 }], [], join(root, 'content/x.mdx'), root)).toThrow(SUBFOLDER_REFUSAL);
  });

  it('the build fails on the file even when no page uses it', () => {
    const root = project(files);
    const registry = createDiagramRegistry({ root, cacheDir: join(root, 'cache'), log: () => undefined });
    expect(registry.listDiagrams()).toEqual(['checkout-flow']);
    expect(() => registry.loadDiagram('checkout-flow')).toThrow(SUBFOLDER_REFUSAL);
  });
});

describe('```Mermaid name="x" (was: rendered and published, but unknown to <Diagram> and cover.diagram)', () => {
  const body = ['```Mermaid name="x"', 'flowchart LR', '  a --> b', '```', '', '<Diagram name="x" caption="Same diagram" />', ''].join('\n');

  it('the language table ignores case, and so do the quick pre-check and the name scan', () => {
    expect([fenceLang('Mermaid'), fenceLang('MERMAID'), fenceLang('GraphViz'), fenceLang('D2'), fenceLang('ts')]).toEqual(['mermaid', 'mermaid', 'dot', 'd2', undefined]);
    expect(mayHaveDiagramFence(body)).toBe(true);
    expect(mayHaveDiagramFence('```ts\nconst x = 1;\n```')).toBe(false);
    expect(namedFences([{ lang: 'Mermaid', meta: 'name="x"' }, { lang: 'ts', meta: 'name="y"' }])).toEqual(['x']);
  });

  it('the validator accepts <Diagram name="x"> and cover.diagram: x', async () => {
    const root = await makeProject({
      'diagrams/checkout-flow.svg': SVG,
      'content/case-studies/x.mdx': caseStudy(`${VALID_FRONTMATTER}\ncover:\n  diagram: x`, body),
    });
    const { problems } = await validateContent({ root });
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('the build\'s name check accepts it', () => {
    const root = project({ 'diagrams/checkout-flow.svg': SVG });
    expect(() => assertKnownDiagramNames([{ name: 'x', line: 6 }], [{ lang: 'Mermaid', meta: 'name="x"' }], join(root, 'x.mdx'), root)).not.toThrow();
  });
});

describe('unknown diagrams', () => {
  it('one message: the names there are and a likely typo fix (swapped letters count as one edit)', () => {
    const error = unknownDiagramError('chekcout-flow', ['queue', 'checkout-flow'], { file: 'content/case-studies/a.mdx', line: 4, element: '<Diagram name="chekcout-flow">' });
    expect(error).toBeInstanceOf(DiagramError);
    expect(error.message).toBe(
      'content/case-studies/a.mdx:4: <Diagram name="chekcout-flow">: no diagram named "chekcout-flow"; expected one of: checkout-flow, queue (did you mean "checkout-flow"?)',
    );
  });

  it('no guess for a name that is nothing like any; a long list is cut short; none at all is said so', () => {
    const many = Array.from({ length: 14 }, (_, i) => `d${String(i).padStart(2, '0')}`);
    expect(unknownDiagramError('zzzzzzzz', many, { file: 'f', element: 'cover.diagram' }).message).toBe(
      'f: cover.diagram: no diagram named "zzzzzzzz"; expected one of: d00, d01, d02, d03, d04, d05, d06, d07, d08, d09, ... (4 more)',
    );
    expect(unknownDiagramError('x', [], { file: 'f', element: 'cover.diagram' }).message).toBe(
      'f: cover.diagram: no diagram named "x"; expected the name of an SVG file in diagrams/ (without .svg) or of a named text-diagram fence; there are none yet',
    );
  });

  it('a case study knows the files and its own named fences only', () => {
    const root = project({ 'diagrams/a.svg': SVG });
    const known = namesForCaseStudy(root, [{ lang: 'd2', meta: 'name="b"' }, { lang: 'dot', meta: 'titel="oops"' }]);
    expect([...known.names].sort()).toEqual(['a', 'b']);
    expect(known.check('a', { file: 'x.mdx', element: 'e' })).toBeUndefined();
    expect(known.check('zebra', { file: 'x.mdx', element: 'e' })?.message).toBe('x.mdx: e: no diagram named "zebra"; expected one of: a, b');
  });
});

describe('fence options', () => {
  it('reads title, name and alt; refuses unknown keys and names that break the name rule', () => {
    expect(parseFenceMeta(`title="Charge flow" name=charge-flow alt='The flow'`)).toEqual({ title: 'Charge flow', name: 'charge-flow', alt: 'The flow' });
    expect(() => parseFenceMeta('titel="x"')).toThrow('unknown fence option "titel"; expected one of title, name, alt');
    expect(() => parseFenceMeta('name="Team/Flow"')).toThrow(
      'name="Team/Flow" is not a valid diagram name; expected lower-case letters, digits and hyphens, e.g. "checkout-flow"',
    );
  });
});

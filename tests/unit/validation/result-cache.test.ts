/**
 * A warm build validates only what changed: unchanged case studies are answered from the
 * validation cache, and any change to a file, to the diagrams that exist, to the component
 * names or to the validating code makes the file be checked again.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/tools/validation/problem.ts';
import { codeFingerprint, createOutcomeCache, createReportCache, outcomeKey, sharedInputs } from '../../../src/tools/validation/result-cache.ts';
import { validateContent } from '../../../src/tools/validation/validate-content.ts';
import type { CaseStudyReport } from '../../../src/tools/validation/validate-content.ts';
import { caseStudy, makeProject, VALID_FRONTMATTER } from './helpers.ts';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><title>t</title></svg>';
const usesFlow = caseStudy(VALID_FRONTMATTER, '## Problem\n\n<Diagram name="flow" />\n');


function cachedEntries(root: string): string[] {
  const dir = join(root, 'node_modules', '.cache', 'casebook', 'validation');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
}

async function problems(root: string): Promise<string[]> {
  return (await validateContent({ root })).problems.map(formatProblem);
}

describe('validation cache', () => {
  it('answers an unchanged file from the cache: a planted cached report is what comes back', async () => {
    const root = await makeProject({ 'content/case-studies/ok.mdx': usesFlow, 'diagrams/flow.svg': SVG });
    expect(await problems(root)).toEqual([]);
    const [entry] = cachedEntries(root);
    expect(entry).toBeDefined();
    // Stand-in for "the file was not checked again": alter the stored report and see it served.
    const path = join(root, 'node_modules', '.cache', 'casebook', 'validation', entry!);
    const stored = JSON.parse(readFileSync(path, 'utf8')) as CaseStudyReport;
    stored.problems.push({ file: 'content/case-studies/ok.mdx', line: 3, subject: 'planted', message: 'from the cache' });
    writeFileSync(path, JSON.stringify(stored));
    expect(await problems(root)).toEqual(['content/case-studies/ok.mdx:3  planted  from the cache']);
  });

  it('checks a file again when it changes, and when the diagrams it can name change', async () => {
    const root = await makeProject({ 'content/case-studies/ok.mdx': usesFlow, 'diagrams/flow.svg': SVG });
    expect(await problems(root)).toEqual([]);

    writeFileSync(join(root, 'content/case-studies/ok.mdx'), usesFlow.replace('name="flow"', 'name="flwo"'));
    expect((await problems(root)).join('\n')).toMatch(/ok\.mdx:[\d:]+ {2}<Diagram name="flwo"> {2}found no diagram named "flwo".*did you mean "flow"\?/);

    // Unchanged file, but the diagram it names now exists: no longer a problem.
    writeFileSync(join(root, 'diagrams/flwo.svg'), SVG);
    expect(await problems(root)).toEqual([]);
  });

  it('keeps a broken file broken on a warm run (problems are cached too, not lost)', async () => {
    const root = await makeProject({ 'content/case-studies/bad.mdx': caseStudy(VALID_FRONTMATTER.replace(/^status: .*$/m, 'status: shipped')) });
    const first = await problems(root);
    expect(first.join('\n')).toContain('found "shipped"');
    expect(await problems(root)).toEqual(first);
  });

  it('keys reports by the file and its text, on top of what all files share', () => {
    const dir = join(process.env.TMPDIR ?? '/tmp', `report-cache-${process.pid}-${Date.now()}`);
    const report: CaseStudyReport = { problems: [], diagrams: ['flow'] };
    const inputs = { root: '/nowhere', dir, componentNames: ['Callout'], shared: 'inputs-1' };
    createReportCache(inputs).set('a.mdx', 'text', report);
    expect(createReportCache(inputs).get('a.mdx', 'text')).toEqual(report);
    expect(createReportCache(inputs).get('b.mdx', 'text')).toBeUndefined();
    expect(createReportCache(inputs).get('a.mdx', 'text!')).toBeUndefined();
    expect(createReportCache({ ...inputs, shared: 'inputs-2' }).get('a.mdx', 'text')).toBeUndefined();
  });

  it('keeps the current generation of reports and two before it, and drops the first layout\'s files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-generations-'));
    const report: CaseStudyReport = { problems: [], diagrams: [] };
    const legacy = join(dir, `${'a'.repeat(64)}.json`);
    writeFileSync(legacy, '{}');
    const t0 = Date.now() / 1000 - 100;
    for (let i = 1; i <= 5; i++) {
      createReportCache({ root: '/nowhere', dir, componentNames: [], shared: `inputs-${i}` }).set('a.mdx', 'text', report);
      // Generations are ordered by last use: give each a distinct, increasing time.
      const fresh = readdirSync(dir).filter((n) => n.startsWith('reports-')).map((n) => join(dir, n)).filter((g) => statSync(g).mtimeMs / 1000 > t0 + 50);
      for (const g of fresh) utimesSync(g, t0 + i, t0 + i);
    }
    const left = readdirSync(dir);
    expect(left.filter((n) => n.startsWith('reports-'))).toHaveLength(3);
    expect(existsSync(legacy)).toBe(false);
    // The newest still answers; the oldest was removed, so it misses.
    expect(createReportCache({ root: '/nowhere', dir, componentNames: [], shared: 'inputs-5' }).get('a.mdx', 'text')).toEqual(report);
    expect(createReportCache({ root: '/nowhere', dir, componentNames: [], shared: 'inputs-1' }).get('a.mdx', 'text')).toBeUndefined();
  });

  it('shares across files: the diagram names, the assets, the component names and the code, not the other studies', async () => {
    const root = await makeProject({ 'content/case-studies/a.mdx': usesFlow, 'diagrams/flow.svg': SVG, 'src/x.ts': '1' });
    const base = sharedInputs(root, ['Callout']);
    writeFileSync(join(root, 'content/case-studies/b.mdx'), usesFlow);
    expect(sharedInputs(root, ['Callout'])).toBe(base); // another study: the others stay cached
    expect(sharedInputs(root, ['Callout', 'Metric'])).not.toBe(base);
    writeFileSync(join(root, 'content/case-studies/figure.png'), 'png');
    const withImage = sharedInputs(root, ['Callout']);
    expect(withImage).not.toBe(base); // an image appeared: "missing image" answers may change
    writeFileSync(join(root, 'diagrams/other.svg'), SVG);
    const withDiagram = sharedInputs(root, ['Callout']);
    expect(withDiagram).not.toBe(withImage);
    writeFileSync(join(root, 'src/x.ts'), '2');
    expect(sharedInputs(root, ['Callout'])).not.toBe(withDiagram);
  });

  it('fingerprints the code: editing a source file or the lock file changes it', async () => {
    const root = await makeProject({ 'src/content.config.ts': 'export const a = 1;\n', 'package-lock.json': '{}' });
    const before = codeFingerprint(root);
    expect(codeFingerprint(root)).toBe(before);
    writeFileSync(join(root, 'src/content.config.ts'), 'export const a = 2;\n');
    const afterSchema = codeFingerprint(root);
    expect(afterSchema).not.toBe(before);
    writeFileSync(join(root, 'package-lock.json'), '{"v":2}');
    expect(codeFingerprint(root)).not.toBe(afterSchema);
  });
});

describe('whole-run verdict', () => {
  const passed = { ok: true, lines: [{ stream: 'out' as const, text: 'Content OK: 1 case study checked.' }] };
  const names = ['Diagram'];

  it('gives back a passing run while nothing the checks read has changed', async () => {
    const root = await makeProject({ 'content/case-studies/ok.mdx': usesFlow, 'diagrams/flow.svg': SVG });
    createOutcomeCache({ root, componentNames: names, env: {} }).set(passed);
    expect(createOutcomeCache({ root, componentNames: names, env: {} }).get()).toEqual(passed);
  });

  it('keeps only the few most recently used verdicts', async () => {
    const root = await makeProject({ 'content/case-studies/ok.mdx': usesFlow });
    const dir = mkdtempSync(join(tmpdir(), 'verdicts-'));
    const t0 = Date.now() / 1000 - 100;
    for (let i = 1; i <= 5; i++) {
      const env = { CASEBOOK_DIAGRAM_MAX_BYTES: String(1000 + i) };
      createOutcomeCache({ root, dir, componentNames: names, env }).set(passed);
      for (const f of readdirSync(join(dir, 'outcomes'))) {
        const file = join(dir, 'outcomes', f);
        if (statSync(file).mtimeMs / 1000 > t0 + 50) utimesSync(file, t0 + i, t0 + i);
      }
    }
    expect(readdirSync(join(dir, 'outcomes'))).toHaveLength(3);
    expect(createOutcomeCache({ root, dir, componentNames: names, env: { CASEBOOK_DIAGRAM_MAX_BYTES: '1005' } }).get()).toEqual(passed);
    expect(createOutcomeCache({ root, dir, componentNames: names, env: { CASEBOOK_DIAGRAM_MAX_BYTES: '1001' } }).get()).toBeUndefined();
  });

  it('never stores a failing run', async () => {
    const root = await makeProject({ 'content/case-studies/ok.mdx': usesFlow });
    createOutcomeCache({ root, componentNames: names, env: {} }).set({ ok: false, lines: [{ stream: 'err', text: 'bad' }] });
    expect(createOutcomeCache({ root, componentNames: names, env: {} }).get()).toBeUndefined();
  });

  it('changes with a study, a diagram\'s bytes, a new file in content/, the components and CASEBOOK_ settings', async () => {
    const root = await makeProject({ 'content/case-studies/ok.mdx': usesFlow, 'diagrams/flow.svg': SVG });
    const keys = new Set<string>();
    const key = (env: NodeJS.ProcessEnv = {}, components = names) => {
      const k = outcomeKey(root, components, env);
      keys.add(k);
      return k;
    };
    const first = key();
    expect(key()).toBe(first); // deterministic
    expect(key({ CASEBOOK_CACHE_DIR: '/elsewhere', CASEBOOK_PHASES_FILE: '/tmp/p.json' })).toBe(first); // locations are not inputs
    key({ CASEBOOK_DIAGRAM_MAX_BYTES: '10' });
    key({}, ['Diagram', 'Callout']);
    writeFileSync(join(root, 'diagrams/flow.svg'), SVG.replace('<title>t</title>', '<title>u</title>'));
    key();
    writeFileSync(join(root, 'content/case-studies/ok.mdx'), usesFlow.replace('## Problem', '## Problem!'));
    key();
    writeFileSync(join(root, 'content/case-studies/notes.txt'), 'stray');
    key();
    writeFileSync(join(root, 'content/case-studies/second.md'), usesFlow);
    key();
    expect(keys.size).toBe(7);
  });
});

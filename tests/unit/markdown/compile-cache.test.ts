/**
 * Compiled MDX cached by its inputs (src/lib/markdown/compile-cache.ts, used by
 * src/lib/markdown/processor.ts in `astro build`): what misses (the file, its frontmatter, the
 * code, astro.config.mjs, the diagram folder, assets, settings), what does not (bench and
 * location settings), and that the processor serves a stored module, replays the rendered
 * fences' warnings, and compiles again when the text changes.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compileKey, createCompileCache, isPlainData, KEPT_GENERATIONS, sharedCompileInputs, type CompileEntry } from '../../../src/lib/markdown/compile-cache.ts';
import { casebookProcessor } from '../../../src/lib/markdown/processor.ts';
import { features } from '../../../src/lib/markdown/features.ts';
import { forgetRenderedFences, recallRenderedFences } from '../../../src/lib/diagrams/text/rendered-fences.ts';
import type { RenderedFence } from '../../../src/lib/diagrams/text/remark-text-diagrams.ts';

const temp = () => mkdtempSync(join(tmpdir(), 'casebook-compile-cache-'));

function write(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
}

function project(): string {
  const root = temp();
  write(root, {
    'src/lib/plugin.ts': 'export const plugin = 1;',
    'package.json': '{"name":"x"}',
    'package-lock.json': '{}',
    'astro.config.mjs': 'export default {};',
    'diagrams/flow.svg': '<svg/>',
    'diagrams/.rendered/abc.svg': '<svg id="r"/>',
    'content/case-studies/one.mdx': '# One',
    'content/case-studies/icon.svg': '<svg id="i"/>',
  });
  return root;
}

describe('sharedCompileInputs', () => {
  const options = { shared: { gfm: true }, mdx: { optimize: false } };

  it('is stable while nothing changes, and ignores the case-study texts and location settings', () => {
    const root = project();
    const before = sharedCompileInputs(root, options, {});
    expect(sharedCompileInputs(root, options, {})).toBe(before);
    write(root, { 'content/case-studies/one.mdx': '# One, edited' });
    expect(sharedCompileInputs(root, options, { CASEBOOK_CACHE_DIR: '/x', CASEBOOK_PHASES_FILE: '/y', HOME: '/z' })).toBe(before);
  });

  it.each([
    ['a source file', 'src/lib/plugin.ts', 'export const plugin = 2;'],
    ['a dependency', 'package-lock.json', '{"v":2}'],
    ['the Astro config', 'astro.config.mjs', 'export default { markdown: {} };'],
    ['a diagram', 'diagrams/flow.svg', '<svg><rect/></svg>'],
    ['a committed Mermaid render', 'diagrams/.rendered/abc.svg', '<svg id="s"/>'],
    ['a new diagram', 'diagrams/new.svg', '<svg/>'],
    ['an icon next to a study', 'content/case-studies/icon.svg', '<svg id="j"/>'],
  ])('changes with %s', (_what, file, text) => {
    const root = project();
    const before = sharedCompileInputs(root, options, {});
    write(root, { [file]: text });
    expect(sharedCompileInputs(root, options, {})).not.toBe(before);
  });

  it('changes with the renderer options and with input settings', () => {
    const root = project();
    const before = sharedCompileInputs(root, options, {});
    expect(sharedCompileInputs(root, { ...options, mdx: { optimize: true } }, {})).not.toBe(before);
    expect(sharedCompileInputs(root, options, { CASEBOOK_BASE: '/docs/' })).not.toBe(before);
  });
});

describe('compileKey and the store', () => {
  it('a file key changes with its path, text and frontmatter', () => {
    const key = compileKey('shared', '/a.mdx', '# A', { title: 'A' });
    expect(compileKey('shared', '/a.mdx', '# A', { title: 'A' })).toBe(key);
    expect(compileKey('other', '/a.mdx', '# A', { title: 'A' })).not.toBe(key);
    expect(compileKey('shared', '/b.mdx', '# A', { title: 'A' })).not.toBe(key);
    expect(compileKey('shared', '/a.mdx', '# A!', { title: 'A' })).not.toBe(key);
    expect(compileKey('shared', '/a.mdx', '# A', { title: 'B' })).not.toBe(key);
  });

  it('plain data only: a Set, a Map, a function or a Date is not stored', () => {
    expect(isPlainData({ a: [1, 'x', null, true, { b: undefined }] })).toBe(true);
    for (const bad of [new Set([1]), new Map(), () => 1, new Date(0), Number.NaN, { nested: [new Set()] }]) expect(isPlainData(bad)).toBe(false);
    const dir = temp();
    const cache = createCompileCache('a'.repeat(64), dir);
    const entry: CompileEntry = { result: { code: 'export {}', map: null, astroMetadata: { scripts: [] } }, fences: [] };
    cache.set('k1', entry);
    expect(cache.get('k1')).toEqual(entry);
    cache.set('k2', { ...entry, result: { ...entry.result, astroMetadata: { seen: new Set(['x']) } } });
    expect(cache.get('k2')).toBeUndefined();
    expect(readdirSync(join(dir, 'a'.repeat(32)))).toEqual(['k1.json']);
  });

  it(`a new generation of shared inputs keeps the ${KEPT_GENERATIONS} before it and removes older ones`, () => {
    const dir = temp();
    const entry: CompileEntry = { result: { code: 'export {}', astroMetadata: {} }, fences: [] };
    const generations = ['1', '2', '3', '4'].map((d) => d.repeat(64));
    generations.forEach((g, i) => {
      createCompileCache(g, dir).set('k', entry);
      // One generation a minute, so "most recent" does not depend on the clock's resolution.
      const when = new Date(Date.UTC(2026, 0, 1, 0, i));
      utimesSync(join(dir, g.slice(0, 32)), when, when);
    });
    const kept = readdirSync(dir);
    expect(kept).toHaveLength(KEPT_GENERATIONS + 1);
    expect(kept).toContain('4'.repeat(32));
    expect(kept).not.toContain('1'.repeat(32));
    // The current generation is never removed, however many older ones there are.
    expect(createCompileCache(generations[3]!, dir).get('k')).toEqual(entry);
  });
});

describe('casebookProcessor in a build', () => {
  const saved = { env: process.env.NODE_ENV, cache: process.env.CASEBOOK_CACHE_DIR };
  let cacheRoot: string;
  beforeEach(() => {
    cacheRoot = temp();
    process.env.NODE_ENV = 'production';
    process.env.CASEBOOK_CACHE_DIR = cacheRoot;
    forgetRenderedFences();
  });
  afterEach(() => {
    process.env.NODE_ENV = saved.env;
    if (saved.cache === undefined) delete process.env.CASEBOOK_CACHE_DIR;
    else process.env.CASEBOOK_CACHE_DIR = saved.cache;
    vi.restoreAllMocks();
  });

  const renderer = () =>
    casebookProcessor({ mdastPlugins: [], hastPlugins: [], features }).createMdxRenderer!(
      { syntaxHighlight: false },
      { optimize: false, srcDir: pathToFileURL(`${process.cwd()}/src/`) },
    );
  const entries = () => readdirSync(join(cacheRoot, 'mdx')).flatMap((g) => readdirSync(join(cacheRoot, 'mdx', g)).map((f) => join(cacheRoot, 'mdx', g, f)));

  it('serves the stored module for the same file, and compiles again when its text changes', async () => {
    const file = join(temp(), 'study.mdx');
    const first = await (await renderer()).process('## Problem\n\nText <!-- a note -->.', file, { title: 'T' });
    expect(first.code).toContain('Problem');
    const [stored] = entries();
    // Prove the next build reads the store: mark the stored module.
    const entry = JSON.parse(readFileSync(stored!, 'utf8')) as CompileEntry;
    writeFileSync(stored!, JSON.stringify({ ...entry, result: { ...entry.result, code: `${entry.result.code}\n// from the cache` } }));
    const again = await (await renderer()).process('## Problem\n\nText <!-- a note -->.', file, { title: 'T' });
    expect(again.code).toBe(`${first.code}\n// from the cache`);
    expect(again.astroMetadata).toEqual(first.astroMetadata);

    const edited = await (await renderer()).process('## Solution\n\nText.', file, { title: 'T' });
    expect(edited.code).toContain('Solution');
    expect(edited.code).not.toContain('from the cache');
    const otherFrontmatter = await (await renderer()).process('## Problem\n\nText <!-- a note -->.', file, { title: 'U' });
    expect(otherFrontmatter.code).not.toContain('from the cache');
    expect(entries()).toHaveLength(3);
  });

  it('a hit gives the rendered fences to the collector again and prints their warnings', async () => {
    const file = join(temp(), 'fenced.mdx');
    const source = '## Flow\n\nBody.';
    await (await renderer()).process(source, file, {});
    const [stored] = entries();
    const fence = { name: 'fenced-mermaid-1', lang: 'mermaid', file: 'fenced.mdx', line: 3, caption: undefined, warnings: ['fenced.mdx:3: too big'] } as unknown as RenderedFence;
    const entry = JSON.parse(readFileSync(stored!, 'utf8')) as CompileEntry;
    writeFileSync(stored!, JSON.stringify({ ...entry, fences: [fence] }));
    forgetRenderedFences();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await (await renderer()).process(source, file, {});
    expect(warn).toHaveBeenCalledWith('fenced.mdx:3: too big');
    expect(recallRenderedFences(file, source)?.map((f) => f.name)).toEqual(['fenced-mermaid-1']);
  });

  it('outside a build (dev server) nothing is stored', async () => {
    process.env.NODE_ENV = 'development';
    await (await renderer()).process('# Dev', join(temp(), 'dev.mdx'), {});
    expect(() => readdirSync(join(cacheRoot, 'mdx'))).toThrow();
  });
});

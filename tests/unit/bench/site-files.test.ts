/**
 * The files the benchmark writes besides the studies: diagram variants (distinct, still
 * SVG), the plain baseline project (a stand-in for every MDX component an author may use,
 * so the same studies compile there) and the copy filter.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MDX_COMPONENT_NAMES } from '../../../src/components/mdx/names.ts';
import { diagramVariants, variantOf } from '../../../src/tools/bench/diagram-variants.ts';
import { countPages, cpuSecondsFromTimeOutput, maxRssKbFromTimeOutput } from '../../../src/tools/bench/measure-build.ts';
import { DEFAULT_SHIKI_CONFIG, casebookShikiConfig, plainProjectFiles } from '../../../src/tools/bench/plain-project.ts';
import { descendantsOf, rssKbFromStatus } from '../../../src/tools/bench/process-tree-memory.ts';
import { isCopied } from '../../../src/tools/bench/site-copy.ts';
import { sampleTextDiagram } from '../../../src/tools/bench/text-diagram-sample.ts';
import { mermaidType } from '../../../src/lib/diagrams/text/render-mermaid.ts';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title id="t">Limiter</title><rect width="5" height="5"/></svg>';

describe('diagram variants', () => {
  it('makes distinct, well-formed variants with names that cycle through the examples', () => {
    const variants = diagramVariants([{ name: 'a', svg: SVG }, { name: 'b', svg: SVG }], 4);
    expect(variants.map((v) => v.name)).toEqual(['bench-a-v1', 'bench-b-v2', 'bench-a-v3', 'bench-b-v4']);
    expect(new Set(variants.map((v) => v.svg)).size).toBe(4);
    for (const v of variants) expect(v.svg.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it('marks the title so the variant is recognisable', () => {
    expect(variantOf(SVG, 7)).toContain('<title id="t">Limiter (variant 7)</title>');
  });
});

describe('plain baseline project', () => {
  const files = plainProjectFiles();
  it('has a stand-in for every MDX component Casebook offers authors', () => {
    const page = files['src/pages/case-studies/[slug].astro'] ?? '';
    for (const name of MDX_COMPONENT_NAMES) {
      expect(files[`src/components/${name}.astro`], name).toBeDefined();
      expect(page).toContain(`import ${name} from`);
    }
  });

  it('uses only the MDX integration and the same page URLs as Casebook', () => {
    const config = files['astro.config.mjs'] ?? '';
    expect(config).toContain('integrations: [mdx()]');
    expect(config).toContain("trailingSlash: 'always'");
    expect(files['src/content.config.ts']).toContain("base: './content/case-studies'");
  });

  it("highlights code with Casebook's shiki settings, read from its astro.config.mjs", async () => {
    const shikiConfig = await casebookShikiConfig(join(process.cwd(), 'astro.config.mjs'));
    expect(shikiConfig).toEqual({ themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' }, defaultColor: false, wrap: false });
    const config = plainProjectFiles({ shikiConfig })['astro.config.mjs'] ?? '';
    expect(config).toContain(`shikiConfig: ${JSON.stringify(shikiConfig)}`);
    expect(await casebookShikiConfig(join(process.cwd(), 'no-such-config.mjs'))).toEqual(DEFAULT_SHIKI_CONFIG);
  });
});

describe('copy filter', () => {
  it('leaves out build output, caches and git but keeps sources', () => {
    for (const p of ['node_modules', 'dist', '.git', '.astro', join('.casebook', 'bench')]) expect(isCopied(p), p).toBe(false);
    for (const p of ['src', join('content', 'case-studies', 'x.mdx'), 'diagrams', 'astro.config.mjs']) expect(isCopied(p), p).toBe(true);
  });
});

describe('fallback text diagram', () => {
  it('is a Mermaid flowchart', () => {
    expect(mermaidType(sampleTextDiagram(5))).toBe('flowchart');
  });
});

describe('measurement helpers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts one page per index.html, at any depth', () => {
    for (const p of ['', 'a', join('a', 'b'), 'c']) {
      mkdirSync(join(dir, p), { recursive: true });
      writeFileSync(join(dir, p, 'index.html'), '<p>x</p>');
    }
    writeFileSync(join(dir, '404.html'), '');
    expect(countPages(dir)).toBe(4);
    expect(countPages(join(dir, 'missing'))).toBe(0);
  });

  it('reads peak RSS from GNU time and /proc status text', () => {
    expect(maxRssKbFromTimeOutput('\tMaximum resident set size (kbytes): 812344\n')).toBe(812344);
    expect(maxRssKbFromTimeOutput('nothing')).toBeNull();
    expect(cpuSecondsFromTimeOutput('\tUser time (seconds): 41.67\n\tSystem time (seconds): 3.25\n')).toBeCloseTo(44.92);
    expect(cpuSecondsFromTimeOutput('')).toBeNull();
    expect(rssKbFromStatus('Name:\tnode\nVmRSS:\t  51200 kB\n')).toBe(51200);
    expect(rssKbFromStatus('Name:\tzombie\n')).toBe(0);
  });

  it('finds a process and all its descendants', () => {
    const parents = new Map([[10, 1], [11, 10], [12, 11], [13, 1], [14, 10]]);
    expect(descendantsOf(10, parents).sort()).toEqual([10, 11, 12, 14]);
  });
});

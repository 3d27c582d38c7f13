/**
 * svgo's preset plugin by plugin, with removeHiddenElems and removeUnknownsAndDefaults shown
 * only the rules they can be affected by (src/lib/diagrams/svgo-style-subset.ts), must give
 * the same bytes as svgo's own preset: checked on every real Mermaid fence of the corpus
 * (rendered in Chromium, as the build does), the example site's text diagrams (from the
 * committed render cache), the Graphviz corpus, the real tool exports, the hand-authored
 * and the test diagrams. Plus the rule model on small stylesheets.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Code } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { optimize, VERSION } from 'svgo';
import { afterAll, describe, expect, it } from 'vitest';
import { fenceLang } from '../../../src/lib/diagrams/catalogue.ts';
import { protectLabelWhitespace } from '../../../src/lib/diagrams/foreign-object.ts';
import { ariaReferencedIds } from '../../../src/lib/diagrams/ids.ts';
import { resolveLimits } from '../../../src/lib/diagrams/safety/bounds.ts';
import { optimiseConfig } from '../../../src/lib/diagrams/svgo-config.ts';
import { CHECKED_SVGO, presetDefaultPlugins, stylesheetSubset, type RuleFacts } from '../../../src/lib/diagrams/svgo-style-subset.ts';
import { normaliseSource } from '../../../src/lib/diagrams/text/render.ts';
import { createGraphvizRenderer } from '../../../src/lib/diagrams/text/render-graphviz.ts';
import { createMermaidPool, createMermaidRenderer } from '../../../src/lib/diagrams/text/render-mermaid.ts';
import { RenderStore } from '../../../src/lib/diagrams/text/render-store.ts';
import { corpusFences, readManifest } from '../../../src/tools/diagram-corpus/corpus.ts';

/** The pipeline's first svgo pass (pipeline.ts), with the preset plugin by plugin or whole. */
function firstPass(source: string, file: string, pluginByPlugin: boolean): string {
  return optimize(protectLabelWhitespace(source), optimiseConfig({
    file, source, limits: resolveLimits({ timeBudgetMs: 1e9 }),
    warn: () => {}, preserveIds: ariaReferencedIds(source), onGeometry: () => {},
  }, pluginByPlugin)).data;
}

/** The file names whose output differs between the two, or whose outcome (error) does. */
function differing(inputs: Array<{ file: string; svg: string }>): string[] {
  const outcome = (svg: string, file: string, byPlugin: boolean): string => {
    try {
      return firstPass(svg, file, byPlugin);
    } catch (error) {
      return `error: ${String(error)}`;
    }
  };
  return inputs.filter(({ file, svg }) => outcome(svg, file, true) !== outcome(svg, file, false)).map((i) => i.file);
}

function svgFiles(dir: string): Array<{ file: string; svg: string }> {
  return readdirSync(dir).filter((f) => f.endsWith('.svg')).sort()
    .map((f) => ({ file: join(dir, f), svg: readFileSync(join(dir, f), 'utf8') }));
}

describe('the rule model', () => {
  const declares = (names: string[]) => (rule: RuleFacts) => names.some((n) => rule.properties.has(n)) || rule.subjects === undefined;

  it('leaves out rules declaring nothing read, keeps the others as written', () => {
    expect(stylesheetSubset('.a{fill:red}.b{ opacity : 0 }#c{display:none}', declares(['opacity', 'display'])))
      .toBe('.b{ opacity : 0 }#c{display:none}');
  });

  it('keeps an at-rule whole when a rule in it is kept, drops @keyframes always', () => {
    const css = '@media (min-width:1px){.a{fill:red}.b{opacity:0}}@keyframes k{from{opacity:0}}.c{fill:blue}';
    expect(stylesheetSubset(css, declares(['opacity']))).toBe('@media (min-width:1px){.a{fill:red}.b{opacity:0}}');
  });

  it('keeps rules outside the model: pseudo-elements, namespaces, escapes, nesting, dangling combinators', () => {
    for (const selector of ['.a::before', 'svg|rect', '.a\\:b', '[xlink|href]', '& .a', 'g > :hover']) {
      expect(stylesheetSubset(`${selector}{fill:red}.z{stroke:red}`, declares(['opacity'])), selector).toBe(`${selector}{fill:red}`);
    }
  });

  it('gives no subject to a selector of pseudo-classes alone (svgo matches it to nothing)', () => {
    expect(stylesheetSubset(':root{opacity:0}', (rule) => rule.subjects === undefined || rule.subjects.length > 0)).toBe('');
  });

  it('returns undefined when there is nothing to leave out', () => {
    expect(stylesheetSubset('.b{opacity:0}', declares(['opacity']))).toBeUndefined();
  });

  it('runs only with the svgo release it was checked against', () => {
    expect(VERSION).toBe(CHECKED_SVGO);
    expect(presetDefaultPlugins(false, {})).toEqual([{ name: 'preset-default', params: { overrides: {} } }]);
    expect(presetDefaultPlugins(true, { removeDesc: false }).map((p) => (typeof p === 'string' ? p : p.name))).not.toContain('removeDesc');
  });

  it('changes the output of neither plugin on small documents built to hit each read', () => {
    const docs = [
      '<svg xmlns="http://www.w3.org/2000/svg"><style>.h{opacity:0}.f{fill:red}</style><g class="f"><rect class="h" width="1" height="1"/><rect fill="red" width="1" height="1"/></g></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg"><style>g.f{fill:#000}.leaf{stroke:none}[fill]{stroke:red}</style><g class="f"><rect fill="#000" stroke="none" width="1" height="1" class="leaf"/></g></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg"><style>@media (min-width:1px){g{visibility:hidden}}.m{marker-end:url(#m)}</style><defs><marker id="m"><path d="M0 0"/></marker></defs><g><path class="m" d="M1 1"/><path d="M2 2"/></g></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg"><style>.a::before{fill:red}</style><g fill="red"><rect fill="#000" width="1" height="1"/></g></svg>',
    ];
    expect(differing(docs.map((svg, i) => ({ file: `doc-${i}.svg`, svg })))).toEqual([]);
  });
});

describe('the same bytes as svgo\'s preset', () => {
  it('on the hand-authored, test and real-export diagrams', () => {
    const inputs = ['diagrams', 'tests/fixtures/diagrams', 'tests/fixtures/real-exports'].flatMap(svgFiles);
    expect(inputs.length).toBeGreaterThan(40);
    expect(differing(inputs)).toEqual([]);
  });

  it('on the Graphviz corpus', async () => {
    const dir = 'tests/fixtures/text-diagrams/corpus/graphviz';
    const dot = createGraphvizRenderer();
    const inputs = await Promise.all(readdirSync(dir).filter((f) => f.endsWith('.dot')).sort()
      .map(async (f) => ({ file: f, svg: (await dot.render(readFileSync(join(dir, f), 'utf8'))).svg })));
    expect(inputs.length).toBeGreaterThan(5);
    expect(differing(inputs)).toEqual([]);
  });

  // Every Mermaid diagram: the corpus (rendered here) and the example site (from a copy of
  // the committed render cache, so nothing is written to diagrams/.rendered).
  const scratch = mkdtempSync(join(tmpdir(), 'svgo-subset-'));
  if (existsSync('diagrams/.rendered')) cpSync('diagrams/.rendered', scratch, { recursive: true });
  const pool = createMermaidPool(2);
  const mermaid = createMermaidRenderer({ store: new RenderStore(scratch), pool });
  afterAll(async () => {
    await pool.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('on the example site\'s text diagrams', async () => {
    const dir = 'content/case-studies';
    const fences: Array<{ file: string; body: string }> = [];
    for (const f of readdirSync(dir).filter((n) => /\.mdx?$/.test(n)).sort()) {
      const tree = unified().use(remarkParse).use(f.endsWith('.mdx') ? [remarkMdx] : []).parse(readFileSync(join(dir, f), 'utf8'));
      visit(tree, 'code', (node: Code) => {
        if (fenceLang(node.lang) === 'mermaid') fences.push({ file: `${f}:${node.position?.start.line}`, body: node.value });
      });
    }
    expect(fences.length).toBeGreaterThan(10);
    const inputs = await Promise.all(fences.map(async (f) => ({ file: f.file, svg: (await mermaid.render(normaliseSource(f.body))).svg })));
    expect(differing(inputs)).toEqual([]);
  }, 240_000);

  it('on every real Mermaid fence of the corpus that renders', async () => {
    const fences = corpusFences(readManifest()).filter((f) => f.lang === 'mermaid');
    expect(fences.length).toBeGreaterThanOrEqual(150);
    const rendered = await Promise.all(fences.map(async (f) => {
      try {
        return { file: `${f.file.file}:${f.line}`, svg: (await mermaid.render(normaliseSource(f.body))).svg };
      } catch {
        return undefined;
      }
    }));
    const inputs = rendered.filter((r) => r !== undefined);
    expect(inputs.length).toBeGreaterThanOrEqual(150);
    expect(differing(inputs)).toEqual([]);
  }, 400_000);
});

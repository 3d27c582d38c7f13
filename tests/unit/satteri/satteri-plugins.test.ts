/**
 * Casebook's plugins under Sätteri, Astro's default Markdown processor, compiled the way the
 * site build compiles a case study (`satteri(...).createMdxRenderer`, as @astrojs/mdx calls
 * it): text-diagram fences become the very same figures as under the unified pipeline, and
 * an unknown `<Diagram name>` or a broken fence fails with the same file:line message.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProcessor, nodeTypes } from '@mdx-js/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import type { Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import rehypeRaw from 'rehype-raw';
import type { HastPluginDefinition, MdastPluginList } from 'satteri';
import { VFile } from 'vfile';
import { beforeAll, describe, expect, it } from 'vitest';
import { satteriDiagramNames } from '../../../src/lib/diagrams/satteri-diagram-names.ts';
import { TextDiagramCache } from '../../../src/lib/diagrams/text/cache.ts';
import { remarkTextDiagrams } from '../../../src/lib/diagrams/text/remark-text-diagrams.ts';
import { createTextDiagramService } from '../../../src/lib/diagrams/text/render.ts';
import { satteriSvgNamespaceFix, satteriTextDiagrams } from '../../../src/lib/diagrams/text/satteri-text-diagrams.ts';
import { features } from '../../../src/lib/satteri-plugins.ts';

const textFixtures = join(import.meta.dirname, '../../fixtures/text-diagrams');
const service = createTextDiagramService({ cache: new TextDiagramCache(mkdtempSync(join(tmpdir(), 'td-satteri-'))) });

/** The body as @astrojs/mdx hands it to the processor: frontmatter blanked line for line. */
function body(path: string): string {
  return readFileSync(path, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, (fm) => fm.replace(/[^\n]/g, ''));
}

type AnyNode = { type: string; name?: string | null; children?: AnyNode[] };

/** A copy of the tree with MDX nodes (JSX, expressions) as `[name]` text, so it serialises as HTML. */
function withoutMdxNodes(node: AnyNode): AnyNode {
  if (node.type.startsWith('mdx')) return { type: 'text', value: `[${node.name ?? node.type}]` } as AnyNode;
  return node.children ? { ...node, children: node.children.map(withoutMdxNodes) } : node;
}

/**
 * Compiles an MDX file through Astro's Sätteri MDX renderer; returns the final tree as HTML
 * (JSX elements, which plain HTML cannot hold, as their component name) and the module code.
 */
async function compileWithSatteri(path: string, mdastPlugins: MdastPluginList): Promise<{ html: string; code: string }> {
  let html = '';
  const capture: HastPluginDefinition = { name: 'capture', after: (root) => void (html = toHtml(withoutMdxNodes(root) as HastRoot)) };
  const renderer = await satteri({ mdastPlugins, hastPlugins: [satteriSvgNamespaceFix, capture], features }).createMdxRenderer!(
    { syntaxHighlight: false },
    { optimize: false, srcDir: pathToFileURL(`${process.cwd()}/src/`) },
  );
  const { code } = await renderer.process(body(path), path, {});
  return { html, code };
}

/** The same file through the unified pipeline (remark plugin + rehype-raw), as before. */
async function compileWithUnified(path: string, base: string): Promise<string> {
  let html = '';
  const processor = createProcessor({
    remarkPlugins: [[remarkTextDiagrams, { service, base }]],
    rehypePlugins: [[rehypeRaw, { passThrough: nodeTypes }], () => (tree: HastRoot) => void (html = toHtml(tree))],
  });
  await processor.process(new VFile({ value: body(path), path }));
  return html;
}

const figures = (html: string): string[] => html.match(/<figure\b[\s\S]*?<\/figure>/g) ?? [];

describe('Sätteri text-diagram plugin', () => {
  const fixture = (name: string) => join(textFixtures, name);

  it('turns fences into the same figures as the unified pipeline, and leaves other code alone', async () => {
    const path = fixture('three-languages.mdx');
    const { html: satteriHtml } = await compileWithSatteri(path, [satteriTextDiagrams({ service, base: '/portfolio/', warn: () => undefined })]);
    const unifiedHtml = await compileWithUnified(path, '/portfolio/');
    expect(figures(satteriHtml)).toHaveLength(3);
    expect(figures(satteriHtml)).toEqual(figures(unifiedHtml));
    // Equal figures also mean: no smart punctuation in the SVG (its <style> keeps `--`), and
    // the root <svg> keeps `xmlns` (Sätteri's parser names it `:xmlns`; satteriSvgNamespaceFix).
    expect(satteriHtml).toMatch(/<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(satteriHtml).toContain('an ordinary code block stays a code block');
    expect(satteriHtml).toMatch(/<code class="language-ts">/);
  });

  it('fails a Mermaid typo with the MDX path, the line in the MDX file and the message', async () => {
    await expect(compileWithSatteri(fixture('broken-mermaid.mdx'), [satteriTextDiagrams({ service })])).rejects.toThrow(
      /^tests\/fixtures\/text-diagrams\/broken-mermaid\.mdx:11: ```mermaid fence "broken-mermaid-mermaid-1": Mermaid \(line 3 of the diagram, fence on line 8: `API to Ledger: debit`\): Parse error: Expecting /,
    );
  });

  it('refuses two fences with the same name in one file', async () => {
    await expect(compileWithSatteri(fixture('duplicate-names.mdx'), [satteriTextDiagrams({ service })])).rejects.toThrow(
      /duplicate-names\.mdx:7: .*"flow" is already used by the fence on line 3/,
    );
  });
});

describe('Sätteri <Diagram name> check', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'casebook-satteri-'));
    mkdirSync(join(root, 'diagrams'));
    mkdirSync(join(root, 'content/case-studies'), { recursive: true });
    for (const name of ['circuit-breakers', 'distributed-rate-limiter']) {
      writeFileSync(join(root, 'diagrams', `${name}.svg`), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>');
    }
  });

  function caseStudy(file: string): string {
    const path = join(root, 'content/case-studies', file);
    writeFileSync(path, readFileSync(join(import.meta.dirname, '../../fixtures/diagrams/mdx', file), 'utf8'));
    return path;
  }

  it('fails on an unknown name with file, line, the names there are and a suggestion', async () => {
    await expect(compileWithSatteri(caseStudy('unknown-name.mdx'), [satteriDiagramNames({ root })])).rejects.toThrow(
      'content/case-studies/unknown-name.mdx:9: <Diagram name="circuit-breaker">: no diagram named "circuit-breaker"; expected one of: circuit-breakers, distributed-rate-limiter (did you mean "circuit-breakers"?)',
    );
  });

  it('accepts SVG files and named text-diagram fences in the same file; skips expression names', async () => {
    const { html } = await compileWithSatteri(caseStudy('known-names.mdx'), [satteriDiagramNames({ root })]);
    expect(html).toContain('[Diagram]');
  });
});

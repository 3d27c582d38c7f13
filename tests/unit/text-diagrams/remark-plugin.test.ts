/**
 * The fence -> figure step as the site build runs it: an MDX file compiled by @mdx-js/mdx
 * with our remark plugin (plus rehype-raw, as Astro's MDX pipeline has). Checks what an
 * author sees: figures with the processed SVG and caption, ordinary code untouched, and a
 * broken diagram failing with file:line and the renderer's message.
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProcessor } from '@mdx-js/mdx';
import rehypeRaw from 'rehype-raw';
import { nodeTypes } from '@mdx-js/mdx';
import type { Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { sitePrefix } from '../../../src/lib/diagrams/catalogue.ts';
import { TextDiagramCache } from '../../../src/lib/diagrams/text/cache.ts';
import { createTextDiagramService } from '../../../src/lib/diagrams/text/render.ts';
import { remarkTextDiagrams, type RenderedFence } from '../../../src/lib/diagrams/text/remark-text-diagrams.ts';

const fixtures = join(import.meta.dirname, '../../fixtures/text-diagrams');
const service = createTextDiagramService({ cache: new TextDiagramCache(mkdtempSync(join(tmpdir(), 'td-remark-'))) });

/** Frontmatter blanked line for line, as @astrojs/mdx does, so line numbers match the file. */
function mdxFile(name: string): VFile {
  const text = readFileSync(join(fixtures, name), 'utf8');
  const blanked = text.replace(/^---\n[\s\S]*?\n---\n/, (fm) => fm.replace(/[^\n]/g, ''));
  return new VFile({ value: blanked, path: join(process.cwd(), 'tests/fixtures/text-diagrams', name) });
}

/** Compiles like the site does and returns the HTML the page would contain. */
async function compile(name: string, base = '/'): Promise<{ html: string; fences: RenderedFence[] }> {
  const fences: RenderedFence[] = [];
  let html = '';
  const captureHtml = () => (tree: HastRoot) => {
    html = toHtml(tree);
  };
  const processor = createProcessor({
    remarkPlugins: [[remarkTextDiagrams, { service, base, onDiagram: (d: RenderedFence) => fences.push(d) }]],
    rehypePlugins: [[rehypeRaw, { passThrough: nodeTypes }], captureHtml],
  });
  await processor.process(mdxFile(name));
  return { html, fences };
}

describe('remark plugin: fences become figures', () => {
  it('replaces each diagram fence with a figure holding inline SVG, caption and a View link', async () => {
    const { html, fences } = await compile('three-languages.mdx', '/portfolio/');
    const figures = html.match(/<figure\b[^>]*class="diagram[^"]*"[^>]*>/g) ?? [];
    expect(figures).toHaveLength(3);
    expect(html).toContain('data-diagram="charge-flow"');
    expect(html).toContain('data-diagram="three-languages-d2-1"');
    expect(html).toContain('data-diagram="three-languages-dot-1"');
    expect(html).toContain('href="/portfolio/diagrams/charge-flow.svg"');
    expect(html).toMatch(/<figcaption[^>]*>[\s\S]*Charge flow[\s\S]*View diagram/);
    // Ids start with the diagram's id prefix, allocated over every diagram of the site.
    const prefix = fences.find((f) => f.name === 'charge-flow')?.processed.idPrefix ?? '';
    expect(prefix).toBe(sitePrefix('charge-flow'));
    expect(html).toMatch(new RegExp(`<svg[^>]*role="img"[^>]*aria-labelledby="${prefix}-title"`));
    expect(html).toContain(`<title id="${prefix}-title">Charge flow</title>`);
    // Labels stay text, ids are prefixed per diagram, and no script appears.
    expect(html).toMatch(/<text[^>]*>POST \/charge \(Idempotency-Key\)<\/text>/);
    expect(html).toMatch(/<text[^>]*>Argo CD<\/text>/);
    expect(html).not.toMatch(/<script/i);
    expect(fences.map((f) => [f.name, f.lang, f.line])).toEqual([
      ['charge-flow', 'mermaid', 8],
      ['three-languages-d2-1', 'd2', 17],
      ['three-languages-dot-1', 'dot', 27],
    ]);
    // The fence title also names the standalone SVG.
    expect(fences[0]!.processed.title).toBe('Charge flow');
  });

  it('names each figure from accTitle/accDescr, else the fence title, else its alt (issue #11)', async () => {
    const { html } = await compile('accessible-names.mdx');
    const svgOpen = (name: string): string => {
      const figure = new RegExp(`<figure[^>]*data-diagram="${name}"[\\s\\S]*?</figure>`).exec(html)?.[0] ?? '';
      return /<svg\b[^>]*>/.exec(figure)?.[0] ?? '';
    };
    const textOf = (id: string | undefined): string => (id ? new RegExp(`<(?:title|desc) id="${id}">([^<]*)<`).exec(html)?.[1] ?? '' : '');
    const attr = (tag: string, a: string): string | undefined => new RegExp(`\\s${a}="([^"]*)"`).exec(tag)?.[1];

    // The diagram's own accTitle names it and accDescr describes it; the fence title stays the caption.
    const own = svgOpen('acc-own');
    expect(textOf(attr(own, 'aria-labelledby'))).toBe('Charge path through the ledger');
    expect(textOf(attr(own, 'aria-describedby'))).toBe('The client calls the API, which writes a debit and a credit.');
    expect(html).toMatch(/<figcaption[^>]*>Ledger write<\/figcaption>/);
    // No accTitle: the fence title is the name.
    expect(textOf(attr(svgOpen('acc-fence-title'), 'aria-labelledby'))).toBe('Retry loop');
    // alt="..." is the name when given.
    expect(attr(svgOpen('acc-alt'), 'aria-label')).toBe('Three services in a row: web, API and database');
    for (const name of ['acc-own', 'acc-fence-title', 'acc-alt']) expect(attr(svgOpen(name), 'role')).toBe('img');
  }, 60_000);

  it('leaves ordinary code blocks alone', async () => {
    const { html } = await compile('three-languages.mdx');
    expect(html).toMatch(/<code class="language-ts">/);
    expect(html).toContain('an ordinary code block stays a code block');
  });

  it('fails a Mermaid typo with the MDX path, the line in the MDX file and the message', async () => {
    await expect(compile('broken-mermaid.mdx')).rejects.toThrow(
      /^tests\/fixtures\/text-diagrams\/broken-mermaid\.mdx:11: ```mermaid fence "broken-mermaid-mermaid-1": Mermaid \(line 3 of the diagram, fence on line 8: `API to Ledger: debit`\): Parse error: Expecting /,
    );
  });

  it('fails a D2 error on the line D2 reports, shifted to the MDX file', async () => {
    await expect(compile('broken-d2.mdx')).rejects.toThrow(
      /^tests\/fixtures\/text-diagrams\/broken-d2\.mdx:9: ```d2 fence "broken-d2-d2-1": D2 \(line \d+ of the diagram, fence on line \d+: .*\): .*hexagonal/,
    );
  });

  it('refuses two fences with the same name in one file', async () => {
    await expect(compile('duplicate-names.mdx')).rejects.toThrow(/duplicate-names\.mdx:7: .*"flow" is already used by the fence on line 3/);
  });
});

/**
 * Rebuild cost and site-wide lookups: an unchanged diagram is served from the disk cache
 * without calling the renderer (also from a fresh process-like service), a changed source
 * or renderer version renders again; the collector finds every fence by name across case
 * studies and refuses a name used twice; the benchmark's sample sources all render.
 */
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TextDiagramCache } from '../../../src/lib/diagrams/text/cache.ts';
import { collectTextDiagrams } from '../../../src/lib/diagrams/text/collect.ts';
import { createGraphvizRenderer } from '../../../src/lib/diagrams/text/render-graphviz.ts';
import { createMermaidRenderer } from '../../../src/lib/diagrams/text/render-mermaid.ts';
import { createTextDiagramService } from '../../../src/lib/diagrams/text/render.ts';
import { sampleTextDiagram } from '../../../src/tools/bench/text-diagram-sample.ts';
import type { TextDiagramRenderer } from '../../../src/lib/diagrams/text/types.ts';

/** The real renderer, counting how often it is asked to render. */
function counting(renderer: TextDiagramRenderer, version = renderer.version): TextDiagramRenderer & { calls: number } {
  const wrapped = {
    lang: renderer.lang,
    version,
    calls: 0,
    render(source: string) {
      wrapped.calls += 1;
      return renderer.render(source);
    },
  };
  return wrapped;
}

const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

describe('text diagram cache', () => {
  it('serves an unchanged diagram from disk without calling the renderer', async () => {
    const dir = tempDir('td-cache-');
    const dot = counting(createGraphvizRenderer());
    const source = 'digraph { ingest -> window -> sink }';

    const first = await createTextDiagramService({ cache: new TextDiagramCache(dir), renderers: { dot } }).render('dot', source);
    expect(first.cached).toBe(false);
    expect(dot.calls).toBe(1);

    // A new service over the same folder stands for the next build.
    const second = await createTextDiagramService({ cache: new TextDiagramCache(dir), renderers: { dot } }).render('dot', `${source}\n\n`);
    expect(second.cached).toBe(true);
    expect(dot.calls).toBe(1);
    expect(second.svg).toBe(first.svg);
  });

  it('renders again when the source or the renderer version changes', async () => {
    const dir = tempDir('td-cache-');
    const mermaid = counting(createMermaidRenderer());
    const service = createTextDiagramService({ cache: new TextDiagramCache(dir), renderers: { mermaid } });
    await service.render('mermaid', 'graph LR\n  A --> B');
    await service.render('mermaid', 'graph LR\n  A --> C');
    expect(mermaid.calls).toBe(2);

    const upgraded = counting(createMermaidRenderer(), 'beautiful-mermaid@99.0.0');
    await createTextDiagramService({ cache: new TextDiagramCache(dir), renderers: { mermaid: upgraded } }).render('mermaid', 'graph LR\n  A --> B');
    expect(upgraded.calls).toBe(1);
  });

  it('does not cache failures: a fixed diagram renders', async () => {
    const dir = tempDir('td-cache-');
    const dot = counting(createGraphvizRenderer());
    const service = createTextDiagramService({ cache: new TextDiagramCache(dir), renderers: { dot } });
    await expect(service.render('dot', 'digraph { a -> }')).rejects.toThrow(/syntax error/);
    await expect(service.render('dot', 'digraph { a -> b }')).resolves.toMatchObject({ cached: false });
  });
});

describe('collecting text diagrams across case studies', () => {
  const service = createTextDiagramService({ cache: new TextDiagramCache(tempDir('td-collect-cache-')) });

  function site(files: Record<string, string>): string {
    const dir = tempDir('td-site-');
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  }

  it('finds every fence by its name (given or default) with its file and line', async () => {
    const dir = site({
      'payments.mdx': '---\ntitle: P\n---\n\nText.\n\n```mermaid name="charge-flow" title="Charge flow"\ngraph LR\n  A --> B\n```\n',
      'stream.mdx': '# Stream\n\n```dot\ndigraph { a -> b }\n```\n',
      'plain.mdx': '# No diagrams\n\n```ts\nconst a = 1;\n```\n',
    });
    const found = await collectTextDiagrams({ dir, service });
    expect([...found.keys()].sort()).toEqual(['charge-flow', 'stream-dot-1']);
    expect(found.get('charge-flow')).toMatchObject({ lang: 'mermaid', line: 7, caption: 'Charge flow' });
    expect(found.get('charge-flow')!.processed.title).toBe('Charge flow');
  });

  it('refuses one name in two case studies, naming both places', async () => {
    const dir = site({
      'a.mdx': '```dot name="flow"\ndigraph { a -> b }\n```\n',
      'b.mdx': '\n\n```mermaid name="flow"\ngraph LR\n  A --> B\n```\n',
    });
    await expect(collectTextDiagrams({ dir, service })).rejects.toThrow(/b\.mdx:3: .*"flow" is also used in .*a\.mdx:1/);
  });
});

describe('benchmark samples', () => {
  it('gives different, valid Mermaid sources', async () => {
    const mermaid = createMermaidRenderer();
    const sources = [0, 1, 2, 3, 17].map(sampleTextDiagram);
    expect(new Set(sources).size).toBe(sources.length);
    for (const source of sources) await expect(mermaid.render(source)).resolves.toMatchObject({ lang: 'mermaid' });
  });
});

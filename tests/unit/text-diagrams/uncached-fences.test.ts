/** `npm run build` knows which Mermaid fences still need the browser (it validates those first). */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { normaliseSource } from '../../../src/lib/diagrams/text/render.ts';
import { mermaidStoreKey } from '../../../src/lib/diagrams/text/render-mermaid.ts';
import { RenderStore } from '../../../src/lib/diagrams/text/render-store.ts';
import { uncachedMermaidFences } from '../../../src/lib/diagrams/text/prerender.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function site(body: string) {
  const root = mkdtempSync(join(tmpdir(), 'casebook-uncached-'));
  dirs.push(root);
  mkdirSync(join(root, 'content/case-studies'), { recursive: true });
  writeFileSync(join(root, 'content/case-studies/a.md'), `---\ntitle: A\n---\n\nText.\n\n${body}`);
  return { root, store: new RenderStore(join(root, 'diagrams/.rendered')) };
}

describe('uncachedMermaidFences', () => {
  const fence = 'sequenceDiagram\n  A->>B: hello';

  it('lists a fence whose render is not in the store, with its file and line', () => {
    const { root, store } = site('```mermaid\n' + fence + '\n```\n');
    expect(uncachedMermaidFences(root, store)).toMatchObject([{ file: 'content/case-studies/a.md', line: 7, lang: 'mermaid' }]);
  });

  it('lists nothing once the render is stored, and ignores other languages', () => {
    const { root, store } = site('```mermaid\n' + fence + '\n```\n\n```dot\ndigraph { a -> b }\n```\n');
    store.set(mermaidStoreKey(normaliseSource(fence)), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(uncachedMermaidFences(root, store)).toEqual([]);
  });
});

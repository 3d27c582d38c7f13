/**
 * The build's quick "is every Mermaid fence rendered already?" check: the line-based reading
 * finds the same fences and bodies as the Markdown parse, or says it cannot tell; and the
 * answer for a content folder is the parse's answer either way.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentFences } from '../../../src/lib/diagrams/text/prerender.ts';
import { normaliseSource } from '../../../src/lib/diagrams/text/render.ts';
import { mermaidStoreKey } from '../../../src/lib/diagrams/text/render-mermaid.ts';
import { RenderStore } from '../../../src/lib/diagrams/text/render-store.ts';
import { scanMermaidFences, uncachedMermaid } from '../../../src/tools/build/mermaid-precheck.ts';

const fm = '---\ntitle: T\n---\n';
const FLOW = 'flowchart LR\n  A --> B';

/** Documents the quick reading handles, each with the Mermaid bodies remark finds. */
const handled: Record<string, string> = {
  'one fence': `${fm}# H\n\n\`\`\`mermaid\n${FLOW}\n\`\`\`\n`,
  'options and a second fence, tildes, other languages around': `${fm}\`\`\`ts\nconst a = 1;\n\`\`\`\n\n\`\`\`mermaid title="Flow" name="f"\n${FLOW}\n\`\`\`\n\n~~~Mermaid\nsequenceDiagram\n  A->>B: hi\n~~~\n\n\`\`\`d2\nx -> y\n\`\`\`\n`,
  'a closing fence indented up to three spaces': `${fm}\`\`\`mermaid\n${FLOW}\n   \`\`\`\n`,
  'CRLF line ends and trailing blank lines in the body': `${fm}\`\`\`mermaid\r\n${FLOW.replace('\n', '\r\n')}\r\n\r\n\`\`\`\r\n`,
  'inside a JSX element at column 0': `${fm}<Callout type="note">\n\n\`\`\`mermaid\n${FLOW}\n\`\`\`\n\n</Callout>\n`,
  'a fence in the frontmatter is not content': `---\ntitle: T\nsummary: "\`\`\`mermaid"\n---\nBody.\n`,
  'no fence at all': `${fm}Text with \`code\`.\n`,
};

/** Documents it must refuse (a parse decides), whatever remark makes of them. */
const refused: Record<string, string> = {
  'in a list item': `${fm}- step\n\n  \`\`\`mermaid\n  ${FLOW}\n  \`\`\`\n`,
  'list marker on the fence line': `${fm}- \`\`\`mermaid\n  ${FLOW}\n  \`\`\`\n`,
  'in a quote': `${fm}> \`\`\`mermaid\n> ${FLOW}\n> \`\`\`\n`,
  'indented in JSX': `${fm}<Callout>\n  \`\`\`mermaid\n  ${FLOW}\n  \`\`\`\n</Callout>\n`,
  'a longer fence holding a shorter marker': `${fm}\`\`\`\`md\n\`\`\`mermaid\n${FLOW}\n\`\`\`\n\`\`\`\`\n`,
  'unclosed': `${fm}\`\`\`mermaid\n${FLOW}\n`,
  'a fence-like line inside a fence (an HTML block may have opened it)': `${fm}<div>\n\`\`\`js\n</div>\n\n\`\`\`mermaid\n${FLOW}\n\`\`\`\n`,
  'an escaped info string': `${fm}\`\`\`mer\\maid\n${FLOW}\n\`\`\`\n`,
  'a backtick in the info string': `${fm}\`\`\`mermaid \`x\`\n${FLOW}\n\`\`\`\n`,
  'triple backticks in prose': `${fm}Write \`\`\`mermaid to start one.\n`,
  'old Mac line ends': `${fm}\`\`\`mermaid\r${FLOW}\r\`\`\`\r`,
};

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'casebook-precheck-'));
  dirs.push(root);
  mkdirSync(join(root, 'content', 'case-studies'), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'content', 'case-studies', name), text);
  return root;
}

/** What the parse finds in one document, as Mermaid bodies. */
function parsedBodies(text: string, ext = 'mdx'): string[] {
  const root = project({ [`x.${ext}`]: text });
  return contentFences(root).filter((f) => f.lang === 'mermaid').map((f) => f.body);
}

describe('scanMermaidFences', () => {
  for (const [name, text] of Object.entries(handled)) {
    it(`finds what the parse finds: ${name}`, () => {
      const bodies = scanMermaidFences(text);
      expect(bodies).toBeDefined();
      expect(bodies!.map(normaliseSource)).toEqual(parsedBodies(text).map(normaliseSource));
    });
  }

  for (const [name, text] of Object.entries(refused)) {
    it(`cannot tell, and says so: ${name}`, () => {
      expect(scanMermaidFences(text)).toBeUndefined();
    });
  }

  it('finds the bodies in order', () => {
    expect(scanMermaidFences(handled['options and a second fence, tildes, other languages around']!)).toEqual([FLOW, 'sequenceDiagram\n  A->>B: hi']);
  });
});

describe('uncachedMermaid', () => {
  const studies = { 'a.mdx': handled['one fence']!, 'b.md': handled['options and a second fence, tildes, other languages around']! };

  it('answers without a parse when every fence is rendered', () => {
    const root = project(studies);
    const store = new RenderStore(join(root, 'diagrams', '.rendered'));
    for (const body of [FLOW, 'sequenceDiagram\n  A->>B: hi']) store.set(mermaidStoreKey(normaliseSource(body)), '<svg></svg>');
    expect(uncachedMermaid(root, store)).toEqual({ uncached: [], parsed: false });
  });

  it('gives the parse\'s list, with file and line, when a fence is not rendered', () => {
    const root = project(studies);
    const store = new RenderStore(join(root, 'diagrams', '.rendered'));
    store.set(mermaidStoreKey(normaliseSource(FLOW)), '<svg></svg>');
    const result = uncachedMermaid(root, store);
    expect(result.parsed).toBe(true);
    expect(result.uncached.map((f) => [f.file, f.line])).toEqual([['content/case-studies/b.md', 13]]);
  });

  it('asks the parse when a file is outside the quick model, and gets its answer', () => {
    const root = project({ ...studies, 'c.mdx': refused['in a list item']! });
    const store = new RenderStore(join(root, 'diagrams', '.rendered'));
    for (const body of [FLOW, 'sequenceDiagram\n  A->>B: hi']) store.set(mermaidStoreKey(normaliseSource(body)), '<svg></svg>');
    // The list item's body loses its indentation in the parse, so it is a different diagram, not rendered yet.
    const result = uncachedMermaid(root, store);
    expect(result.parsed).toBe(true);
    expect(result.uncached.map((f) => [f.file, f.line, f.body])).toEqual([['content/case-studies/c.mdx', 6, 'flowchart LR\nA --> B']]);
  });
});

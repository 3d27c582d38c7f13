/**
 * A Mermaid fence renders to the same SVG whatever the page rendered before it
 * (src/lib/diagrams/text/mermaid-ids.ts and the fixed rough.js seed in MERMAID_CONFIG):
 * otherwise `npm run diagrams:render` writes different files, and the site differs, with the
 * order fences are rendered in.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalMermaidIds } from '../../../src/lib/diagrams/text/mermaid-ids.ts';
import { createMermaidPool, HTML_LABELS_FALLBACK, renderInPage } from '../../../src/lib/diagrams/text/render-mermaid.ts';

const SEQUENCE = `sequenceDiagram
  actor User
  participant API
  participant DB
  User->>API: POST /orders
  API->>DB: insert
  DB-->>API: id
  API-->>User: 201 Created`;

// Rounded and stadium shapes are drawn through rough.js.
const FLOWCHART = `flowchart LR
  A([Start]) --> B(Validate) --> C{OK?}
  C -->|yes| D[(Store)]
  C -->|no| E((Reject))`;

const OTHERS = [
  `sequenceDiagram\n  actor A\n  participant B\n  A->>B: hi\n  B-->>A: ok`,
  `sequenceDiagram\n  participant X\n  participant Y\n  participant Z\n  X->>Y: a\n  Y->>Z: b`,
  `flowchart TD\n  P(One) --> Q([Two]) --> R((Three))`,
];

describe('canonicalMermaidIds', () => {
  it('numbers sequence actors from 0, in every form the renderer writes', () => {
    const raw =
      '<svg id="my-svg"><g id="root-7"><line id="actor7"/><g id="actor7_popup"/><line id="actor-man-torso8"/>' +
      '<line id="actor-man-arms8"/><line id="actor8"/><use href="#actor8"/><rect onclick="t(\'actor7_popup\')"/></g></svg>';
    expect(canonicalMermaidIds(raw)).toBe(
      '<svg id="my-svg"><g id="root-0"><line id="actor0"/><g id="actor0_popup"/><line id="actor-man-torso1"/>' +
        '<line id="actor-man-arms1"/><line id="actor1"/><use href="#actor1"/><rect onclick="t(\'actor0_popup\')"/></g></svg>',
    );
  });

  it('leaves text, other ids and already canonical output alone', () => {
    const text = '<svg><line id="actor0"/><text>actor12 joined</text><g id="actorStyle3"/></svg>';
    expect(canonicalMermaidIds(text)).toBe(text);
    const noActors = '<svg><g id="flowchart-A-0"/><text>actor5</text></svg>';
    expect(canonicalMermaidIds(noActors)).toBe(noActors);
  });
});

describe('rendering in Chromium', () => {
  const pool = createMermaidPool(1);
  afterAll(() => pool.close());
  const render = async (source: string): Promise<string> => {
    const result = await pool.run((page) => renderInPage(page, source, HTML_LABELS_FALLBACK));
    if (!result.ok) throw new Error(result.message);
    return result.svg;
  };

  it('gives the same SVG for a fence first on the page and after other diagrams', async () => {
    const first = [await render(SEQUENCE), await render(FLOWCHART)];
    for (const other of OTHERS) await render(other);
    const again = [await render(SEQUENCE), await render(FLOWCHART)];
    expect(again[0]).toBe(first[0]);
    expect(again[1]).toBe(first[1]);
    // The sequence diagram does carry actor ids, so the comparison is about them.
    expect(first[0]).toContain('id="actor0"');
  }, 120_000);
});

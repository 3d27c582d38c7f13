/**
 * Mermaid as authors write it, through the official renderer in headless Chromium: every
 * diagram type renders with its labels as real <text>, in the site's colours, keeping the
 * author's own; the syntax real documents use renders; a mistake names the line inside the
 * fence and mermaid's message; a rendered fence is served from the render cache with no
 * browser, and a new one without a browser fails saying how to get one.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processSvg } from '../../../src/lib/diagrams/pipeline.ts';
import { authorColours, recolourMermaid, themeMermaidSvg, xmlFromHtmlSerialisation } from '../../../src/lib/diagrams/text/mermaid-theme.ts';
import { createMermaidPool, createMermaidRenderer, mermaidError, mermaidStoreKey, mermaidType } from '../../../src/lib/diagrams/text/render-mermaid.ts';
import { RenderStore } from '../../../src/lib/diagrams/text/render-store.ts';
import { TextDiagramError } from '../../../src/lib/diagrams/text/types.ts';
import { MERMAID_SAMPLES } from '../../fixtures/text-diagrams/mermaid-types.ts';
import { textLabels } from './svg-text.ts';

const dir = mkdtempSync(join(tmpdir(), 'mermaid-test-'));
const store = new RenderStore(join(dir, 'rendered'));
const pool = createMermaidPool(2);
const mermaid = createMermaidRenderer({ store, pool });
afterAll(async () => {
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
});

async function failure(p: Promise<unknown>): Promise<TextDiagramError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(TextDiagramError);
    return err as TextDiagramError;
  }
  throw new Error('expected the render to fail');
}

/**
 * Labels a reader sees once the SVG went through the site's pipeline: SVG <text>, and the
 * HTML labels some types (journey) keep inside <foreignObject>.
 */
function shipped(svg: string, name = 'm'): { svg: string; labels: string } {
  const out = processSvg(svg, { name, file: 'test.mdx' });
  const html = [...out.svg.matchAll(/<foreignObject\b[^>]*>([\s\S]*?)<\/foreignObject>/g)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
  return { svg: out.svg, labels: [...textLabels(out.svg), ...html].join(' | ') };
}

describe('every diagram type mermaid draws', () => {
  it.each(MERMAID_SAMPLES.map((s) => [s.type, s] as const))('%s: renders with its labels as text, in the site colours', async (_t, sample) => {
    const out = await mermaid.render(sample.source);
    const { svg, labels } = shipped(out.svg, `t-${sample.type.toLowerCase()}`);
    for (const label of sample.labels) expect(labels).toContain(label);
    expect(svg).toContain('var(--cb-diagram-');
    // No colour mermaid failed to compute (its base theme gave quadrant points hsl(…, NaN%)).
    expect(out.svg).not.toContain('NaN');
    expect(svg).not.toMatch(/<script|javascript:|https?:\/\/(?!www\.w3\.org)/i);
  });
});

describe('syntax real documents use', () => {
  const cases: Array<[string, string, string[]]> = [
    ['participants with spaces, autonumber, activation, boxes', 'sequenceDiagram\n  autonumber\n  box Backend\n    participant Payment Service\n  end\n  Client->>+Payment Service: charge\n  activate Client\n  Payment Service-->>-Client: ok\n  deactivate Client', ['Payment Service', 'charge', 'Backend']],
    ['multi-line sequence messages and notes', 'sequenceDiagram\n  A->>B: first line<br/>second line\n  Note right of B: a note<br>on two lines', ['first line', 'second line', 'on two lines']],
    ['front matter config', '---\ntitle: Order flow\nconfig:\n  flowchart:\n    curve: linear\n---\nflowchart LR\n  A --> B', ['Order flow', 'A', 'B']],
    ['a multi-line init directive', '%%{init: {\n  "themeVariables": {"primaryColor": "#ffcc00"},\n  "flowchart": {"curve": "basis"}\n}}%%\nflowchart LR\n  X --> Y', ['X', 'Y']],
    ['graph TD; with semicolons, no spaces, --> |label|', 'graph TD;\n  A-->B;\n  B --> |yes| C;', ['A', 'B', 'yes', 'C']],
    ['a bare flowchart header', 'flowchart\n  A --> B', ['A', 'B']],
    ['direction inside a class diagram', 'classDiagram\n  direction RL\n  class Order\n  Order --> Item', ['Order', 'Item']],
    ['notes in a state diagram', 'stateDiagram-v2\n  [*] --> Open\n  note right of Open\n    fail fast\n  end note', ['Open', 'fail fast']],
  ];
  it.each(cases)('%s', async (_name, source, labels) => {
    const { labels: seen } = shipped((await mermaid.render(source)).svg);
    for (const label of labels) expect(seen).toContain(label);
  });
});

describe('colours', () => {
  it('maps theme colours to site variables and keeps the author\'s style, classDef and linkStyle colours', async () => {
    const out = await mermaid.render('flowchart LR\n  A --> B --> C\n  style A fill:#f96\n  classDef hot fill:#c2410c\n  class B hot\n  linkStyle 0 stroke:#0a7d32');
    const { svg } = shipped(out.svg);
    expect(svg).toMatch(/#f96|#ff9966/i);
    expect(svg).toMatch(/#c2410c/i);
    expect(svg).toMatch(/#0a7d32/i);
    expect(svg).toContain('var(--cb-diagram-fg');
    expect(svg).toContain('var(--cb-diagram-border');
  });

  it('recolours sentinels and near colours, keeps author colours and far ones', () => {
    const svg = '<rect fill="#1b2230" stroke="hsl(220, 22%, 35%)" style="fill:rgba(255,255,255,0.5)"/><rect fill="#f96"/><rect fill="#4e79a7"/>';
    const out = recolourMermaid(svg, authorColours('style A fill:#f96'));
    expect(out).toContain('fill="var(--cb-diagram-fg, #1b2230)"');
    expect(out).toContain('stroke="var(--cb-diagram-border');
    expect(out).toContain('fill:color-mix(in srgb, var(--cb-diagram-bg, #ffffff) 50%, transparent)');
    expect(out).toContain('fill="#f96"');
    expect(out).toContain('fill="#4e79a7"');
  });

  it('drops style attributes mermaid writes that are not CSS', () => {
    const out = themeMermaidSvg('<svg viewBox="0 0 10 10" width="100%"><text style="undefined;;;undefined">a</text><text style="font-family: &quot;A&quot;, b;fill:#1b2230">b</text></svg>', '');
    expect(out).not.toContain('undefined');
    expect(out).toContain('style="font-family: &quot;A&quot;, b;fill:var(--cb-diagram-fg, #1b2230)"');
    expect(out).toMatch(/<svg viewBox="0 0 10 10" width="10" height="10">/);
  });
});

describe('HTML labels', () => {
  it('writes the HTML serialiser\'s <br> and &nbsp; inside labels as XML, so the pipeline can read them (issue #11)', async () => {
    // A Markdown string with a line break: mermaid can only draw it as an HTML label.
    const out = await mermaid.render('flowchart TD\n  A("`**Collector.Run**\n  Starts the collector`") --> B("`**Service**`")');
    expect(out.svg).not.toMatch(/<br>|&nbsp;/);
    const { labels } = shipped(out.svg, 'html-labels');
    expect(labels).toContain('Collector.Run');
    expect(labels).toContain('Starts the collector');
    expect(xmlFromHtmlSerialisation('<p>a<br>b&nbsp;c<img src="x.png" alt="1>0"><br/></p>')).toBe('<p>a<br/>b&#160;c<img src="x.png" alt="1>0"/><br/></p>');
  });
});

describe('accessibility', () => {
  it('keeps accTitle and accDescr as the SVG\'s <title> and <desc>', async () => {
    const out = await mermaid.render('flowchart LR\n  accTitle: Charge path\n  accDescr: The client calls the API, which writes the ledger.\n  C --> A --> L');
    const processed = processSvg(out.svg, { name: 'acc', file: 'x.mdx' });
    expect(processed.title).toBe('Charge path');
    expect(processed.desc).toBe('The client calls the API, which writes the ledger.');
  });
});

describe('errors', () => {
  it('names the line inside the fence and mermaid\'s message', async () => {
    const err = await failure(mermaid.render('flowchart TD\n  A --> B\n  B --> > C\n  C --> D'));
    expect(err.line).toBe(3);
    expect(err.reason).toMatch(/Parse error: Expecting .* got 'TAGEND'/);
  });

  it('counts lines from the top of the fence when there is front matter', async () => {
    const err = await failure(mermaid.render('---\ntitle: T\n---\nflowchart TD\n  A --> B\n  B --> > C'));
    expect(err.line).toBe(6);
  });

  it('does not mistake an init directive for the diagram type', async () => {
    const err = await failure(mermaid.render('%%{init: {\n  "themeVariables": {"primaryColor": "#fff"}\n}}%%\nflowchart LR\n  A --> > B'));
    expect(err.message).not.toMatch(/themeVariables/);
    expect(err.line).toBe(5);
  });

  it('says so when the first line names no diagram type', async () => {
    const err = await failure(mermaid.render('flowchat LR\n  A --> B'));
    expect(err.line).toBe(1);
    expect(err.reason).toMatch(/does not name a diagram type/);
  });

  it('reads the messages of both kinds of mermaid parser', () => {
    const jison = mermaidError("Parse error on line 2:\n...A --> B\n-------^\nExpecting 'SEMI', got 'EOF'", 2);
    expect([jison.line, jison.reason]).toEqual([2, "Parse error: Expecting 'SEMI', got 'EOF'"]);
    const langium = mermaidError('Parsing failed: Parse error on line 3, column 6: Expecting token of type \':\' but found `12`.', null);
    expect(langium.line).toBe(3);
    expect(langium.reason).toContain("Expecting token of type ':'");
  });
});

describe('render cache', () => {
  it('serves a rendered fence with no browser, byte for byte', async () => {
    const source = 'sequenceDiagram\n  A->>B: cached once';
    const first = await mermaid.render(source);
    expect(readdirSync(store.dir)).toContain(`${mermaidStoreKey(source)}.svg`);
    const previous = process.env.CASEBOOK_CHROMIUM;
    process.env.CASEBOOK_CHROMIUM = join(dir, 'no-such-chromium');
    const offline = createMermaidPool(1);
    try {
      const again = await createMermaidRenderer({ store, pool: offline }).render(source);
      expect(again.svg).toBe(first.svg);
      expect(offline.started).toBe(false);
      // A new fence needs the browser, and the message says how to get one.
      const err = await failure(createMermaidRenderer({ store, pool: offline }).render('flowchart LR\n  New --> Fence'));
      expect(err.reason).toContain('npx playwright install chromium');
      expect(err.reason).toContain('CASEBOOK_CHROMIUM');
      expect(err.reason).toContain('npm run diagrams:render');
    } finally {
      if (previous === undefined) delete process.env.CASEBOOK_CHROMIUM;
      else process.env.CASEBOOK_CHROMIUM = previous;
      await offline.close();
    }
  });

  it('keys entries by source, so an edit is a new entry and prune removes the old', async () => {
    const a = 'flowchart LR\n  P --> Q';
    await mermaid.render(a);
    await mermaid.render(`${a}\n  Q --> R`);
    expect(mermaidStoreKey(a)).not.toBe(mermaidStoreKey(`${a}\n  Q --> R`));
    const removed = store.prune(new Set([mermaidStoreKey(a)]));
    expect(removed).toContain(mermaidStoreKey(`${a}\n  Q --> R`));
    expect(store.keys()).toEqual([mermaidStoreKey(a)]);
  });

  it('detects the diagram type past front matter and directives', () => {
    expect(mermaidType('---\ntitle: x\n---\n%%{init: {}}%%\ngraph TD;\n A-->B')).toBe('graph');
    expect(mermaidType('%% comment\nsequenceDiagram')).toBe('sequenceDiagram');
  });
});

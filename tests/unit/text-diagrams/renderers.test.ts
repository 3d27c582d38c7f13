/**
 * Each text-diagram language, as an author meets it: every diagram type we claim renders
 * with its labels as real <text>; a mistake names the line inside the fence; a type the
 * renderer cannot draw is refused with the list of what works; colours come from the
 * site's --cb-diagram-* variables.
 */
import { describe, expect, it } from 'vitest';
import { createD2Renderer } from '../../../src/lib/diagrams/text/render-d2.ts';
import { createGraphvizRenderer } from '../../../src/lib/diagrams/text/render-graphviz.ts';
import { createMermaidRenderer } from '../../../src/lib/diagrams/text/render-mermaid.ts';
import { TextDiagramError } from '../../../src/lib/diagrams/text/types.ts';
import { textLabels } from './svg-text.ts';

async function failure(p: Promise<unknown>): Promise<TextDiagramError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(TextDiagramError);
    return err as TextDiagramError;
  }
  throw new Error('expected the render to fail');
}

/** No fixed black/white paint and nothing that reaches outside the file. */
function expectThemedAndSelfContained(svg: string): void {
  expect(svg).toContain('var(--cb-diagram-fg');
  // Masks are luminance maps: their black and white are not paint a reader sees.
  const painted = svg.replace(/<mask\b[\s\S]*?<\/mask>/g, '');
  expect(painted).not.toMatch(/(fill|stroke)="(black|white|#000000|#ffffff|#fff|#000)"/i);
  expect(svg).not.toMatch(/@import|https?:\/\/fonts/);
  expect(svg).not.toMatch(/<script|<foreignObject/i);
}

describe('mermaid (beautiful-mermaid)', () => {
  const mermaid = createMermaidRenderer();

  const supported: Array<[string, string, string[]]> = [
    ['flowchart', 'flowchart LR\n  C[Client] -->|POST /charge| A(API)\n  A --> L[(Ledger)]\n  A -.-> Q{{Queue}}', ['Client', 'POST /charge', 'API', 'Ledger', 'Queue']],
    ['graph TD with subgraph', 'graph TD\n  subgraph edge [Edge]\n    G[Gateway]\n  end\n  G ==> S[Service]\n  classDef hot fill:#f96\n  class S hot', ['Edge', 'Gateway', 'Service']],
    ['sequenceDiagram', 'sequenceDiagram\n  participant C as Client\n  C->>API: POST /charge (Idempotency-Key)\n  API->>Ledger: debit + credit\n  Note over API,Ledger: one transaction\n  alt duplicate key\n    API-->>C: 200 (stored response)\n  else new\n    API-->>C: 201\n  end', ['Client', 'POST /charge (Idempotency-Key)', 'debit + credit', 'one transaction', '201']],
    ['stateDiagram-v2', 'stateDiagram-v2\n  state "Half open" as HalfOpen\n  [*] --> Closed\n  Closed --> Open : failures > threshold\n  Open --> HalfOpen : timeout\n  HalfOpen --> Closed : probe ok', ['Closed', 'Open', 'Half open', 'timeout']],
    ['classDiagram', 'classDiagram\n  class Payment {\n    +String id\n    +capture() bool\n  }\n  Payment <|-- Refund\n  Payment : +int amount', ['Payment', 'Refund']],
    ['erDiagram', 'erDiagram\n  CUSTOMER ||--o{ ORDER : places\n  ORDER {\n    string id PK\n    int total\n  }', ['CUSTOMER', 'ORDER', 'places']],
    ['xychart-beta', 'xychart-beta\n  title "p99 latency"\n  x-axis [Mon, Tue, Wed]\n  y-axis "ms" 0 --> 100\n  bar [40, 55, 38]', ['p99 latency', 'Mon', 'Tue', 'Wed']],
  ];

  it.each(supported)('renders a %s with its labels as <text>', async (_type, source, labels) => {
    const out = await mermaid.render(source);
    const text = textLabels(out.svg);
    for (const label of labels) expect(text.join(' | ')).toContain(label);
    expectThemedAndSelfContained(out.svg);
  });

  it('keeps its stylesheet local: no rules for every svg/text on the page', async () => {
    const { svg } = await mermaid.render('graph TD\n  A --> B');
    const css = [...svg.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
    expect(css).not.toMatch(/(^|[\s}])(svg|text)\s*\{/);
    expect(svg).toMatch(/<svg[^>]*style="[^"]*--_text:/);
  });

  it('names the line of a statement the renderer would silently drop', async () => {
    const err = await failure(mermaid.render('graph TD\n  A --> B\n  B -> C\n  C --> D'));
    expect(err.line).toBe(3);
    expect(err.reason).toContain('B -> C');
  });

  it('refuses a node label given after the node first appears (the renderer would drop it)', async () => {
    const err = await failure(mermaid.render('flowchart LR\n  A --> B\n  B[Billing service]'));
    expect(err.line).toBe(3);
    expect(err.reason).toContain('B[Billing service]');
  });

  it.each([
    ['sequenceDiagram\n  A->>B: hi\n  participant A as Alice', 3],
    ['stateDiagram-v2\n  [*] --> H\n  state "Half open" as H', 3],
  ])('refuses an alias declared after first use', async (source, line) => {
    const err = await failure(mermaid.render(source));
    expect(err.line).toBe(line);
    expect(err.reason).toMatch(/comes after .* is first used/);
  });

  it('names the line of an unreadable sequence message', async () => {
    const err = await failure(mermaid.render('sequenceDiagram\n  A->>B: hi\n\n  A to B: no arrow'));
    expect(err.line).toBe(4);
    expect(err.message).toContain('line 4');
  });

  it('refuses a flowchart header without a direction', async () => {
    const err = await failure(mermaid.render('flowchart\n  A --> B'));
    expect(err.line).toBe(1);
    expect(err.reason).toContain('flowchart LR');
  });

  it.each(['pie title Pets\n  "Dogs" : 3', 'gantt\n  title Plan', 'mindmap\n  root', 'gitGraph\n  commit', 'journey\n  title x', 'timeline\n  2024 : x'])(
    'refuses an unsupported type with the supported list: %s',
    async (source) => {
      const err = await failure(mermaid.render(source));
      expect(err.line).toBe(1);
      expect(err.reason).toMatch(/is not supported at build time/);
      expect(err.reason).toContain('sequenceDiagram');
      expect(err.reason).toContain('erDiagram');
    },
  );

  it('refuses Mermaid front matter and points to the fence title instead', async () => {
    const err = await failure(mermaid.render('---\ntitle: Flow\n---\ngraph TD\n  A-->B'));
    expect(err.reason).toContain('title=');
  });
});

describe('graphviz (@viz-js/viz)', () => {
  const dot = createGraphvizRenderer();

  it('renders a digraph with node and edge labels as <text>, in theme colours', async () => {
    const out = await dot.render('digraph pipeline {\n  rankdir=LR\n  ingest [label="Ingest"]\n  ingest -> window [label="events"]\n  window [label="Window (5 min)" shape=box]\n}');
    expect(out.type).toBe('digraph');
    expect(textLabels(out.svg)).toEqual(expect.arrayContaining(['Ingest', 'events', 'Window (5 min)']));
    expectThemedAndSelfContained(out.svg);
    expect(out.svg).not.toMatch(/<!DOCTYPE|<\?xml/);
  });

  it.each([
    ['graph', 'graph { a -- b -- c }', 'graph'],
    ['strict digraph', 'strict digraph { a -> b; a -> b }', 'strict digraph'],
  ])('renders a %s', async (_name, source, type) => {
    const out = await dot.render(source);
    expect(out.type).toBe(type);
    expect(textLabels(out.svg)).toEqual(expect.arrayContaining(['a', 'b']));
  });

  it.each(['dot', 'neato', 'fdp', 'sfdp', 'circo', 'twopi', 'osage', 'patchwork'])('lays out with layout=%s', async (engine) => {
    const out = await dot.render(`graph { layout=${engine}\n  hub -- a; hub -- b; hub -- c }`);
    expect(textLabels(out.svg)).toEqual(expect.arrayContaining(['hub', 'a', 'b', 'c']));
  });

  it('keeps colours the author chose', async () => {
    const out = await dot.render('digraph { a [color="#c2410c" fontcolor="#c2410c"]; a -> b }');
    expect(out.svg).toContain('#c2410c');
  });

  it('names the line of a syntax error', async () => {
    const err = await failure(dot.render('digraph {\n  a -> b\n  b -> -> c\n}'));
    expect(err.line).toBe(3);
    expect(err.reason).toMatch(/syntax error/);
  });

  it('passes on Graphviz warnings without failing', async () => {
    const out = await dot.render('digraph { a [shape=hexagonn]; a -> b }');
    expect(out.warnings.join(' ')).toMatch(/hexagonn/);
    expect(textLabels(out.svg)).toEqual(expect.arrayContaining(['a', 'b']));
  });

  it('refuses source that is not a graph', async () => {
    const err = await failure(dot.render('flowchart LR\n  A --> B'));
    expect(err.reason).toContain('digraph');
  });
});

describe('d2 (@terrastruct/d2)', () => {
  const d2 = createD2Renderer();

  const supported: Array<[string, string, string[]]> = [
    ['shapes and connections', 'api: API\nledger: Ledger {shape: cylinder}\nq: Queue {shape: queue}\napi -> ledger: debit + credit\napi -> q', ['API', 'Ledger', 'Queue', 'debit + credit']],
    ['containers', 'cluster: Kubernetes {\n  argo: Argo CD\n  app: App\n  argo -> app: sync\n}\ngit: Git repo\ngit -> cluster.argo: watch', ['Kubernetes', 'Argo CD', 'sync', 'watch']],
    ['sequence_diagram', 'shape: sequence_diagram\nclient: Client\napi: API\nclient -> api: POST /charge\napi -> client: 201', ['Client', 'API', 'POST /charge', '201']],
    ['sql_table', 'orders: {\n  shape: sql_table\n  id: uuid {constraint: primary_key}\n  total: int\n}', ['orders', 'id', 'uuid', 'total']],
    ['class', 'Payment: {\n  shape: class\n  id: string\n  capture(): bool\n}', ['Payment', 'id', 'capture()']],
    ['grid', 'grid-rows: 1\na: Collector\nb: Exporter', ['Collector', 'Exporter']],
  ];

  it.each(supported)('renders %s with labels as <text>', async (_type, source, labels) => {
    const out = await d2.render(source);
    const text = textLabels(out.svg).join(' | ');
    for (const label of labels) expect(text).toContain(label);
    expectThemedAndSelfContained(out.svg);
    expect(out.svg).not.toMatch(/@font-face/);
  });

  it('names the line of a syntax error', async () => {
    const err = await failure(d2.render('a -> b\nb: {\n  shape: hexagonal\n}'));
    expect(err.line).toBe(3);
    expect(err.reason).toContain('hexagonal');
  });

  it('refuses markdown labels instead of shipping HTML', async () => {
    const err = await failure(d2.render('explain: |md\n  # Why\n  Because.\n|'));
    expect(err.reason).toMatch(/markdown/);
  });
});

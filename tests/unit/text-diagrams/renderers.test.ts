/**
 * D2 and Graphviz, as an author meets them: every diagram type we claim renders with its
 * labels as real <text>; a mistake names the line inside the fence; colours come from the
 * site's --cb-diagram-* variables. (Mermaid: mermaid.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { closeD2, createD2Renderer } from '../../../src/lib/diagrams/text/render-d2.ts';
import { createGraphvizRenderer } from '../../../src/lib/diagrams/text/render-graphviz.ts';
import { processSvg } from '../../../src/lib/diagrams/pipeline.ts';
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

  it('renders HTML-like labels (tables, bold, line breaks) as themed <text>', async () => {
    const source = [
      'digraph {',
      '  ledger [shape=plain label=<<table border="0" cellborder="1" cellspacing="0"><tr><td><b>Ledger</b></td></tr><tr><td port="d">debit &amp; credit</td></tr></table>>]',
      '  api [label=<API<br/><i>POST /charge</i>>]',
      '  api -> ledger:d',
      '}',
    ].join('\n');
    const out = await dot.render(source);
    expect(textLabels(out.svg)).toEqual(expect.arrayContaining(['Ledger', 'debit & credit', 'API', 'POST /charge']));
    expectThemedAndSelfContained(out.svg);
    expect(out.svg).toMatch(/font-weight="bold"[^>]*>Ledger</);
  });

  it('keeps black text on a shape the author filled, so it stays readable in dark mode', async () => {
    const out = await dot.render('digraph {\n  a [style=filled color=AntiqueWhite label="crash A"]\n  b [label="plain"]\n  a -> b\n}');
    expect(out.svg).toMatch(/<text fill="#000000"[^>]*>crash A<\/text>/);
    expect(out.svg).toMatch(/<text fill="var\(--cb-diagram-fg[^"]*"[^>]*>plain<\/text>/);
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
    // D2 measured its labels with its own fonts; they travel with the SVG, as data.
    expect(out.svg).toMatch(/@font-face\s*\{\s*font-family:\s*d2-\d+-font-[a-z]+;\s*src:\s*url\("?data:application\/font-woff;base64,/);
  });

  it('names the line of a syntax error', async () => {
    const err = await failure(d2.render('a -> b\nb: {\n  shape: hexagonal\n}'));
    expect(err.line).toBe(3);
    expect(err.reason).toContain('hexagonal');
  });

  it('lays out with dagre even when the d2-config asks for ELK (ELK is never loaded)', async () => {
    const out = await d2.render('vars: {\n  d2-config: {\n    layout-engine: elk\n  }\n}\nweb: Web\ndb: Postgres\nweb -> db');
    expect(textLabels(out.svg)).toEqual(expect.arrayContaining(['Web', 'Postgres']));
  });

  it('starts a new engine after the shared one is closed', async () => {
    await closeD2();
    const out = await d2.render('a: Before\nb: After\na -> b');
    expect(textLabels(out.svg)).toEqual(expect.arrayContaining(['Before', 'After']));
  });

  it('renders markdown labels as XHTML inside the safe subset, styled and in site colours', async () => {
    const out = await d2.render('explain: |md\n  # Why\n  Because **bold**, see [docs](https://example.com).\n\n  > quote\n\n  ---\n|');
    const { svg } = processSvg(out.svg, { name: 'md-label', file: 'renderers.test.ts' });
    const label = /<foreignObject\b[^>]*>([\s\S]*?)<\/foreignObject>/.exec(svg)?.[1] ?? '';
    expect(label).toContain('<strong>bold</strong>');
    expect(label.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()).toBe('Why Because bold , see docs . quote');
    // Headings, quotes, rules and links are outside the subset: they arrive as <div>/<span>.
    expect(label).not.toMatch(/<(h1|blockquote|hr|a)\b/);
    expect(svg).not.toMatch(/href="https:\/\/example\.com"/);
    // GitHub's Markdown stylesheet, minus pseudo-elements and form controls, in site colours.
    expect(svg).toContain('--color-fg-default:var(--cb-diagram-fg');
    expect(svg).not.toMatch(/::before|::-webkit|#0A0F25/i);
  });
});

/**
 * Strict line check for the Mermaid subset that beautiful-mermaid renders.
 *
 * Why hand-written: beautiful-mermaid parses line by line with regular expressions and
 * silently skips (or half-reads) any line it does not understand, so a typo would render a
 * diagram with a missing arrow instead of failing. This module mirrors the statement shapes
 * of beautiful-mermaid 1.1's parsers (src/parser.ts, sequence/, class/, er/, xychart/) and
 * reports the first line the renderer would drop, with its line number. If beautiful-mermaid
 * learns new syntax, extend the patterns here (the tests pin every supported shape).
 */
import { TextDiagramError } from './types.ts';

/** Diagram types beautiful-mermaid draws, keyed by how the header names them. */
export const MERMAID_TYPES = [
  'flowchart',
  'sequenceDiagram',
  'stateDiagram',
  'classDiagram',
  'erDiagram',
  'xychart-beta',
] as const;
export type MermaidType = (typeof MERMAID_TYPES)[number];

/** How the supported types are listed in error messages and the README. */
export const MERMAID_TYPES_HELP =
  'flowchart (or graph) TD|TB|LR|RL|BT, sequenceDiagram, stateDiagram-v2, classDiagram, erDiagram, xychart-beta';

interface SourceLine {
  /** 1-based line number inside the fence. */
  number: number;
  text: string;
}

/** Non-blank lines that are not `%%` comments, trimmed, with their line numbers. */
function meaningfulLines(source: string): SourceLine[] {
  return source
    .split('\n')
    .map((text, i) => ({ number: i + 1, text: text.trim() }))
    .filter((l) => l.text.length > 0 && !l.text.startsWith('%%'));
}

function detectType(header: SourceLine): MermaidType {
  const h = header.text;
  if (/^(graph|flowchart)\b/i.test(h)) {
    if (!/^(graph|flowchart)\s+(TD|TB|LR|BT|RL)$/i.test(h)) {
      throw new TextDiagramError(
        'mermaid',
        `expected a flowchart header with a direction, like "flowchart LR" or "graph TD", found "${h}"`,
        header.number,
      );
    }
    return 'flowchart';
  }
  if (/^sequenceDiagram$/i.test(h)) return 'sequenceDiagram';
  if (/^stateDiagram(-v2)?$/i.test(h)) return 'stateDiagram';
  if (/^classDiagram$/i.test(h)) return 'classDiagram';
  if (/^erDiagram$/i.test(h)) return 'erDiagram';
  if (/^xychart(-beta)?(\s+horizontal)?$/i.test(h)) return 'xychart-beta';
  const keyword = h.split(/[\s;:{]/)[0] ?? h;
  throw new TextDiagramError(
    'mermaid',
    `diagram type "${keyword}" is not supported at build time (beautiful-mermaid renders: ${MERMAID_TYPES_HELP})`,
    header.number,
  );
}

// ---- flowchart: mirrors beautiful-mermaid's NODE_PATTERNS / ARROW_REGEX / TEXT_ARROW_REGEX

const NODE_SHAPES: RegExp[] = [
  /^([\w-]+)\(\(\((.+?)\)\)\)/,
  /^([\w-]+)\(\[(.+?)\]\)/,
  /^([\w-]+)\(\((.+?)\)\)/,
  /^([\w-]+)\[\[(.+?)\]\]/,
  /^([\w-]+)\[\((.+?)\)\]/,
  /^([\w-]+)\[\/(.+?)\\\]/,
  /^([\w-]+)\[\\(.+?)\/\]/,
  /^([\w-]+)>(.+?)\]/,
  /^([\w-]+)\{\{(.+?)\}\}/,
  /^([\w-]+)\[(.+?)\]/,
  /^([\w-]+)\((.+?)\)/,
  /^([\w-]+)\{(.+?)\}/,
];
const BARE_NODE = /^([\w-]+)/;
const CLASS_SUFFIX = /^:::[\w][\w-]*/;
const ARROW = /^(<)?(-->|-\.->|==>|---|-\.-|===)(?:\|([^|]*)\|)?/;
const TEXT_ARROW = /^(<)?(--|-\.|==)\s+(.+?)\s+(-->|---|\.->|-\.-|==>|===)/;

interface NodeRef {
  length: number;
  id: string;
  /** The label written in brackets, or undefined for a bare reference. */
  label: string | undefined;
}

/** One node (with optional shape and :::class) at the start of `text`. */
function readNode(text: string): NodeRef | undefined {
  let ref: NodeRef | undefined;
  for (const re of NODE_SHAPES) {
    const m = re.exec(text);
    if (m) {
      ref = { length: m[0].length, id: m[1] ?? '', label: m[2] };
      break;
    }
  }
  if (!ref) {
    const m = BARE_NODE.exec(text);
    if (!m) return undefined;
    ref = { length: m[0].length, id: m[1] ?? '', label: undefined };
  }
  const cls = CLASS_SUFFIX.exec(text.slice(ref.length));
  return cls ? { ...ref, length: ref.length + cls[0].length } : ref;
}

/** `A & B & C` at the start of `text`: the nodes and the length read. */
function readNodeGroup(text: string): { length: number; nodes: NodeRef[] } {
  const first = readNode(text);
  if (!first) return { length: 0, nodes: [] };
  const nodes = [first];
  let used = first.length;
  for (;;) {
    const rest = text.slice(used);
    const amp = /^\s*&\s*/.exec(rest);
    if (!amp) break;
    const next = readNode(rest.slice(amp[0].length));
    if (!next) break;
    nodes.push(next);
    used += amp[0].length + next.length;
  }
  return { length: used, nodes };
}

/** Reads an edge/node line; returns the nodes and what beautiful-mermaid would leave unread. */
function readEdgeLine(line: string): { nodes: NodeRef[]; tail: string } {
  let rest = line.replace(/;\s*$/, '').trim();
  const nodes: NodeRef[] = [];
  const first = readNodeGroup(rest);
  if (first.length === 0) return { nodes, tail: rest };
  nodes.push(...first.nodes);
  rest = rest.slice(first.length).trim();
  while (rest.length > 0) {
    const arrow = ARROW.exec(rest) ?? TEXT_ARROW.exec(rest);
    if (!arrow) return { nodes, tail: rest };
    const afterArrow = rest.slice(arrow[0].length).trim();
    const next = readNodeGroup(afterArrow);
    if (next.length === 0) return { nodes, tail: rest };
    nodes.push(...next.nodes);
    rest = afterArrow.slice(next.length).trim();
  }
  return { nodes, tail: '' };
}

const FLOWCHART_STATEMENTS: RegExp[] = [
  /^classDef\s+\w+\s+.+$/,
  /^class\s+[\w,-]+\s+\w+$/,
  /^style\s+[\w,-]+\s+.+$/,
  /^linkStyle\s+(default|[\d,\s]+)\s+.+$/,
  /^direction\s+(TD|TB|LR|BT|RL)$/i,
  /^subgraph\s+.+$/,
  /^end$/,
];

/**
 * beautiful-mermaid keeps the first label a node gets, where Mermaid uses the last; a label
 * given after a node's first appearance would be dropped, so it is refused.
 */
function checkFlowchart(lines: SourceLine[]): void {
  const labels = new Map<string, string | undefined>();
  for (const line of lines) {
    if (FLOWCHART_STATEMENTS.some((re) => re.test(line.text))) continue;
    const { nodes, tail } = readEdgeLine(line.text);
    if (tail !== '') {
      fail(
        line,
        nodes.length === 0 || tail === line.text.replace(/;\s*$/, '').trim()
          ? `cannot read "${line.text}" (expected a node like A[Label], an edge like A -->|label| B, subgraph/end, classDef, class, style or linkStyle)`
          : `cannot read "${tail}" in "${line.text}" (expected an arrow such as -->, -.->, ==>, --- followed by a node)`,
      );
    }
    for (const node of nodes) {
      if (!labels.has(node.id)) {
        labels.set(node.id, node.label);
      } else if (node.label !== undefined && node.label !== labels.get(node.id)) {
        fail(line, `node ${node.id} gets the label "${node.label}" after its first appearance; the renderer keeps the first, so write ${node.id}[${node.label}] where ${node.id} first appears`);
      }
    }
  }
}

// ---- state diagrams (beautiful-mermaid's parseStateDiagram)

const STATE_STATEMENTS: RegExp[] = [
  /^direction\s+(TD|TB|LR|BT|RL)$/i,
  /^linkStyle\s+(default|[\d,\s]+)\s+.+$/,
  /^state\s+(?:"[^"]+"\s+as\s+)?[\w\p{L}]+\s*\{$/u,
  /^\}$/,
  /^state\s+"[^"]+"\s+as\s+[\w\p{L}]+$/u,
  /^(\[\*\]|[\w\p{L}-]+)\s*-->\s*(\[\*\]|[\w\p{L}-]+)(?:\s*:\s*.+)?$/u,
  /^[\w\p{L}-]+\s*:\s*.+$/u,
];

// ---- sequence diagrams (beautiful-mermaid's parseSequenceDiagram)

const SEQUENCE_STATEMENTS: RegExp[] = [
  /^(participant|actor)\s+\S+?(?:\s+as\s+.+)?$/,
  /^Note\s+(left of|right of|over)\s+[^:]+:\s*.+$/i,
  /^(loop|alt|opt|par|critical|break|rect)\b.*$/,
  /^(else|and)\b.*$/,
  /^end$/,
  /^\S+?\s*(--?>?>|--?[)x]|--?>>|--?>)\s*[+-]?\S+?\s*:\s*.+$/,
];

// ---- class diagrams (beautiful-mermaid's parseClassDiagram)

const CLASS_RELATION =
  /^\S+?\s+(?:"[^"]*?"\s+)?(<\|--|<\|\.\.|\*--|o--|-->|--\*|--o|--\|>|\.\.>|\.\.\|>|<--|<\.\.?|--)\s+(?:"[^"]*?"\s+)?\S+?(?:\s*:\s*.+)?$/;
const CLASS_RELATION_ARROWS = new Set(['<|--', '--|>', '<|..', '..|>', '*--', '--*', 'o--', '--o', '-->', '<--', '..>', '<..', '--']);

function checkClassDiagram(lines: SourceLine[]): void {
  let inClassBody = false;
  let inNamespace = false;
  for (const line of lines) {
    const t = line.text;
    if (inClassBody) {
      if (t === '}') inClassBody = false;
      continue; // beautiful-mermaid reads any line in a class body as a member
    }
    if (/^namespace\s+\S+\s*\{$/.test(t)) {
      inNamespace = true;
      continue;
    }
    if (t === '}' && inNamespace) {
      inNamespace = false;
      continue;
    }
    if (/^class\s+\S+?(?:\s*~\w+~)?\s*\{$/.test(t)) {
      inClassBody = true;
      continue;
    }
    if (/^class\s+\S+?(?:\s*~\w+~)?$/.test(t)) continue;
    if (/^class\s+\S+?\s*\{\s*<<\w+>>\s*\}$/.test(t)) continue;
    const attr = /^\S+?\s*:\s*(.+)$/.exec(t);
    if (attr && !/<\|--|--|\*--|o--|-->|\.\.>|\.\.\|>/.test(attr[1] ?? '')) continue;
    const rel = CLASS_RELATION.exec(t);
    if (rel && CLASS_RELATION_ARROWS.has((rel[1] ?? '').trim())) continue;
    fail(line, `cannot read "${t}" in a class diagram (expected class X { ... }, X : +member, or a relation like A <|-- B : label)`);
  }
  if (inClassBody) fail(lines[lines.length - 1], 'a class body "{" is not closed with "}"');
}

// ---- ER diagrams (beautiful-mermaid's parseErDiagram)

function checkErDiagram(lines: SourceLine[]): void {
  let inEntity = false;
  for (const line of lines) {
    const t = line.text;
    if (inEntity) {
      if (t === '}') inEntity = false;
      else if (!/^\S+\s+\S+(?:\s+.+)?$/.test(t)) {
        fail(line, `cannot read attribute "${t}" (expected "type name [PK|FK|UK] [\\"comment\\"]")`);
      }
      continue;
    }
    if (/^\S+\s*\{$/.test(t)) {
      inEntity = true;
      continue;
    }
    const rel = /^\S+\s+([|o}{]+(?:--|\.\.)[|o}{]+)\s+\S+\s*:\s*.+$/.exec(t);
    if (rel) continue;
    fail(line, `cannot read "${t}" in an ER diagram (expected ENTITY { ... } or a relation like A ||--o{ B : label)`);
  }
  if (inEntity) fail(lines[lines.length - 1], 'an entity body "{" is not closed with "}"');
}

// ---- XY charts (beautiful-mermaid's parseXYChart)

const XYCHART_STATEMENTS: RegExp[] = [
  /^title\s+"[^"]+"/,
  /^x-axis\s+(?:"[^"]*"\s*)?\[[^\]]+\]$/,
  /^x-axis\s+(?:"[^"]*"\s+)?-?\d+(?:\.\d+)?\s*-->\s*-?\d+(?:\.\d+)?$/,
  /^y-axis\s+(?:"[^"]*"\s+)?-?\d+(?:\.\d+)?\s*-->\s*-?\d+(?:\.\d+)?$/,
  /^y-axis\s+"[^"]+"$/,
  /^(bar|line)\s+\[[^\]]+\]$/,
];

/**
 * beautiful-mermaid ignores a label declaration (`participant A as Alice`, `state "Half
 * open" as H`) for an id it has already met in a message or transition; refuse it.
 */
function checkDeclaredBeforeUse(lines: SourceLine[], declaration: RegExp, use: RegExp, what: string): void {
  const used = new Set<string>();
  for (const line of lines) {
    const decl = declaration.exec(line.text);
    if (decl) {
      const id = decl[1] ?? '';
      if (used.has(id)) {
        fail(line, `"${what}" for ${id} comes after ${id} is first used, so the renderer would ignore it; move it above the first line that uses ${id}`);
      }
      used.add(id);
      continue;
    }
    const u = use.exec(line.text);
    if (u) {
      if (u[1]) used.add(u[1]);
      if (u[2]) used.add(u[2]);
    }
  }
}

function fail(line: SourceLine | undefined, reason: string): never {
  throw new TextDiagramError('mermaid', reason, line?.number);
}

function checkEachLine(lines: SourceLine[], statements: RegExp[], what: string, expected: string): void {
  for (const line of lines) {
    if (!statements.some((re) => re.test(line.text))) {
      fail(line, `cannot read "${line.text}" in a ${what} (expected ${expected})`);
    }
  }
}

/**
 * Checks Mermaid source against what beautiful-mermaid will draw and returns the diagram
 * type. Throws `TextDiagramError` (with the line inside the fence) for an unsupported type
 * or a line the renderer would silently skip.
 */
export function checkMermaidSource(source: string): MermaidType {
  const lines = meaningfulLines(source);
  const header = lines[0];
  if (!header) throw new TextDiagramError('mermaid', 'the diagram is empty', 1);
  if (header.text === '---') {
    fail(header, 'Mermaid front matter (--- ... ---) is not supported; put the caption in the fence meta instead, e.g. ```mermaid title="Charge flow"');
  }
  const type = detectType(header);
  const body = lines.slice(1);
  switch (type) {
    case 'flowchart':
      checkFlowchart(body);
      break;
    case 'stateDiagram':
      checkEachLine(body, STATE_STATEMENTS, 'state diagram', 'A --> B : label, [*] --> A, A : description, state "Label" as A, or state X { ... }');
      checkDeclaredBeforeUse(body, /^state\s+"[^"]+"\s+as\s+([\w\p{L}]+)$/u, /^(\[\*\]|[\w\p{L}-]+)\s*-->\s*(\[\*\]|[\w\p{L}-]+)/u, 'state "Label" as');
      break;
    case 'sequenceDiagram':
      checkEachLine(body, SEQUENCE_STATEMENTS, 'sequence diagram', 'participant/actor, a message like A->>B: text, Note over A: text, loop/alt/opt/par/critical/break/rect ... end');
      checkDeclaredBeforeUse(body, /^(?:participant|actor)\s+(\S+?)(?:\s+as\s+.+)?$/, /^(\S+?)\s*(?:--?>?>|--?[)x]|--?>>|--?>)\s*[+-]?(\S+?)\s*:/, 'participant ... as');
      break;
    case 'classDiagram':
      checkClassDiagram(body);
      break;
    case 'erDiagram':
      checkErDiagram(body);
      break;
    case 'xychart-beta':
      checkEachLine(body, XYCHART_STATEMENTS, 'xychart', 'title "..", x-axis [..], y-axis "..", bar [..] or line [..]');
      break;
  }
  return type;
}

/**
 * Splits an MDX file into frontmatter and body and parses the frontmatter with positions.
 *
 * Uses the `yaml` package (not a regex or Astro's parser) because it keeps the source range of
 * every key, so a problem in `metrics[1].label` can be reported on the line where that label
 * is written, and it reports every YAML syntax error with its line instead of stopping at
 * the first. The `timestamp` tag is enabled so unquoted dates become Date objects, as they do
 * in Astro's own frontmatter parser (js-yaml).
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { blankFrontmatter, frontmatterBlock } from '../../lib/frontmatter.ts';

export interface ParsedFrontmatter {
  /** Whether the file starts with a `---` fenced frontmatter block. */
  present: boolean;
  /** The frontmatter as plain data (undefined when absent or when it has syntax errors). */
  data: unknown;
  /** YAML syntax errors with their line/column in the whole file. */
  syntaxErrors: { line: number; column: number; message: string }[];
  /** The body with the frontmatter replaced by blank lines, so body line numbers match the file. */
  body: string;
  /** The file line where the value at `path` (or its nearest existing parent) is written. */
  lineOf(path: readonly PropertyKey[]): number;
  /** The text of the scalar at `path` as written in the file (before YAML typing), if any. */
  sourceOf(path: readonly PropertyKey[]): string | undefined;
}

export function parseFrontmatter(source: string): ParsedFrontmatter {
  const fm = frontmatterBlock(source);
  if (!fm) {
    return { present: false, data: undefined, syntaxErrors: [], body: source, lineOf: () => 1, sourceOf: () => undefined };
  }
  const yamlText = fm.yaml;
  // The YAML starts on line 2 of the file (line 1 is the opening ---).
  const firstYamlLine = 2;
  const body = blankFrontmatter(source);

  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, customTags: ['timestamp'], prettyErrors: true });
  const syntaxErrors = doc.errors.map((error) => ({
    line: (error.linePos?.[0]?.line ?? 1) + firstYamlLine - 1,
    column: error.linePos?.[0]?.col ?? 1,
    message: firstLine(error.message),
  }));
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstYamlLine - 1;

  return {
    present: true,
    data: syntaxErrors.length > 0 ? undefined : (doc.toJS() ?? {}),
    syntaxErrors,
    body,
    lineOf: (path) => lineOfPath(doc, path, lineAt),
    sourceOf: (path) => {
      const node = doc.getIn(path as PropertyKey[] as (string | number)[], true);
      return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
    },
  };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** Walks the YAML tree along `path`; returns the line of the deepest key/item found (line 1 if none). */
function lineOfPath(doc: Document, path: readonly PropertyKey[], lineAt: (offset: number) => number): number {
  let line = 1;
  let node: unknown = doc.contents;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => keyName(p.key) === String(segment));
      if (!pair) break;
      const range = rangeOf(pair.key) ?? rangeOf(pair.value);
      if (range) line = lineAt(range[0]);
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      const range = rangeOf(item);
      if (!range) break;
      line = lineAt(range[0]);
      node = item;
    } else {
      break;
    }
  }
  return line;
}

function keyName(key: unknown): string | undefined {
  if (key && typeof key === 'object' && 'value' in key) return String((key as { value: unknown }).value);
  return key === null || key === undefined ? undefined : String(key);
}

function rangeOf(node: unknown): readonly [number, number, number] | undefined {
  if (node && typeof node === 'object' && 'range' in node) {
    return (node as { range?: [number, number, number] }).range;
  }
  return undefined;
}

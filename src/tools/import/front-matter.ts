/**
 * Reads the front matter other generators write: YAML between `---` lines (Jekyll, Hugo,
 * Docusaurus, Astro, Next) or TOML between `+++` lines (Hugo), with the line each key is on.
 */
import { parse as parseToml } from 'smol-toml';
import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';

export interface SourceFrontMatter {
  kind: 'yaml' | 'toml' | 'none';
  data: Record<string, unknown>;
  /** 1-based file line of each top-level key. */
  lines: Record<string, number>;
  /** The body after the front matter. */
  body: string;
  /** The file line the body starts on. */
  bodyLine: number;
  error?: string;
}

const BLOCK = /^(---|\+\+\+)[ \t]*\r?\n([\s\S]*?)\r?\n\1[ \t]*(?:\r?\n|$)/;

export function readFrontMatter(source: string): SourceFrontMatter {
  const text = source.replace(/^\uFEFF/, '');
  const match = BLOCK.exec(text);
  if (!match) return { kind: 'none', data: {}, lines: {}, body: text, bodyLine: 1 };
  const inner = match[2] ?? '';
  const body = text.slice(match[0].length);
  const bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 0 : 1);
  if (match[1] === '+++') {
    const lines: Record<string, number> = {};
    inner.split('\n').forEach((l, i) => {
      const key = /^([A-Za-z_][\w-]*)\s*=/.exec(l)?.[1];
      if (key && !(key in lines)) lines[key] = i + 2;
    });
    try {
      return { kind: 'toml', data: parseToml(inner) as Record<string, unknown>, lines, body, bodyLine };
    } catch (error) {
      return { kind: 'toml', data: {}, lines, body, bodyLine, error: (error as Error).message.split('\n')[0]! };
    }
  }
  const counter = new LineCounter();
  const doc = parseDocument(inner, { lineCounter: counter });
  if (doc.errors.length > 0) return { kind: 'yaml', data: {}, lines: {}, body, bodyLine, error: doc.errors[0]!.message.split('\n')[0]! };
  const lines: Record<string, number> = {};
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.range) lines[String(pair.key.value)] = counter.linePos(pair.key.range[0]).line + 1;
    }
  }
  const data = doc.toJS() as unknown;
  return { kind: 'yaml', data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {}, lines, body, bodyLine };
}

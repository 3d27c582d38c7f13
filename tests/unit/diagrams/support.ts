/**
 * Shared helpers for the diagram pipeline tests: fixture loading and a tiny XML walk over
 * the pipeline's output (htmlparser2 in XML mode), so assertions look at elements and
 * attributes rather than at substrings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'htmlparser2';
import { processSvg, type ProcessedDiagram } from '../../../src/lib/diagrams/pipeline.ts';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/diagrams');

export function fixture(file: string): string {
  return readFileSync(join(FIXTURES, file), 'utf8');
}

export function processFixture(file: string, name = file.replace(/\.svg$/, '')): ProcessedDiagram {
  return processSvg(fixture(file), { name, file: `diagrams/${file}` });
}

export interface Element {
  name: string;
  attribs: Record<string, string>;
  text: string;
}

interface DomNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  data?: string;
  children?: DomNode[];
}

/** Every element of an SVG string, in document order. */
export function elements(svg: string): Element[] {
  const out: Element[] = [];
  const textOf = (n: DomNode): string =>
    n.type === 'text' || n.type === 'cdata' ? (n.data ?? '') : (n.children ?? []).map(textOf).join('');
  const walk = (n: DomNode): void => {
    if (n.type === 'tag' || n.type === 'script' || n.type === 'style') {
      out.push({ name: n.name ?? '', attribs: n.attribs ?? {}, text: textOf(n) });
    }
    for (const c of n.children ?? []) walk(c);
  };
  walk(parseDocument(svg, { xmlMode: true }) as unknown as DomNode);
  return out;
}

/** All ids defined, and all ids referenced (url(#x), href="#x", aria-*), in one SVG. */
export function idsAndReferences(svg: string): { ids: string[]; refs: string[] } {
  const ids: string[] = [];
  const refs: string[] = [];
  for (const el of elements(svg)) {
    for (const [attr, value] of Object.entries(el.attribs)) {
      if (attr === 'id') ids.push(value);
      else if (attr === 'href' || attr === 'xlink:href') {
        if (value.startsWith('#')) refs.push(value.slice(1));
      } else if (attr.startsWith('aria-') && /labelledby|describedby/.test(attr)) refs.push(...value.split(/\s+/));
      for (const m of value.matchAll(/url\(\s*['"]?#([^'")]+)/g)) refs.push(m[1] ?? '');
    }
    if (el.name === 'style') for (const m of el.text.matchAll(/url\(\s*['"]?#([^'")]+)/g)) refs.push(m[1] ?? '');
  }
  return { ids, refs };
}

/**
 * The attack corpus: every vector of the public suites in tests/fixtures/diagrams/attack-suites
 * (see MANIFEST.md there for provenance and licences) and our own, as SVG files an author
 * could drop into diagrams/.
 *
 * A payload that is a whole SVG document is used as it is. A fragment (most suites test HTML
 * sanitisers, so their payloads are snippets) is placed inside an `<svg>` root, which is how
 * it would reach us. svg-hush's test file is used whole and also one top-level element at a
 * time, so that one refused element does not hide what the others would do.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'htmlparser2';

export const SUITES_DIR = join(import.meta.dirname, '../../../tests/fixtures/diagrams/attack-suites');

export interface AttackVector {
  /** Unique, usable as a diagram name: `<suite>-<n>`. */
  id: string;
  suite: 'dompurify' | 'h5sc' | 'svg-hush' | 'casebook';
  title: string;
  svg: string;
}

const ROOT_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 100">';

/** A payload as the SVG file it would arrive in. */
export function asSvgFile(payload: string): string {
  const trimmed = payload.trim();
  const whole = /^(?:<\?xml[^>]*\?>\s*)?(?:<!DOCTYPE[^>]*(?:\[[\s\S]*?\])?\s*>\s*)?<svg[\s>]/i.test(trimmed) && /<\/svg>$/i.test(trimmed);
  return whole ? trimmed : `${ROOT_OPEN}${payload}</svg>`;
}

interface JsonSuite<V> { vectors: V[] }

const readJson = <V>(file: string): JsonSuite<V> => JSON.parse(readFileSync(join(SUITES_DIR, file), 'utf8')) as JsonSuite<V>;

/** svg-hush's test file, whole and split into its root's top-level children. */
function svgHushVectors(): AttackVector[] {
  const text = readFileSync(join(SUITES_DIR, 'svg-hush-test.xml'), 'utf8');
  const out: AttackVector[] = [{ id: 'svg-hush-0', suite: 'svg-hush', title: 'tests/test.xml (whole file)', svg: text }];
  const doc = parseDocument(text, { xmlMode: true, withStartIndices: true, withEndIndices: true });
  const root = doc.children.find((n) => n.type === 'tag');
  if (!root || !('children' in root)) return out;
  for (const child of root.children) {
    if (child.type === 'text' || child.startIndex === null || child.endIndex === null) continue;
    const piece = text.slice(child.startIndex, child.endIndex + 1);
    out.push({ id: `svg-hush-${out.length}`, suite: 'svg-hush', title: piece.slice(0, 70), svg: `${ROOT_OPEN}${piece}</svg>` });
  }
  return out;
}

export function attackCorpus(): AttackVector[] {
  const dompurify = readJson<{ title: string; payload: string }>('dompurify-svg.json').vectors
    .map((v, i): AttackVector => ({ id: `dompurify-${i + 1}`, suite: 'dompurify', title: v.title, svg: asSvgFile(v.payload) }));
  const h5sc = readJson<string>('h5sc-svg.json').vectors
    .map((v, i): AttackVector => ({ id: `h5sc-${i + 1}`, suite: 'h5sc', title: v.slice(0, 70), svg: asSvgFile(v) }));
  const own = readJson<{ target: string; title: string; svg: string }>('casebook-own.json').vectors
    .map((v, i): AttackVector => ({ id: `casebook-${i + 1}`, suite: 'casebook', title: `${v.target}: ${v.title}`, svg: v.svg }));
  return [...dompurify, ...h5sc, ...svgHushVectors(), ...own];
}

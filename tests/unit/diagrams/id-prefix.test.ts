/**
 * Short id prefixes (src/lib/diagrams/id-prefix.ts) and their allocation over a site's
 * diagrams (catalogue.ts): deterministic, never shared by two diagrams, longer only where
 * codes collide; what a stylesheet selects by id keeps matching.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fenceNamesInText, lengthenedPrefixes, siteDiagramNames, sitePrefix } from '../../../src/lib/diagrams/catalogue.ts';
import { allocateIdPrefixes, ID_PREFIX, idPrefix, prefixCode, SHORT_PREFIX_LENGTH } from '../../../src/lib/diagrams/id-prefix.ts';
import { processSvg } from '../../../src/lib/diagrams/pipeline.ts';
import { elements, idsAndReferences } from './support.ts';

/** Two names whose 3-character codes are equal (found by trying diagram-0, diagram-1, ...). */
const COLLIDING = ['diagram-173', 'diagram-245'] as const;

describe('id prefix codes', () => {
  it('are an upper-case letter then letters and digits, the same on every call, longer ones extending shorter ones', () => {
    const code = idPrefix('checkout-flow');
    expect(code).toMatch(/^[A-Z][A-Za-z0-9]{2}$/);
    expect(code).toHaveLength(SHORT_PREFIX_LENGTH);
    expect(idPrefix('checkout-flow')).toBe(code);
    expect(prefixCode('checkout-flow', 6).startsWith(code)).toBe(true);
    expect(idPrefix('checkout-flows')).not.toBe(code);
    // Never a page id: names, heading slugs and `<name>-figcaption` are lower case.
    expect(code).not.toBe(code.toLowerCase());
  });

  it('the colliding pair used below really shares its 3-character code', () => {
    expect(idPrefix(COLLIDING[0])).toBe(idPrefix(COLLIDING[1]));
  });
});

describe('allocating prefixes over a site', () => {
  it('gives every name its 3-character code when no other shares it', () => {
    const prefixes = allocateIdPrefixes(['alpha', 'beta', 'checkout-flow']);
    for (const name of ['alpha', 'beta', 'checkout-flow']) expect(prefixes.get(name)).toBe(idPrefix(name));
  });

  it('lengthens both names of a collision until they differ, and only them', () => {
    const prefixes = allocateIdPrefixes([...COLLIDING, 'alpha']);
    const a = prefixes.get(COLLIDING[0]) ?? '';
    const b = prefixes.get(COLLIDING[1]) ?? '';
    expect(a).not.toBe(b);
    expect(a.length).toBeGreaterThan(SHORT_PREFIX_LENGTH);
    expect(a).toBe(prefixCode(COLLIDING[0], a.length));
    expect(b).toBe(prefixCode(COLLIDING[1], b.length));
    expect(prefixes.get('alpha')).toBe(idPrefix('alpha'));
  });

  it('never gives two of 5,000 names the same prefix, whatever the order they come in', () => {
    const names = Array.from({ length: 5000 }, (_, i) => `study-${i}-mermaid-${i % 7}`);
    const prefixes = allocateIdPrefixes(names);
    const values = names.map((n) => prefixes.get(n) ?? '');
    expect(new Set(values).size).toBe(names.length);
    for (const v of values) expect(v).toMatch(ID_PREFIX);
    // Among 5,000 names some 3-character codes collide; most names still get 3 characters.
    expect(values.some((v) => v.length > SHORT_PREFIX_LENGTH)).toBe(true);
    expect(values.filter((v) => v.length === SHORT_PREFIX_LENGTH).length).toBeGreaterThan(4500);
    const reversed = allocateIdPrefixes([...names].reverse());
    for (const n of names) expect(reversed.get(n)).toBe(prefixes.get(n));
  });
});

describe('the names a site can have', () => {
  it('reads fence names from a document, in lists, quotes and either fence, with default names per language', () => {
    const text = [
      '# A study', '',
      '```mermaid title="Flow" name="charge-flow"', 'graph TD; A-->B', '```', '',
      '- item', '  ~~~D2', '  a -> b', '  ~~~', '',
      '> ```dot', '> digraph { a -> b }', '> ```', '',
      '```graphviz NAME=\'retry-loop\'', 'digraph { a }', '```', '',
      '```ts', 'const x = 1;', '```',
    ].join('\n');
    const names = fenceNamesInText('my-study', text);
    for (const n of ['charge-flow', 'my-study-mermaid-1', 'my-study-d2-1', 'my-study-dot-1', 'my-study-dot-2', 'retry-loop']) expect(names).toContain(n);
    expect(names.some((n) => n.includes('ts'))).toBe(false);
  });

  it('holds the files of diagrams/ and the fences of every case study', () => {
    const root = siteWith({ files: ['alpha', 'checkout-flow'], studies: { 'one.mdx': '```mermaid name="charge-flow"\ngraph TD\n```\n\n```d2\na\n```\n' } });
    const names = siteDiagramNames(root);
    for (const n of ['alpha', 'checkout-flow', 'charge-flow', 'one-mermaid-1', 'one-d2-1']) expect(names.has(n)).toBe(true);
  });

  it('allocates over all of them: a file and a fence whose codes collide get different prefixes, and share no id on one page', () => {
    const [file, fence] = COLLIDING;
    const root = siteWith({ files: [file], studies: { 'two.mdx': `\`\`\`mermaid name="${fence}"\ngraph TD\n\`\`\`\n` } });
    const p1 = sitePrefix(file, root);
    const p2 = sitePrefix(fence, root);
    expect(p1).not.toBe(p2);
    expect(sitePrefix(file, root)).toBe(p1);
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>t</title><defs><marker id="arrow"><path d="M0 0h1"/></marker></defs><path d="M0 0h5" marker-end="url(#arrow)"/></svg>';
    const a = processSvg(svg, { name: file, idPrefix: p1, file: 'diagrams/a.svg' });
    const b = processSvg(svg, { name: fence, idPrefix: p2, file: 'two.mdx:1' });
    const idsA = idsAndReferences(a.svg).ids;
    expect(idsA.filter((id) => idsAndReferences(b.svg).ids.includes(id))).toEqual([]);
    expect(a.idPrefix).toBe(p1);
  });

  it('a name the site does not have yet is allocated as if it were added', () => {
    const root = siteWith({ files: [COLLIDING[0]], studies: {} });
    const known = sitePrefix(COLLIDING[0], root);
    expect(known).toBe(idPrefix(COLLIDING[0]));
    const added = sitePrefix(COLLIDING[1], root);
    expect(added).not.toBe(known);
    expect(added.length).toBeGreaterThan(SHORT_PREFIX_LENGTH);
  });
});

describe('what a stylesheet selects by id', () => {
  it('keeps matching: the selector, the url() and the element carry the same prefixed id', () => {
    const source = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><title>t</title>' +
      '<style>#start{fill:red} .edge{marker-end:url(#head)}</style>' +
      '<defs><marker id="head"><path d="M0 0h1"/></marker><linearGradient id="unused-by-css"><stop offset="0"/></linearGradient></defs>' +
      '<rect id="start" width="9" height="9"/><path class="edge" d="M0 0h50"/><rect fill="url(#unused-by-css)" width="5" height="5"/></svg>';
    const out = processSvg(source, { name: 'css-ids', file: 'diagrams/css-ids.svg' });
    const css = elements(out.svg).find((e) => e.name === 'style')?.text ?? '';
    const ids = elements(out.svg).map((e) => e.attribs.id).filter(Boolean);
    expect(css).toContain(`#${out.idPrefix}-start{fill:red}`);
    expect(css).toContain(`url(#${out.idPrefix}-head)`);
    expect(ids).toContain(`${out.idPrefix}-start`);
    expect(ids).toContain(`${out.idPrefix}-head`);
    expect(ids[0]).toBe(out.idPrefix);
    const { ids: all, refs } = idsAndReferences(out.svg);
    for (const ref of refs) expect(all).toContain(ref);
  });
});

function siteWith(site: { files: readonly string[]; studies: Record<string, string> }): string {
  const root = mkdtempSync(join(tmpdir(), 'casebook-prefix-'));
  mkdirSync(join(root, 'diagrams'));
  for (const f of site.files) writeFileSync(join(root, 'diagrams', `${f}.svg`), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>');
  mkdirSync(join(root, 'content', 'case-studies'), { recursive: true });
  for (const [f, text] of Object.entries(site.studies)) writeFileSync(join(root, 'content', 'case-studies', f), `---\ntitle: x\n---\n${text}`);
  return root;
}

describe('what a cache of compiled pages must know', () => {
  it('lists only the names a collision lengthened, so an unrelated new fence changes nothing', () => {
    const plain = siteWith({ files: ['alpha'], studies: { 'one.mdx': '```mermaid name="beta"\ngraph TD\n```\n' } });
    expect(lengthenedPrefixes(plain)).toBe('');
    const [file, fence] = COLLIDING;
    const collided = siteWith({ files: [file], studies: { 'one.mdx': `\`\`\`mermaid name="${fence}"\ngraph TD\n\`\`\`\n` } });
    expect(lengthenedPrefixes(collided)).toBe(`${file}=${sitePrefix(file, collided)}\n${fence}=${sitePrefix(fence, collided)}`);
  });
});

/**
 * Bounds: a huge or hostile diagram is refused with a message naming the file (never a bare
 * TypeError or stack overflow), and the limits can be configured.
 */
import { describe, expect, it } from 'vitest';
import { DiagramError } from '../../../src/lib/diagrams/errors.ts';
import { processSvg } from '../../../src/lib/diagrams/pipeline.ts';
import { DEFAULT_LIMITS, resolveLimits, scanMarkup } from '../../../src/lib/diagrams/safety/bounds.ts';

const SVG = 'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"';

function refusal(source: string, limits = {}): DiagramError {
  try {
    processSvg(source, { name: 'big', file: 'diagrams/big.svg', limits });
  } catch (e) {
    if (e instanceof DiagramError) return e;
    throw new Error(`expected a DiagramError, got ${String(e)}`);
  }
  throw new Error('expected the diagram to be refused');
}

describe('scanMarkup', () => {
  it('counts elements and depth, skipping comments, CDATA, PIs, the DOCTYPE and quoted ">"', () => {
    const text = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "<g><g>">]><svg a="x>y"><!-- <g><g> --><g><![CDATA[<g>]]><rect/></g><g/></svg>`;
    expect(scanMarkup(text)).toEqual({ elements: 4, maxDepth: 2, maxChildren: 2 });
  });
});

describe('limits', () => {
  it('100,000 nested <g> fail with the depth and the file, not a stack overflow', () => {
    const source = `<svg ${SVG}>\n${'<g>'.repeat(100_000)}${'</g>'.repeat(100_000)}</svg>`;
    const e = refusal(source);
    expect(e.message).toMatch(/^diagrams\/big\.svg:2: elements nested 100,001 deep, over the 256 limit; expected flatter groups \(or raise CASEBOOK_DIAGRAM_MAX_DEPTH\)$/);
  });

  it('80,000 <rect>s side by side (95 s in svgo before) are refused at once, saying how to group them', () => {
    const source = `<svg ${SVG}><title>t</title>${'<rect width="1" height="1"/>'.repeat(80_000)}</svg>`;
    expect(refusal(source).message).toBe(
      'diagrams/big.svg: 80,001 elements side by side in one group, over the 5,000 limit (the optimiser slows down quadratically with them); expected the shapes grouped in <g> elements of at most 5,000 (or raise CASEBOOK_DIAGRAM_MAX_CHILDREN)',
    );
  });

  it('the same 80,000 shapes in groups pass the bounds (only the element limit applies)', () => {
    const groups = Array.from({ length: 20 }, () => `<g>${'<rect/>'.repeat(4_000)}</g>`).join('');
    expect(scanMarkup(`<svg>${groups}</svg>`)).toEqual({ elements: 80_021, maxDepth: 2, maxChildren: 4_000 });
  });

  it('too many elements, and a file over the size limit, are refused before svgo runs', () => {
    const many = `<svg ${SVG}>${'<g><rect/></g>'.repeat(1_001)}</svg>`;
    expect(refusal(many, { maxElements: 2_000 }).message).toBe(
      'diagrams/big.svg: 2,003 elements, over the 2,000 limit; expected a simpler diagram, e.g. split in several (or raise CASEBOOK_DIAGRAM_MAX_ELEMENTS)',
    );
    expect(refusal(`<svg ${SVG}><desc>${'x'.repeat(2 * 1024 * 1024)}</desc></svg>`, { maxBytes: 1024 * 1024 }).message)
      .toMatch(/^diagrams\/big\.svg: 2\.0 MiB, over the 1\.0 MiB limit/);
  });

  it('a time budget: a diagram that takes longer fails with its stage', () => {
    const e = refusal(`<svg ${SVG}><title>t</title>${'<rect width="1" height="1"/>'.repeat(300)}</svg>`, { timeBudgetMs: 0.001 });
    expect(e.message).toMatch(/^diagrams\/big\.svg: took \d+\.\d s by the end of optimisation, over the 0 s budget/);
  });

  it('are configurable through the environment, and a bad value is named', () => {
    expect(resolveLimits({}, { CASEBOOK_DIAGRAM_MAX_DEPTH: '32' }).maxDepth).toBe(32);
    expect(resolveLimits({ maxDepth: 8 }, { CASEBOOK_DIAGRAM_MAX_DEPTH: '32' }).maxDepth).toBe(8);
    expect(resolveLimits({}, {})).toEqual(DEFAULT_LIMITS);
    expect(() => resolveLimits({}, { CASEBOOK_DIAGRAM_MAX_BYTES: 'lots' })).toThrow('CASEBOOK_DIAGRAM_MAX_BYTES: "lots"; expected a positive number');
  });
});

describe('unexpected input never surfaces as a bare exception', () => {
  it('a CSS quirk in style= (`a:b` in backticks) is removed with a warning naming the file', () => {
    const out = processSvg(`<svg ${SVG}><title>t</title><rect width="9" height="9" style="\`a:b\`"/></svg>`, { name: 'q', file: 'diagrams/q.svg' });
    expect(out.warnings.some((w) => w.startsWith('diagrams/q.svg') && w.includes('unparseable CSS'))).toBe(true);
    expect(out.svg).not.toContain('`');
  });

  it('anything else unexpected is wrapped as "could not process <file>: ..."', () => {
    const e = refusal(`<svg ${SVG}><title>t</title></svg>`, { get maxDepth(): number { throw new TypeError('boom'); } });
    expect(e.message).toBe('could not process diagrams/big.svg: TypeError: boom');
  });
});

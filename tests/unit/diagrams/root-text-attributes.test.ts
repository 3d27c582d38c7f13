/**
 * Label attributes said once (src/lib/diagrams/root-text-attributes.ts): moved to one group
 * only where no CSS, no other element and no relative unit could tell; Excalidraw's default
 * baseline, idle `white-space:pre` and a `<defs>` holding only the stylesheet dropped under
 * the same rule. Pixels are checked on the real exports (real-exports.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { processSvg } from '../../../src/lib/diagrams/pipeline.ts';
import { elements } from './support.ts';

const SVG = 'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"';
const run = (body: string, root = SVG) => processSvg(`<svg ${root}><title>t</title>${body}</svg>`, { name: 'labels', file: 'diagrams/labels.svg' });

const LABELS = '<rect width="50" height="20" fill="#eee"/>' +
  '<text x="1" y="10" font-family="sans-serif" font-size="13" text-anchor="middle">A</text>' +
  '<text x="1" y="30" font-family="sans-serif" font-size="13" text-anchor="middle">B</text>' +
  '<text x="1" y="50" font-family="monospace" font-size="13" text-anchor="middle">C</text>';

describe('shared label attributes', () => {
  it('move to one group around the drawing; a label with another value keeps its own', () => {
    const out = run(LABELS);
    const els = elements(out.svg);
    const group = els.find((e) => e.name === 'g');
    expect(group?.attribs).toMatchObject({ 'font-family': 'sans-serif', 'font-size': '13', 'text-anchor': 'middle' });
    const texts = els.filter((e) => e.name === 'text');
    expect(texts.map((t) => t.attribs['font-family'])).toEqual([undefined, undefined, 'monospace']);
    expect(texts.every((t) => t.attribs['font-size'] === undefined)).toBe(true);
    // Not on the root: the figure's CSS resets the inline root's font.
    expect(els[0]?.attribs['font-family']).toBeUndefined();
    // The accessible name stays the root's first child.
    expect(els[1]?.name).toBe('title');
    expect(out.bytesOut).toBeLessThan(run(LABELS.replace(/font-family="sans-serif"/, 'font-family="serif"').replace(/font-size="13"/, 'font-size="12"')).bytesOut + 1);
  });

  it('stay on the labels when CSS could tell: a rule or a style attribute setting the property', () => {
    const ruled = run(`<style>svg{font-family:serif}</style>${LABELS}`);
    expect(elements(ruled.svg).filter((e) => e.name === 'text').map((t) => t.attribs['font-family'])).toEqual(['sans-serif', 'sans-serif', 'monospace']);
    const styled = run(LABELS.replace('<rect', '<rect style="font:12px serif"'));
    expect(elements(styled.svg).filter((e) => e.name === 'text').every((t) => t.attribs['font-family'] !== undefined)).toBe(true);
  });

  it('stay when a label lacks one, another element carries one, or a selector below the root could change', () => {
    const lacking = run(LABELS.replace('font-family="monospace" ', ''));
    expect(elements(lacking.svg).filter((e) => e.name === 'text').map((t) => t.attribs['font-family'])).toEqual(['sans-serif', 'sans-serif', undefined]);
    const onGroup = run(`<g font-family="serif"><rect width="5" height="5"/></g>${LABELS}`);
    expect(elements(onGroup.svg).filter((e) => e.name === 'text').map((t) => t.attribs['font-family'])).toEqual(['sans-serif', 'sans-serif', 'monospace']);
    const selected = run(`<style>svg > rect{fill:red}</style>${LABELS}`);
    expect(elements(selected.svg).filter((e) => e.name === 'text').every((t) => t.attribs['font-size'] === '13')).toBe(true);
  });

  it('font-size stays when a length is in em or a label size is relative', () => {
    const em = run(LABELS.replace('<rect width="50"', '<rect stroke="#000" stroke-width=".1em" width="50"'));
    expect(elements(em.svg).filter((e) => e.name === 'text').every((t) => t.attribs['font-size'] === '13')).toBe(true);
    expect(elements(em.svg).find((e) => e.name === 'g')?.attribs['font-family']).toBe('sans-serif');
    const relative = run(LABELS.replace(/font-size="13"/g, 'font-size="120%"'));
    expect(elements(relative.svg).filter((e) => e.name === 'text').every((t) => t.attribs['font-size'] === '120%')).toBe(true);
  });

  it('leave a diagram with HTML labels as it is', () => {
    const out = run(`${LABELS}<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>`);
    expect(elements(out.svg).filter((e) => e.name === 'text').every((t) => t.attribs['font-family'] !== undefined)).toBe(true);
  });
});

describe('what draws nothing different (Excalidraw)', () => {
  const excalidraw = '<defs><style>@font-face{font-family:Virgil;src:url(data:font/woff2;base64,d09GMgABAAAAAA)}</style></defs>' +
    '<text x="5" y="20" dominant-baseline="alphabetic" font-family="Virgil" style="white-space:pre">L-&gt;M</text>' +
    '<text x="5" y="40" dominant-baseline="alphabetic" font-family="Virgil" style="white-space:pre">two  words</text>';

  it('drops the default baseline, white-space:pre where there is no white space, and the <defs> around the lone <style>', () => {
    const out = run(excalidraw);
    const els = elements(out.svg);
    const texts = els.filter((e) => e.name === 'text');
    expect(texts.map((t) => t.attribs['dominant-baseline'])).toEqual([undefined, undefined]);
    expect(texts.map((t) => t.attribs.style)).toEqual([undefined, 'white-space:pre']);
    expect(els.some((e) => e.name === 'defs')).toBe(false);
    expect(els.find((e) => e.name === 'style')?.text).toContain('@font-face');
  });

  it('keeps them when something else sets a baseline, or an attribute selector could read style', () => {
    const other = run(`<g dominant-baseline="central"><rect width="5" height="5"/></g>${excalidraw}`);
    expect(elements(other.svg).filter((e) => e.name === 'text').every((t) => t.attribs['dominant-baseline'] === 'alphabetic')).toBe(true);
    const attr = run(excalidraw.replace('@font-face', '[style]{fill:red}@font-face'));
    expect(elements(attr.svg).filter((e) => e.name === 'text').every((t) => t.attribs.style === 'white-space:pre')).toBe(true);
  });
});

/**
 * The sanitiser against hostile SVGs: what reaches dist/ is inert, each removal is reported
 * with file and line, and the hazards we refuse fail with a one-line DiagramError.
 */
import { describe, expect, it } from 'vitest';
import { DiagramError } from '../../../src/lib/diagrams/errors.ts';
import { processSvg } from '../../../src/lib/diagrams/pipeline.ts';
import { elements, fixture, processFixture } from './support.ts';

function thrown(fn: () => unknown): DiagramError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DiagramError) return e;
    throw e;
  }
  throw new Error('expected a DiagramError, nothing was thrown');
}

describe('strip and warn: active content a static picture never needs', () => {
  const out = processFixture('hostile-script.svg');
  const els = elements(out.svg);

  it('removes <script>, <iframe> and href-rewriting <set>', () => {
    expect(els.map((e) => e.name)).not.toContain('script');
    expect(els.map((e) => e.name)).not.toContain('iframe');
    expect(els.map((e) => e.name)).not.toContain('set');
    expect(out.svg).not.toMatch(/alert|evil\.example/);
  });

  it('removes every on* attribute, whatever its case', () => {
    for (const el of els) for (const attr of Object.keys(el.attribs)) expect(attr.toLowerCase()).not.toMatch(/^on/);
  });

  it('removes javascript: (even with an embedded tab) and data:text/html links, keeps https links', () => {
    const hrefs = els.flatMap((e) => [e.attribs.href, e.attribs['xlink:href']]).filter((h) => h !== undefined);
    expect(hrefs).toEqual(['https://example.com/docs']);
    // The link text stays: only the dangerous target goes.
    expect(els.filter((e) => e.name === 'text').map((e) => e.text)).toEqual(
      expect.arrayContaining(['click me', 'and me', 'data html', 'docs']),
    );
  });

  it('says what it removed, with the file and line', () => {
    expect(out.warnings.some((w) => w.startsWith('diagrams/hostile-script.svg:3: <script>'))).toBe(true);
    expect(out.warnings.some((w) => /:5: <rect onclick>: removed an event handler/.test(w))).toBe(true);
    expect(out.warnings.some((w) => /:1: <svg onload>/.test(w))).toBe(true);
    expect(out.warnings.some((w) => /<a href>.*javascript:/.test(w))).toBe(true);
    expect(out.warnings.some((w) => /<iframe>/.test(w))).toBe(true);
    for (const w of out.warnings) expect(w).not.toContain('\n');
  });
});

describe('HTML elements that would escape an inlined <svg>', () => {
  it('removes <font>, <img>, <div>, <p> and warns; SVG text stays', () => {
    const out = processFixture('html-breakout.svg');
    expect(elements(out.svg).map((e) => e.name)).toEqual(['svg', 'title', 'text']);
    expect(out.warnings.filter((w) => w.includes('removed an HTML element'))).toHaveLength(3);
    expect(out.warnings[0]).toMatch(/^diagrams\/html-breakout\.svg:4: <font>/);
  });
});

describe('remote CSS', () => {
  const out = processFixture('remote-css.svg');

  it('drops remote and relative @import, remote url() in <style>, style= and fill=', () => {
    expect(out.svg.replace('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/@import|https?:|local\.css/);
    expect(out.warnings.filter((w) => w.includes('@import'))).toHaveLength(2);
    expect(out.warnings.some((w) => w.includes('bg.png'))).toBe(true);
    expect(out.warnings.some((w) => w.includes('paint.svg'))).toBe(true);
  });

  it('keeps local #fragment references and the rest of the CSS', () => {
    expect(out.svg).toMatch(new RegExp(`url\\(#${out.idPrefix}-[\\w-]+\\)`));
    expect(out.svg).toMatch(/font-family:\s*Inter,\s*sans-serif/);
    expect(out.svg).toContain('var(--cb-diagram-fg');
    expect(out.svg).toMatch(/stroke-width:2|stroke-width="2"/);
  });
});

describe('embedded data', () => {
  const out = processFixture('embedded-assets.svg');

  it('keeps a base64 font in @font-face and a base64 PNG image, with no warning', () => {
    expect(out.svg).toContain('data:font/woff2;base64,');
    // Kept, possibly re-encoded losslessly as WebP (embedded-assets.ts).
    expect(out.svg).toMatch(/data:image\/(?:png|webp);base64,/);
    expect(out.warnings).toEqual([]);
  });
});

describe('fail the build: stripping would silently change the picture', () => {
  it('a remote <image> names file, line, element and what to do instead', () => {
    const e = thrown(() => processFixture('external-image.svg'));
    expect(e.file).toBe('diagrams/external-image.svg');
    expect(e.line).toBe(4);
    expect(e.message).toBe(
      'diagrams/external-image.svg:4: <image href>: points outside the diagram ("https://tracker.example/pixel.png"); expected an embedded image (data:image/png;base64,...) or a #fragment',
    );
  });

  it('a <use> of another file', () => {
    const e = thrown(() => processFixture('external-use.svg'));
    expect(e.message).toMatch(/^diagrams\/external-use\.svg:3: <use href>: points outside the diagram \("sprites\.svg#database"\); expected a #fragment/);
  });

  it('an HTML label with no fallback keeps its safe XHTML; an unsafe <img> goes, with the fix named', () => {
    const out = processFixture('foreign-object.svg');
    const names = elements(out.svg).map((e) => e.name);
    expect(names).toContain('foreignObject');
    expect(elements(out.svg).find((e) => e.name === 'b')?.text).toBe('Order service');
    expect(names).not.toContain('img');
    expect(out.svg).not.toMatch(/onerror|src=/);
    const warning = out.warnings.find((w) => w.includes('<foreignObject>')) ?? '';
    expect(warning).toMatch(/^diagrams\/foreign-object\.svg:4: <foreignObject>: removed <img src="x">/);
    expect(warning).toContain('"Convert labels to SVG"');
  });

  it('a <switch> prefers its safe HTML label over the SVG fallback (what the editor showed)', () => {
    const out = processFixture('drawio-export.svg');
    const names = elements(out.svg).map((e) => e.name);
    expect(names.filter((n) => n === 'foreignObject')).toHaveLength(2);
    expect(names).not.toContain('text');
    expect(elements(out.svg).filter((e) => e.name === 'foreignObject').map((e) => e.text)).toEqual(['API', 'Queue']);
    expect(out.warnings.filter((w) => w.includes('<foreignObject>'))).toEqual([]);
  });

  it('a <switch> shows its fallback when the HTML label holds something unsafe, naming the tool and its setting', () => {
    const source = fixture('drawio-export.svg').replace('>API<', '>API<input value="x"/><');
    const out = processSvg(source, { name: 'drawio', file: 'diagrams/drawio.svg' });
    expect(elements(out.svg).filter((e) => e.name === 'text').map((e) => e.text)).toEqual(['API']);
    const warning = out.warnings.find((w) => w.includes('<foreignObject>')) ?? '';
    expect(warning).toContain('<input>');
    expect(warning).toContain('made by draw.io');
    expect(warning).toContain('tick "Convert labels to SVG"');
  });

  it('a file that is not XML names the file and the line', () => {
    const e = thrown(() => processFixture('not-xml.svg'));
    expect(e.file).toBe('diagrams/not-xml.svg');
    expect(e.line).toBe(5);
    expect(e.message).toMatch(/^diagrams\/not-xml\.svg:5: not well-formed XML \(.+\); expected a well-formed SVG file/);
  });

  it('a well-formed file that is not SVG', () => {
    const e = thrown(() => processFixture('not-svg.svg'));
    expect(e.message).toBe('diagrams/not-svg.svg:1: <html>: is the root element; expected an SVG file whose root element is <svg>');
  });

  it('plain text and empty files', () => {
    expect(thrown(() => processSvg('just words', { name: 'x', file: 'diagrams/x.svg' })).message).toMatch(/^diagrams\/x\.svg:1: not well-formed XML/);
    expect(thrown(() => processSvg('  \n', { name: 'x', file: 'diagrams/x.svg' })).message).toBe(
      'diagrams/x.svg: an empty file; expected an SVG document starting with <svg',
    );
  });
});

/**
 * What the optimiser keeps and changes: ids unique across diagrams with references intact,
 * a viewBox always, title/desc/text kept, editor metadata gone, theming intact, budget.
 */
import { optimize } from 'svgo';
import { describe, expect, it } from 'vitest';
import { BYTE_BUDGET, processSvg } from '../../../src/lib/diagrams/pipeline.ts';
import { shortName } from '../../../src/lib/diagrams/minify-classes.ts';
import { scopeCss } from '../../../src/lib/diagrams/scope-styles.ts';
import { elements, fixture, idsAndReferences, processFixture } from './support.ts';

describe('ids: two diagrams with the same ids on one page', () => {
  const a = processFixture('shared-ids-a.svg', 'alpha');
  const b = processFixture('shared-ids-b.svg', 'beta');

  it('share no id once prefixed', () => {
    const idsA = idsAndReferences(a.svg).ids;
    const idsB = idsAndReferences(b.svg).ids;
    expect(idsA.length).toBeGreaterThanOrEqual(4);
    expect(idsA.filter((id) => idsB.includes(id))).toEqual([]);
    expect(a.idPrefix).not.toBe(b.idPrefix);
    for (const id of idsA) expect(id === a.idPrefix || id.startsWith(`${a.idPrefix}-`)).toBe(true);
    for (const id of idsB) expect(id === b.idPrefix || id.startsWith(`${b.idPrefix}-`)).toBe(true);
  });

  it('still resolve every reference (url(), href, xlink:href, style=, aria-labelledby) inside their own diagram', () => {
    for (const d of [a, b]) {
      const { ids, refs } = idsAndReferences(d.svg);
      expect(refs.length).toBeGreaterThanOrEqual(5);
      for (const ref of refs) expect(ids).toContain(ref);
    }
  });

  it('names the root title so the figure can point at it', () => {
    expect(elements(a.svg).find((e) => e.name === 'title')?.attribs.id).toBe(`${a.idPrefix}-title`);
    expect(a.title).toBe('Diagram A');
  });
});

describe('viewBox', () => {
  it('is derived from width/height when missing (px or unitless), and the root size is dropped', () => {
    const out = processFixture('no-viewbox.svg');
    expect(out.viewBox).toBe('0 0 320 180');
    expect([out.width, out.height]).toEqual([320, 180]);
    const root = elements(out.svg)[0];
    expect(root?.attribs.viewBox).toBe('0 0 320 180');
    expect(root?.attribs.width).toBeUndefined();
  });

  it('keeps an existing viewBox and converts a physical size (mm) to px', () => {
    const out = processFixture('inkscape-export.svg');
    expect(out.viewBox).toBe('0 0 120 60');
    expect(out.width).toBeCloseTo(453.54, 1);
    expect(out.height).toBeCloseTo(226.77, 1);
  });

  it('fails when there is neither a viewBox nor a usable size', () => {
    expect(() => processSvg('<svg xmlns="http://www.w3.org/2000/svg" width="100%"><title>x</title></svg>', { name: 'x', file: 'diagrams/x.svg' }))
      .toThrow('diagrams/x.svg:1: <svg>: no viewBox and no usable width (100%); expected viewBox="0 0 <width> <height>", or width and height in px');
  });
});

describe('editor exports', () => {
  it('Inkscape: namespaces, namedview, metadata and comments gone; smaller; title, desc and text kept', () => {
    const source = fixture('inkscape-export.svg');
    const out = processFixture('inkscape-export.svg', 'cache-aside');
    expect(out.svg).not.toMatch(/inkscape|sodipodi|<metadata|rdf:|<!--|<\?xml/);
    expect(out.bytesOut).toBeLessThan(source.length * 0.6);
    expect(out.title).toBe('Cache-aside read path');
    expect(out.desc).toBe('The service reads from the cache first and falls back to the database on a miss.');
    expect(elements(out.svg).filter((e) => e.name === 'text').map((e) => e.text)).toEqual(['Service', 'Redis', 'Postgres']);
  });

  it('draw.io: the embedded diagram source (content=), doctype and "Text is not SVG" footer gone; title, desc, labels kept', () => {
    const source = fixture('drawio-export.svg');
    const out = processFixture('drawio-export.svg');
    expect(source).toContain('content="&lt;mxfile');
    expect(out.svg).not.toMatch(/content=|mxfile|DOCTYPE|Text is not SVG|drawio\.com/);
    expect(out.bytesOut).toBeLessThan(optimize(source, { plugins: ['preset-default'] }).data.length);
    expect(out.svg).not.toContain('data-cell-id');
    expect(out.title).toBe('API publishes to a queue');
    expect(out.desc).toBe('Requests reach the API, which enqueues a message.');
    expect(out.viewBox).toBe('-0.5 -0.5 321 121');
  });

  it('turns style= into presentation attributes and drops defaults when there is no <style>', () => {
    const out = processFixture('inkscape-export.svg', 'cache-aside');
    const rects = elements(out.svg).filter((e) => e.name === 'rect');
    expect(rects[0]?.attribs).toMatchObject({ fill: '#f6f8fb', stroke: '#44506a' });
    expect(rects[0]?.attribs.style).toBeUndefined();
    expect(out.svg).not.toMatch(/fill-opacity|stroke-opacity|stroke-dasharray="none"/);
  });

  it('keeps style= when a <style> rule would otherwise win over it', () => {
    const out = processSvg(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>t</title><style>.t{fill:red}</style><text class="t" style="fill:blue">x</text></svg>',
      { name: 'cascade', file: 'diagrams/cascade.svg' },
    );
    expect(elements(out.svg).find((e) => e.name === 'text')?.attribs.style).toBe('fill:#00f');
  });

  it('minifies path data', () => {
    const out = processFixture('themed.svg');
    expect(out.svg).toContain('d="M20 50h80"');
  });
});

describe('theming', () => {
  const out = processFixture('themed.svg');

  it('keeps currentColor and the --cb-diagram-* variables with their fallbacks', () => {
    expect(out.svg).toContain('stroke="currentColor"');
    expect(out.svg).toContain('var(--cb-diagram-fg, #1b2230)');
    expect(out.svg).toContain('var(--cb-diagram-surface, #f6f8fb)');
    // a :hover rule survives with the class it needs (shortened in both places)
    const hovered = /\.([a-z0-9]+):hover\{stroke:var\(--cb-diagram-accent/.exec(out.svg)?.[1];
    expect(hovered).toBeDefined();
    expect(elements(out.svg).find((e) => e.name === 'path')?.attribs.class).toBe(hovered);
  });

  it('confines the diagram\'s own <style> to the diagram', () => {
    const style = elements(out.svg).find((e) => e.name === 'style')?.text ?? '';
    expect(elements(out.svg)[0]?.attribs.id).toBe(out.idPrefix);
    for (const rule of style.split('}').filter(Boolean)) expect(rule.startsWith(`#${out.idPrefix}`)).toBe(true);
  });

  it('scopes each kind of selector without changing what it selects inside the diagram', () => {
    expect(scopeCss('text,.a>b{fill:red}', 'd-root')).toBe('#d-root text,#d-root .a>b{fill:red}');
    expect(scopeCss('svg>g{fill:red}:root{--x:1}', 'd-root')).toBe('svg#d-root>g{fill:red}#d-root{--x:1}');
    expect(scopeCss('@media (prefers-color-scheme:dark){rect{fill:#000}}', 'd-root')).toBe('@media (prefers-color-scheme:dark){#d-root rect{fill:#000}}');
    expect(scopeCss('@keyframes spin{from{opacity:0}to{opacity:1}}', 'd-root')).toBe('@keyframes spin{from{opacity:0}to{opacity:1}}');
  });

  it('anchors a rule once when it already starts at the root, as Mermaid\'s own #id .class rules do (issue #11)', () => {
    // Mermaid writes every rule as `#<svg id> ...`; the author's root id now means the generated one.
    expect(scopeCss('#my-svg .node rect{fill:#c2410c}#my-svg{font-size:16px}', 'd-root', undefined, 'my-svg')).toBe('#d-root .node rect{fill:#c2410c}#d-root{font-size:16px}');
    expect(scopeCss('#d-root .edgeLabel,#d-root>g{stroke:red}', 'd-root')).toBe('#d-root .edgeLabel,#d-root>g{stroke:red}');
    // Through the whole pipeline: no rule is anchored twice, and a classDef colour survives.
    const out = processSvg(
      '<svg xmlns="http://www.w3.org/2000/svg" id="my-svg" viewBox="0 0 10 10"><title>t</title><style>#my-svg .hot rect{fill:#c2410c}#my-svg .hot>*{stroke:#333}</style><g class="hot"><rect width="2" height="2"/></g></svg>',
      { name: 'anch', file: 'anch.mdx' },
    );
    const style = elements(out.svg).find((e) => e.name === 'style')?.text ?? '';
    expect(style).toContain('#c2410c');
    expect(style).not.toMatch(new RegExp(`#${out.idPrefix}\\s*#${out.idPrefix}|#my-svg`));
    for (const rule of style.split('}').filter(Boolean)) expect(rule.startsWith(`#${out.idPrefix} `)).toBe(true);
  });

  it('drops style attributes that are not CSS (Mermaid\'s style="undefined;;;") with a warning, never a crash (issue #11)', () => {
    const out = processSvg(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>t</title><text style="undefined;;;undefined" x="1" y="5">a</text><rect style=";;;" width="2" height="2"/><text style="fill:red;undefined;;" x="1" y="8">b</text></svg>',
      { name: 'undef', file: 'undef.mdx' },
    );
    expect(out.svg).not.toContain('undefined');
    expect(out.svg).toMatch(/<text[^>]*fill="red"[^>]*>b<\/text>/);
    expect(out.warnings.join('\n')).toMatch(/undef\.mdx:1: <text style>: removed unparseable CSS/);
  });
});

describe('class names', () => {
  it('shortens classes the diagram\'s stylesheet uses, keeps the others, never collides', () => {
    const out = processSvg(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>t</title><style>.long-name{fill:red}.other-name{stroke:blue}</style>' +
        '<rect class="long-name a" width="1" height="1"/><rect class="long-name" width="2" height="2"/><rect class="other-name" width="3" height="3"/></svg>',
      { name: 'cls', file: 'diagrams/cls.svg' },
    );
    const classes = elements(out.svg).filter((e) => e.attribs.class !== undefined).map((e) => e.attribs.class);
    // 'a' is taken by a class no rule uses (page CSS might), so the most used class gets 'b'.
    expect(classes).toEqual(['b a', 'b', 'c']);
    expect(out.svg).toContain(`#${out.idPrefix} .b{fill:red}#${out.idPrefix} .c{stroke:#00f}`);
  });

  it('generates distinct short names', () => {
    const names = Array.from({ length: 3000 }, (_, i) => shortName(i));
    expect(new Set(names).size).toBe(3000);
    for (const n of names) expect(n).toMatch(/^[a-z][a-z0-9]*$/);
  });
});

describe('size budget', () => {
  it(`warns (without failing) above ${BYTE_BUDGET / 1024} KB after optimisation`, () => {
    const texts = Array.from({ length: 4000 }, (_, i) => `<text x="${i}" y="${i % 97}">label number ${i} with some words</text>`).join('');
    const out = processSvg(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4000 100"><title>Big</title>${texts}</svg>`, { name: 'big', file: 'diagrams/big.svg' });
    expect(out.bytesOut).toBeGreaterThan(BYTE_BUDGET);
    expect(out.warnings).toEqual([expect.stringMatching(/^diagrams\/big\.svg: \d+\.\d KB after optimisation, over the 150\.0 KB budget; expected a smaller diagram/)]);
  });

  it('does not warn under the budget', () => {
    expect(processFixture('themed.svg').warnings).toEqual([]);
  });
});

describe('names and results', () => {
  it('rejects a name that cannot prefix ids', () => {
    expect(() => processSvg(fixture('themed.svg'), { name: 'My Diagram', file: 'diagrams/My Diagram.svg' }))
      .toThrow('diagrams/My Diagram.svg: the diagram name "My Diagram"; expected lower-case letters, digits and hyphens');
  });

  it('is deterministic: same input, same output and hash', () => {
    const one = processFixture('themed.svg');
    const two = processFixture('themed.svg');
    expect(one.svg).toBe(two.svg);
    expect(one.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(one.hash).toBe(two.hash);
    expect(one.bytesIn).toBe(Buffer.byteLength(fixture('themed.svg')));
    expect(one.bytesOut).toBe(Buffer.byteLength(one.svg));
  });
});

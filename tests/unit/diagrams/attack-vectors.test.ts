/**
 * Every attack class of issue #9, through the real pipeline. Each vector is checked the way
 * a visitor's browser would see it: the output parsed as HTML (parse5, as when inlined in a
 * page) and as XML (the standalone file), not by searching for substrings alone.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { DiagramError } from '../../../src/lib/diagrams/errors.ts';
import { idPrefix } from '../../../src/lib/diagrams/id-prefix.ts';
import { processSvg, type ProcessedDiagram } from '../../../src/lib/diagrams/pipeline.ts';
import { checkInlineMarkup, checkStandaloneXml } from '../../../src/lib/diagrams/safety/final-check.ts';
import { scopeCss } from '../../../src/lib/diagrams/scope-styles.ts';
import { standaloneSvg } from '../../../src/lib/diagrams/standalone.ts';
import { elements } from './support.ts';

const SVG = 'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"';
/** The id prefix of the diagram "v": its root id, and what its other ids start with. */
const V = idPrefix('v');
const run = (source: string, name = 'v'): ProcessedDiagram => processSvg(source, { name, file: `diagrams/${name}.svg` });

function refused(source: string, name = 'v'): DiagramError {
  try {
    run(source, name);
  } catch (e) {
    if (e instanceof DiagramError) return e;
    throw e;
  }
  throw new Error('expected the build to refuse the file');
}

type Node5 = DefaultTreeAdapterMap['node'];
interface Seen { tag: string; ns: string; attrs: Record<string, string> }

/** Every element of the page body when the diagram is inlined, as a browser parses it. */
function inlined(svg: string): { top: number; all: Seen[] } {
  const doc = parse(`<!DOCTYPE html><body>${svg}</body>`);
  const html = doc.childNodes.find((n) => n.nodeName === 'html') as DefaultTreeAdapterMap['element'];
  const body = html.childNodes.find((n) => n.nodeName === 'body') as DefaultTreeAdapterMap['element'];
  const all: Seen[] = [];
  const walk = (n: Node5): void => {
    if ('tagName' in n) {
      all.push({ tag: n.tagName, ns: n.namespaceURI, attrs: Object.fromEntries(n.attrs.map((a) => [a.prefix ? `${a.prefix}:${a.name}` : a.name, a.value])) });
      n.childNodes.forEach(walk);
    }
  };
  body.childNodes.forEach(walk);
  return { top: body.childNodes.length, all };
}

/** What every safe output satisfies, inline and standalone. */
function expectInert(out: ProcessedDiagram, { textMayQuote = false } = {}): Seen[] {
  const { top, all } = inlined(out.svg);
  expect(top).toBe(1);
  expect(all[0]?.tag).toBe('svg');
  for (const el of all) {
    for (const [name, value] of Object.entries(el.attrs)) {
      expect(name.toLowerCase()).not.toMatch(/^on/);
      if (/href|src/.test(name)) expect(value.trim().toLowerCase()).not.toMatch(/^(?:javascript|vbscript|data:text)/);
    }
    if (el.ns === 'http://www.w3.org/1999/xhtml') expect(['div', 'span', 'b', 'p', 'br', 'img', 'font', 'i']).toContain(el.tag);
  }
  if (!textMayQuote) expect(out.svg).not.toMatch(/evil|alert\(/);
  expect(checkInlineMarkup(out.svg)).toBeUndefined();
  expect(checkStandaloneXml(standaloneSvg(out))).toBeUndefined();
  return all;
}

describe('markup that changes meaning between XML and HTML', () => {
  it('a processing instruction hiding an <img onerror> is dropped (svg-sanitizer suite)', () => {
    const out = run(`<svg ${SVG}><title>t</title><?x ><img src=x onerror=alert(1)>?></svg>`);
    const all = expectInert(out);
    expect(all.map((e) => e.tag)).toEqual(['svg', 'title']);
    expect(out.warnings.some((w) => w.includes('processing instruction'))).toBe(true);
  });

  it('CDATA inside <title> under a prefixed foreign element becomes nothing but escaped text', () => {
    const out = run(`<svg ${SVG}><title>T<x:q xmlns:x="urn:x"><![CDATA[><img src=x onerror=alert(1)>]]></x:q></title><desc><![CDATA[<img src=y onerror=alert(2)>]]></desc></svg>`);
    const all = expectInert(out, { textMayQuote: true });
    expect(all.map((e) => e.tag)).toEqual(['svg', 'title', 'desc']);
    expect(out.svg).not.toContain('CDATA');
    expect(out.desc).toBe('<img src=y onerror=alert(2)>');
    expect(out.svg).toContain('&lt;img');
  });

  it('a prefixed root comes out as a plain <svg> in the SVG namespace, inline and standalone', () => {
    const out = run('<svg:svg xmlns:svg="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><svg:title>p</svg:title><svg:rect width="5" height="5" onclick="alert(1)"/></svg:svg>');
    const all = expectInert(out);
    expect(all.map((e) => e.tag)).toEqual(['svg', 'title', 'path']);
    expect(out.svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });

  it('a root <svg> in another namespace is refused', () => {
    expect(refused('<svg xmlns="urn:not-svg" viewBox="0 0 1 1"/>').message).toMatch(/^diagrams\/v\.svg:1: <svg>: is the root element, in another namespace/);
  });

  it('HTML elements outside a <foreignObject> and XHTML-namespaced ones with legacy attributes are removed', () => {
    const out = run(`<svg ${SVG}><title>t</title><h:body xmlns:h="http://www.w3.org/1999/xhtml" background="https://evil.example/x.png"><h:p>x</h:p></h:body><g><font color="red">f</font></g></svg>`);
    const all = expectInert(out);
    expect(all.map((e) => e.tag)).toEqual(['svg', 'title']);
  });
});

describe('pipeline markers an input could forge', () => {
  it('data-casebook-href and data-casebook-style written by the author do not become href/style', () => {
    const out = run(`<svg ${SVG}><title>t</title><a data-casebook-href="javascript:alert(1)"><text y="10">x</text></a><image width="9" height="9" data-casebook-href="https://evil.example/i.png"/><rect width="9" height="9" data-casebook-style="fill:url(https://evil.example/p)"/><rect width="9" height="9" data-cb-style-0="0"/></svg>`);
    const all = expectInert(out);
    expect(all.some((e) => 'href' in e.attrs || 'xlink:href' in e.attrs)).toBe(false);
    expect(all.some((e) => 'style' in e.attrs)).toBe(false);
    expect(all.some((e) => Object.keys(e.attrs).some((a) => a.startsWith('data-')))).toBe(false);
  });
});

describe('SMIL', () => {
  it('an animation of " href" (whitespace around the name) is removed, not trimmed into a link', () => {
    const out = run(`<svg ${SVG}><title>t</title><a href="#x"><animate attributeName=" href" values="javascript:alert(1)"/><set attributeName="xlink:href" to="javascript:alert(2)"/><text id="x" y="9">x</text></a></svg>`);
    const all = expectInert(out);
    expect(all.map((e) => e.tag)).not.toContain('animate');
    expect(all.map((e) => e.tag)).not.toContain('set');
    expect(out.warnings.filter((w) => w.includes('may not animate'))).toHaveLength(2);
  });

  it('animations of style, class, event handlers or a remote fill are removed; a colour animation stays', () => {
    const out = run(`<svg ${SVG}><title>t</title><rect width="9" height="9"><set attributeName="onclick" to="alert(1)"/><set attributeName="style" to="fill:url(//evil.example/p)"/><animate attributeName="fill" values="red;url(https://evil.example/p#x)"/><animate attributeName=" fill " from="red" to="blue" dur="1s"/></rect></svg>`);
    const all = expectInert(out);
    const kept = all.filter((e) => e.tag === 'animate' || e.tag === 'set');
    expect(kept).toHaveLength(1);
    expect(kept[0]?.attrs.attributeName).toBe('fill');
  });
});

describe('CSS that loads from another origin', () => {
  const loads = (out: ProcessedDiagram): void => {
    expectInert(out);
    expect(out.svg).not.toMatch(/\\/);
    expect(out.svg.replace(/xmlns(:\w+)?="[^"]*"/g, '')).not.toMatch(/\/\/|https?:/);
  };

  it('escapes in a presentation attribute: ur\\l( and \\75 rl(', () => {
    const out = run(`<svg ${SVG}><title>t</title><rect width="9" height="9" fill="ur\\l('//evil.example/x.svg#p')"/><rect width="9" height="9" stroke="\\75 rl(//evil.example/y.svg#p)"/></svg>`);
    loads(out);
    expect(out.warnings.filter((w) => /<rect (fill|stroke)>: removed/.test(w))).toHaveLength(2);
  });

  it('an escaped @import, an escaped url in @font-face, an escaped property', () => {
    const out = run(`<svg ${SVG}><title>t</title><style>@\\69MporT "//evil.example/x.css"; @font-face{font-family:F;src:u\\rl(//evil.example/f.woff)} rect{\\66ill:url(//evil.example/z)} .ok{fill:red}</style><rect class="ok" width="9" height="9"/></svg>`);
    loads(out);
    expect(out.svg).toContain('fill:red');
  });

  it('var() indirection: a custom property holding a remote url() is removed wherever it is declared', () => {
    const out = run(`<svg ${SVG}><title>t</title><style>:root{--p:url(https://evil.example/a.png)} rect{fill:var(--p)}</style><rect width="9" height="9" style="--q: url('//evil.example/b.png'); fill: var(--q)"/><g style="--r:\\75 rl(//evil.example/c)"/></svg>`);
    loads(out);
  });

  it('a url() spelled with escapes inside a string is decoded and classified', () => {
    const out = run(`<svg ${SVG}><title>t</title><rect width="9" height="9" style="fill:url('\\6a avascript:alert(1)')"/><rect width="9" height="9" style="fill:url('\\2f\\2f evil.example/p')"/></svg>`);
    loads(out);
  });

  it('label text like loadUrl() is not mistaken for a url() (issue #11)', () => {
    const out = run(`<svg ${SVG}><title>loadUrl()</title><text y="10" aria-label="loadUrl(x)">loadUrl()</text><style>text{font-family:"loadUrl()"}</style></svg>`);
    expect(out.warnings).toEqual([]);
    expect(out.svg).toContain('aria-label="loadUrl(x)"');
  });
});

describe('confinement: nothing a diagram says reaches the rest of the page', () => {
  it('global at-rules are removed: @property, @page, @counter-style, @font-palette-values, @layer, @namespace', () => {
    const out = run(`<svg ${SVG}><title>t</title><style>@property --color-text{syntax:"*";inherits:false;initial-value:red} @page{margin:0} @counter-style x{system:cyclic;symbols:a} @font-palette-values --p{font-family:X} @layer base{text{fill:red}} @namespace x url(urn:x); rect{fill:blue}</style><rect width="9" height="9"/></svg>`);
    expectInert(out);
    expect(out.svg).not.toMatch(/@property|@page|@counter-style|@font-palette-values|@layer|@namespace/);
    expect(out.svg).toMatch(new RegExp(`#${V} rect\\{fill:(blue|#00f)\\}`));
    expect(out.warnings.filter((w) => w.includes('<style>: removed @'))).toHaveLength(6);
  });

  it('@keyframes and @font-face names are renamed to the diagram, with their uses', () => {
    const font = 'data:font/woff2;base64,d09GMgABAAAAAA';
    const out = run(`<svg ${SVG}><title>t</title><style>@font-face{font-family:"Inter";src:url(${font})} @keyframes spin{to{opacity:0}} text{font-family:Inter,sans-serif;animation:spin 1s} .b{animation-name:spin}</style><text font-family="Inter" y="9">a</text><text class="b" style="font-family:'Inter'" y="19">b</text></svg>`);
    expectInert(out);
    expect(out.svg).not.toMatch(/font-family:\s*"?Inter"?[,;}]|keyframes spin\b|animation:spin/);
    expect(out.svg).toContain(`@keyframes ${V}-spin`);
    expect(out.svg).toContain(`font-family:${V}-Inter`);
    const texts = elements(out.svg).filter((e) => e.name === 'text');
    expect(texts[0]?.attribs['font-family']).toBe(`${V}-Inter`);
  });

  it('selectors stay inside the diagram, even through the root: svg ~ p, :root + a', () => {
    expect(scopeCss('svg ~ p{display:none} :root + a{color:red} svg>rect{fill:red}', 'v-root'))
      .toBe('#v-root svg~p{display:none}#v-root :root+a{color:red}svg#v-root>rect{fill:red}');
    const out = run(`<svg ${SVG}><title>t</title><style>svg ~ rect{display:none} svg>rect{fill:red}</style><rect width="9" height="9"/></svg>`);
    expectInert(out);
    const css = elements(out.svg).find((e) => e.name === 'style')?.text ?? '';
    for (const rule of css.split('}').filter(Boolean)) expect(rule).toMatch(new RegExp(`^(svg)?#${V}[ >]`));
  });

  it('the root id is generated, never the author\'s (id="figcaption" would be the caption\'s id)', () => {
    const out = run(`<svg ${SVG} id="figcaption" style="position:fixed;inset:0"><title>t</title><style>#figcaption{fill:red} :root{color:red}</style><a href="https://example.com/"><rect width="9" height="9"/></a><use href="#figcaption"/></svg>`);
    expectInert(out);
    const ids = elements(out.svg).map((e) => e.attribs.id).filter(Boolean);
    expect(ids[0]).toBe(V);
    expect(ids).not.toContain(`${V}-figcaption`);
    expect(out.svg).not.toContain(`#${V}-figcaption`);
  });

  it('an inner id that would collide with the generated root id is renamed, references included', () => {
    const out = run(`<svg ${SVG}><title>t</title><defs><linearGradient id="${V}"><stop offset="0" stop-color="red"/></linearGradient></defs><style>rect{stroke:blue}</style><rect width="9" height="9" fill="url(#${V})"/></svg>`);
    const els = elements(out.svg);
    const ids = els.map((e) => e.attribs.id).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
    const rect = els.find((e) => e.name === 'rect' || e.name === 'path');
    const ref = /url\(#([^)]+)\)/.exec(rect?.attribs.fill ?? '')?.[1];
    expect(ref).not.toBe(V);
    expect(ids).toContain(ref);
  });
});

describe('exponential <use>', () => {
  it('a billion-laughs chain of <use> is refused, naming the file', () => {
    let body = '<path id="l0" d="M0 0h1"/>';
    for (let i = 1; i <= 9; i++) body += `<g id="l${i}">${Array.from({ length: 10 }, () => `<use href="#l${i - 1}"/>`).join('')}</g>`;
    const e = refused(`<svg ${SVG}><title>t</title><defs>${body}</defs><use href="#l9"/></svg>`, 'laughs');
    expect(e.message).toMatch(/^diagrams\/laughs\.svg: <use>: would make a browser draw \d\.\de\+9 elements/);
  });

  it('a reference cycle draws nothing and is not an error; ordinary reuse is fine', () => {
    const out = run(`<svg ${SVG}><title>t</title><defs><g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g><circle id="c" r="2"/></defs>${'<use href="#c"/>'.repeat(50)}</svg>`);
    expectInert(out);
  });
});

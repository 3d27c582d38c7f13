/**
 * What particular tools write that the pipeline must read the way a browser does (found by
 * the real-exports corpus): sizing styles on the root (mermaid-cli, PlantUML), a class on the
 * root that the stylesheet targets (Visio), and text runs drawn through single-use `<use>`s
 * (Lucidchart), some pointing at nothing.
 */
import { describe, expect, it } from 'vitest';
import { processSvg } from '../../../src/lib/diagrams/pipeline.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scopeCss } from '../../../src/lib/diagrams/scope-styles.ts';
import { decodeXmlText, styleTexts } from '../../../src/lib/diagrams/stylesheet-analysis.ts';
import { detectTool } from '../../../src/lib/diagrams/tools.ts';
import { splitDeclarations, withoutRootSize } from '../../../src/lib/diagrams/viewbox.ts';
import { elements } from './support.ts';

const run = (source: string, name = 'q') => processSvg(source, { name, file: `diagrams/${name}.svg` });
const root = (svg: string) => elements(svg)[0]?.attribs ?? {};

describe('sizing styles on the root', () => {
  it('drops width, height and their min/max forms from the root style, keeps the rest', () => {
    expect(withoutRootSize('max-width: 100%;')).toBeUndefined();
    expect(withoutRootSize('width:977px;height:727px;background:#FFFFFF;')).toBe('background:#FFFFFF');
    expect(withoutRootSize('max-width: 1111.17px; background-color: white;')).toBe('background-color: white');
    expect(withoutRootSize('background:url("data:image/png;base64,AAAA");max-height:5px')).toBe('background:url("data:image/png;base64,AAAA")');
  });

  it('splits declarations only at semicolons outside quotes and parentheses', () => {
    expect(splitDeclarations("a:1;b:url(x;y);c:'p;q'")).toEqual(['a:1', 'b:url(x;y)', "c:'p;q'"]);
  });

  it('a mermaid-cli root (max-width: 100%) and a PlantUML root (width in px) leave sizing to the figure', () => {
    const mermaid = run('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 290" style="max-width: 100%;" width="100%" height="100%"><rect width="5" height="5"/></svg>');
    expect(root(mermaid.svg).style).toBeUndefined();
    expect(mermaid.width).toBe(480);
    const plantuml = run('<svg xmlns="http://www.w3.org/2000/svg" style="width:977px;height:727px;background:#FFFFFF;" viewBox="0 0 977 727" width="977px" height="727px"><rect width="5" height="5"/></svg>');
    expect(root(plantuml.svg).style).toBe('background:#fff');
    expect([plantuml.width, plantuml.height]).toEqual([977, 727]);
  });
});

describe('a stylesheet class on the root element (Visio)', () => {
  it('a rule whose first compound is classes the root has matches the root too', () => {
    expect(scopeCss('.st22{fill:none}.st1 .st22{stroke:red}', 'v-root', undefined, undefined, new Set(['st22'])))
      .toBe('#v-root .st22,#v-root.st22{fill:none}#v-root .st1 .st22{stroke:red}');
    expect(scopeCss('.st22{fill:none}', 'v-root')).toBe('#v-root .st22{fill:none}');
  });

  it('shapes keep inheriting fill:none from the root class after the pipeline', () => {
    const out = run('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" class="st22"><style>.st22{fill:none;font-size:12px}.st1{stroke:#000}</style><path class="st1" d="M0 0L50 50L100 0"/></svg>', 'visio');
    const css = elements(out.svg).find((e) => e.name === 'style')?.text ?? '';
    const rootClass = root(out.svg).class ?? '';
    expect(rootClass).not.toBe('');
    expect(css).toContain(`#${out.idPrefix}.${rootClass}{fill:none;font-size:12px}`);
  });

  it('Visio is named as the tool', () => {
    expect(detectTool('<svg xmlns:v="http://schemas.microsoft.com/visio/2003/SVGExtensions/">')).toBe('Visio');
  });
});

describe('single-use <use> (Lucidchart text runs)', () => {
  const LUCID = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="100">
<path d="M10 10h50v20H10z" fill="#fff"/>
<use xlink:href="#a" transform="matrix(1,0,0,1,20,30) translate(5 6)"/>
<use xlink:href="#g1" x="100" y="50"/><use xlink:href="#g1" x="120" y="50"/>
<use xlink:href="#missing" transform="translate(1 1)"/>
<defs><path id="g1" d="M0 0h5v5H0z" fill="#333"/><g id="a"><use xlink:href="#g1"/><path d="M0 8h20v1H0z" fill="#333"/></g></defs></svg>`;

  it('draws a target used once in place of its <use>, keeps shared ones, drops dangling ones', () => {
    const out = run(LUCID, 'lucid');
    const uses = elements(out.svg).filter((e) => e.name === 'use');
    // g1 is used three times (twice at the top, once inside "a"): it stays shared.
    expect(uses).toHaveLength(3);
    const defined = elements(out.svg).filter((e) => e.attribs.id !== undefined && e.name !== 'svg');
    // One id is left: the shared glyph's (svgo shortens its name); the run's is gone.
    expect(defined.map((e) => e.name)).toEqual(['path']);
    expect(uses.every((u) => u.attribs.href === `#${defined[0]?.attribs.id}`)).toBe(true);
    expect(out.svg).not.toContain('missing');
    // The moved run is still drawn where the <use> put it.
    const moved = elements(out.svg).find((e) => e.name === 'g' && /translate\(25[ ,]36\)/.test(e.attribs.transform ?? ''));
    expect(moved, out.svg).toBeDefined();
  });

  it('leaves everything alone when a stylesheet could tell a <use> copy from the original', () => {
    const styled = LUCID.replace('<path d="M10', '<style>use{opacity:.5}</style><path d="M10');
    const out = run(styled, 'lucid');
    expect(elements(out.svg).filter((e) => e.name === 'use').length).toBeGreaterThanOrEqual(4);
  });
});

describe('a stylesheet with XML entities (mermaid-cli writes `text.actor&gt;tspan`)', () => {
  it('is read as the browser reads it: entities decoded, CDATA kept as written', () => {
    expect(decodeXmlText('a&gt;b &lt;c&amp;d &#65;&#x42; &nope;')).toBe('a>b <c&d AB &nope;');
    expect(styleTexts('<svg><style>.a&gt;b{}<![CDATA[.c&gt;d{}]]></style></svg>')).toEqual(['.a>b{}.c&gt;d{}']);
  });

  it('so the ids it does not name can go: the real ERC-7884 sequence drops its three unused icon symbols', () => {
    const source = readFileSync(join(process.cwd(), 'tests/fixtures/real-exports/mermaid-sequence-erc7884-d1.svg'), 'utf8');
    const out = run(source, 'seq');
    const names = elements(out.svg).map((e) => e.name);
    expect(names).not.toContain('symbol');
    // The markers the messages and the stylesheet name stay, and the child rule still applies.
    expect(elements(out.svg).filter((e) => e.name === 'marker').map((e) => e.attribs.id)).toContain(`${out.idPrefix}-arrowhead`);
    expect(elements(out.svg).find((e) => e.name === 'style')?.text).toMatch(/text\.\w+>tspan\{/);
    expect(out.bytesOut).toBeLessThan(source.length * 0.4);
  });
});

import { describe, expect, it } from 'vitest';
import { alertKindOf, directiveLineTitle } from '../../../src/lib/markdown/callouts.ts';
import { isKnownLanguage, parseCodeFence } from '../../../src/lib/markdown/code-fences.ts';
import { htmlImageSources, isRelativeImage, isRemoteImage } from '../../../src/lib/markdown/images.ts';
import { inlineTex, isInlineMath, renderMath } from '../../../src/lib/markdown/math.ts';
import { htmlCommentsToMdx } from '../../../src/lib/markdown/mdx-comments.ts';

describe('htmlCommentsToMdx', () => {
  it('turns comments into MDX comments on the same lines, inline and across lines', () => {
    const source = '<!-- top -->\n\nText <!-- inline --> more.\n\n<!--\nmulti\nline */ here\n-->\nEnd';
    const out = htmlCommentsToMdx(source);
    expect(out).toBe('{/* top */}\n\nText {/* inline */} more.\n\n{/*\nmulti\nline * / here\n*/}\nEnd');
    expect(out.split('\n').length).toBe(source.split('\n').length);
  });

  it('leaves comments in fenced code and inline code alone', () => {
    const source = '```html\n<!-- keep -->\n```\n\nUse `<!-- x -->` in HTML.\n\n~~~\n<!-- also -->\n~~~\n';
    expect(htmlCommentsToMdx(source)).toBe(source);
  });
});

describe('callout syntax', () => {
  it('reads GitHub alert kinds, case-insensitively, and refuses unknown ones', () => {
    expect(alertKindOf('[!WARNING]')).toMatchObject({ kind: { type: 'warning', label: 'Warning' } });
    expect(alertKindOf('[!caution] Mind the gap')).toMatchObject({ kind: { type: 'warning', label: 'Caution' }, rest: 'Mind the gap' });
    expect(alertKindOf('[!DANGER]')).toBeUndefined();
    expect(alertKindOf('Just text')).toBeUndefined();
  });

  it('reads the Docusaurus title after a directive name', () => {
    expect(directiveLineTitle(':::caution Watch out')).toBe('Watch out');
    expect(directiveLineTitle('::::note   Spaced  title  ')).toBe('Spaced  title');
    expect(directiveLineTitle(':::tip')).toBeUndefined();
    expect(directiveLineTitle(':::tip[Bracket]')).toBeUndefined();
  });
});

describe('code fences', () => {
  it('parses titles from meta and from lang:file', () => {
    expect(parseCodeFence('ts', 'title="src/app.ts" {1,3}')).toEqual({ lang: 'ts', title: 'src/app.ts', unknownLang: undefined });
    expect(parseCodeFence('ts:app.ts', null)).toEqual({ lang: 'ts', title: 'app.ts', unknownLang: undefined });
    expect(parseCodeFence('js', "filename='next.config.js'")).toMatchObject({ title: 'next.config.js' });
    expect(parseCodeFence('sh', '[install.sh]')).toMatchObject({ title: 'install.sh' });
    expect(parseCodeFence('sh', null)).toMatchObject({ title: undefined });
  });

  it('maps diff-<lang> to diff, unknown languages to plain text, and knows aliases', () => {
    expect(parseCodeFence('diff-js', null)).toMatchObject({ lang: 'diff', unknownLang: undefined });
    expect(parseCodeFence('promql', null)).toMatchObject({ lang: 'plaintext', unknownLang: 'promql' });
    expect(isKnownLanguage('ts')).toBe(true);
    expect(isKnownLanguage('shell')).toBe(true);
    expect(isKnownLanguage('TEXT')).toBe(true);
    expect(isKnownLanguage('promql')).toBe(false);
  });
});

describe('math', () => {
  it('renders MathML without the xmlns attribute, and reports errors with the line in the TeX', () => {
    expect(renderMath('x^2', false).html).toBe(
      '<span class="katex"><math><semantics><mrow><msup><mi>x</mi><mn>2</mn></msup></mrow><annotation encoding="application/x-tex">x^2</annotation></semantics></math></span>',
    );
    expect(renderMath('a\n\\frac{1}{', true).error).toMatchObject({ lineOffset: 1 });
  });

  it('tells math from prices (Pandoc rule) and unwraps GitHub $`…`$', () => {
    expect(isInlineMath('$x$', ' ')).toBe(true);
    expect(isInlineMath('$5 and $', '1')).toBe(false);
    expect(isInlineMath('$5$', '0')).toBe(false);
    expect(isInlineMath('$ x $', undefined)).toBe(false);
    expect(isInlineMath('$`a b`$', undefined)).toBe(true);
    expect(inlineTex('`\\sqrt{2}`')).toBe('\\sqrt{2}');
  });
});

describe('images', () => {
  it('tells local from remote sources and reads <img> sources', () => {
    expect(isRelativeImage('./a.png')).toBe(true);
    expect(isRelativeImage('figures/a.png')).toBe(true);
    expect(isRelativeImage('/public.png')).toBe(false);
    expect(isRelativeImage('https://x/a.png')).toBe(false);
    expect(isRelativeImage('data:image/png;base64,AA')).toBe(false);
    expect(isRemoteImage('//cdn.example.com/a.png')).toBe(true);
    expect(htmlImageSources('<p><img src=./a.png alt=x><IMG SRC="b.jpg"></p>')).toEqual(['./a.png', 'b.jpg']);
  });
});

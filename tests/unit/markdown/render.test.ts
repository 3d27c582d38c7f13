/**
 * The write-up plugins through Astro's own Sätteri Markdown renderer (the one `.md` case
 * studies go through), with Casebook's plugins, features and shiki transformers.
 */
import { pathToFileURL } from 'node:url';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { features, hastPlugins, mdastPlugins } from '../../../src/lib/satteri-plugins.ts';
import { shikiTransformers } from '../../../src/lib/markdown/shiki-transformers.ts';

const processor = await createSatteriMarkdownProcessor({
  mdastPlugins,
  hastPlugins,
  features,
  syntaxHighlight: 'shiki',
  shikiConfig: { themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' }, defaultColor: false, transformers: shikiTransformers },
} as Parameters<typeof createSatteriMarkdownProcessor>[0]);

async function render(markdown: string, file = 'content/case-studies/x.md'): Promise<string> {
  const result = await processor.render(markdown, { frontmatter: {}, fileURL: pathToFileURL(file) } as never);
  return result.code.replace(/ style="[^"]*"/g, '');
}

describe('GitHub alerts and directive admonitions', () => {
  it('renders every GitHub alert kind as <Callout> markup, keeping the body', async () => {
    const html = await render('> [!IMPORTANT]\n> Read **this**.\n>\n> Second paragraph.\n\n> [!TIP]\n> Short.\n\n> An ordinary quote.\n');
    expect(html).toContain('<aside class="callout note" aria-label="Important">\n<p class="label">Important</p>\n<p>Read <strong>this</strong>.</p>\n<p>Second paragraph.</p>\n</aside>');
    expect(html).toContain('<aside class="callout tip" aria-label="Tip">');
    expect(html).toContain('<blockquote>\n<p>An ordinary quote.</p>\n</blockquote>');
    expect(html).not.toContain('[!');
  });

  it('renders :::tip[Title], :::caution Title, attributes and nested admonitions', async () => {
    const html = await render(
      [':::tip[Use *idempotency* keys]', 'Body.', ':::', '', ':::caution Watch the clock', 'Skew.', ':::', '', '::::note{title="Outer"}', 'Outer body.', '', ':::danger', 'Inner.', ':::', '::::', ''].join('\n'),
    );
    expect(html).toContain('<aside class="callout tip" aria-label="Use idempotency keys"><p class="label">Use <em>idempotency</em> keys</p><p>Body.</p></aside>');
    expect(html).toContain('<aside class="callout warning" aria-label="Watch the clock"><p class="label">Watch the clock</p><p>Skew.</p></aside>');
    expect(html).toMatch(/<aside class="callout note" aria-label="Outer"><p class="label">Outer<\/p><p>Outer body.<\/p><aside class="callout warning" aria-label="Danger"><p class="label">Danger<\/p><p>Inner.<\/p><\/aside><\/aside>/);
  });

  it('keeps the content of a directive it does not know', async () => {
    const html = await render(':::details\nHidden *content*.\n:::\n');
    expect(html).toContain('<div class="directive directive-details"><p>Hidden <em>content</em>.</p></div>');
  });

  it('renders the same markup in MDX', async () => {
    const { code } = await mdxToJs('> [!WARNING]\n> Careful.\n\n:::tip[T]\nx\n:::\n', { mdastPlugins, hastPlugins, features });
    expect(code).toContain('className: "callout warning"');
    expect(code).toContain('"aria-label": "Warning"');
    expect(code).toContain('className: "callout tip"');
  });
});

describe('math', () => {
  it('renders inline, display and GitHub-style math as MathML, and leaves prices as text', async () => {
    const html = await render('Energy $E = mc^2$ and $`\\sqrt{2}`$; it costs $5 and $10.\n\n$$\n\\frac{a}{b}\n$$\n');
    expect(html).toContain('<math><semantics><mrow><mi>E</mi>');
    expect(html).toContain('<msqrt><mn>2</mn></msqrt>');
    expect(html).toContain('it costs $5 and $10.');
    expect(html).toMatch(/<div class="math-display"><span class="katex"><math display="block">.*<mfrac>/);
    expect(html).not.toContain('xmlns');
  });

  it('stops the build on a TeX error with the file and the line inside the formula', async () => {
    await expect(render('Intro.\n\n$$\nx = 1 \\\\\n\\frac{1}{\n$$\n', 'content/case-studies/m.md')).rejects.toThrow(
      /^content\/case-studies\/m\.md:5: math: .*fix the TeX/,
    );
  });
});

describe('code fences', () => {
  it('shows titles above blocks, in each way authors write them', async () => {
    const html = await render('```ts title="app.ts"\nlet a = 1;\n```\n\n```ts:lib/util.ts\nlet b = 2;\n```\n\n```tsx filename="page.tsx"\nlet c;\n```\n');
    expect(html).toContain('<figure class="code-figure"><figcaption>app.ts</figcaption><pre class="astro-code');
    expect(html).toContain('<figcaption>lib/util.ts</figcaption>');
    expect(html).toContain('<figcaption>page.tsx</figcaption>');
    expect(html).toContain('data-language="ts"');
  });

  it('highlights lines from {1,3-5}, Docusaurus comments and shiki notations, and marks diff lines', async () => {
    const html = await render(
      '```js {1,3-4}\na\nb\nc\nd\ne\n```\n\n```js\n// highlight-next-line\nx\ny // [!code ++]\n```\n\n```diff\n-old\n+new\n same\n```\n\n```diff-js\n+added\n```\n',
    );
    const lines = [...html.matchAll(/<span class="line([^"]*)">/g)].map((m) => m[1]!.trim());
    expect(lines).toEqual(['highlighted', '', 'highlighted', 'highlighted', '', 'highlighted', 'diff add', 'diff remove', 'diff add', '', 'diff add']);
    expect(html).not.toContain('highlight-next-line');
    expect(html).not.toContain('[!code');
  });

  it('renders an unknown language as plain text, with its code intact', async () => {
    const html = await render('```promql\nrate(http_requests_total[5m])\n```\n');
    expect(html).toContain('data-language="plaintext"');
    expect(html).toContain('rate(http_requests_total[5m])');
  });
});

describe('GFM and headings', () => {
  it('keeps written {#ids} and gives every other heading a unique id that avoids them', async () => {
    const html = await render('## Intro {#intro}\n\n## Intro\n\n## Setup\n\n## Other {#setup}\n\n## Again {#intro}\n');
    const ids = [...html.matchAll(/<h2 id="([^"]+)">/g)].map((m) => m[1]);
    expect(ids).toEqual(['intro', 'intro-1', 'setup-1', 'setup', 'intro-2']);
  });

  it('renders tables, footnotes, task lists, strikethrough, autolinks and custom/duplicate heading ids', async () => {
    const html = await render('## Intro {#start}\n\n## Intro\n\n## Intro\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n\n~~old~~ https://example.com and a note[^n]\n\n[^n]: Note.\n');
    expect(html).toContain('<h2 id="start">Intro</h2>\n<h2 id="intro">Intro</h2>\n<h2 id="intro-1">Intro</h2>');
    expect(html).toContain('<table>');
    expect(html).toContain('<input type="checkbox" checked disabled>');
    expect(html).toContain('<del>old</del>');
    expect(html).toContain('<a href="https://example.com">https://example.com</a>');
    expect(html).toContain('<section data-footnotes="" class="footnotes">');
  });
});

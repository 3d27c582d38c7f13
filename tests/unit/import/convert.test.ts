/**
 * The importer on real posts (tests/fixtures/writeups/, provenance in manifest.json), one per
 * generator, and on the Hugo/Liquid constructs it converts.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { caseStudySchema } from '../../../src/content.config.ts';
import { parseFrontmatter } from '../../../src/tools/validation/frontmatter.ts';
import { convertPost } from '../../../src/tools/import/convert.ts';

const FIXTURES = 'tests/fixtures/writeups';
const today = new Date(Date.UTC(2026, 0, 2));

async function convertFixture(file: string) {
  const path = `${FIXTURES}/${file}`;
  return convertPost({ file: path, source: await readFile(path, 'utf8'), today });
}

function frontmatterOf(text: string): Record<string, unknown> {
  const fm = parseFrontmatter(text);
  expect(fm.syntaxErrors).toEqual([]);
  return fm.data as Record<string, unknown>;
}

describe('importer on real posts', () => {
  it('Astro: title, description, pubDate; unknown keys reported on their line', async () => {
    const post = await convertFixture('astro/markdown-style-guide.md');
    expect(post.generator).toBe('astro');
    expect(post.slug).toBe('markdown-style-guide');
    expect(post.format).toBe('md');
    const data = frontmatterOf(post.text);
    expect(data).toMatchObject({ title: 'Markdown Style Guide', summary: expect.stringMatching(/^Here is a sample/), category: 'Writing', status: 'research' });
    expect(caseStudySchema.safeParse(data).success).toBe(true);
    expect(String(data['date'] instanceof Date ? (data['date'] as Date).toISOString() : data['date'])).toMatch(/^2022-07-01/);
    expect(post.notes).toContainEqual({ line: 5, message: 'front matter "heroImage" has no case-study field; dropped' });
    expect(post.text).toContain('## Tables\n\n| Italics');
  });

  it('Docusaurus: <!--truncate--> dropped, date from the file name, summary from the first paragraph', async () => {
    const post = await convertFixture('docusaurus/2017-12-14-introducing-docusaurus.md');
    expect(post.generator).toBe('docusaurus');
    expect(post.slug).toBe('introducing-docusaurus');
    expect(post.text).not.toContain('truncate');
    const data = frontmatterOf(post.text);
    expect((data['date'] as Date).toISOString()).toMatch(/^2017-12-14/);
    expect(data['summary']).toBe('We are very happy to introduce Docusaurus to help you manage one or many open source websites.');
    expect(caseStudySchema.safeParse(data).success).toBe(true);
    expect(post.notes.map((n) => n.message)).toContain('front matter "authorURL" has no case-study field; dropped');
  });

  it('Hugo (Kubernetes blog): slug from the front matter, layout ignored, body unchanged', async () => {
    const post = await convertFixture('hugo/taint-eviction-controller.md');
    const source = await readFile(`${FIXTURES}/hugo/taint-eviction-controller.md`, 'utf8');
    expect(post.slug).toBe('kubernetes-1-29-taint-eviction-controller');
    const data = frontmatterOf(post.text);
    expect((data['date'] as Date).toISOString()).toMatch(/^2023-12-19/);
    expect(post.notes.some((n) => n.message.includes('"layout"'))).toBe(false);
    const bodyOf = (text: string) => text.slice(text.indexOf('\n---\n', 4) + 5).trim();
    expect(bodyOf(post.text)).toBe(bodyOf(source));
  });

  it('Jekyll: date with time and zone, categories to category, .markdown to .md', async () => {
    const post = await convertFixture('jekyll/2017-10-19-diversity-open-source.markdown');
    expect(post.slug).toBe('diversity-open-source');
    expect(post.format).toBe('md');
    const data = frontmatterOf(post.text);
    expect((data['date'] as Date).toISOString()).toMatch(/^2017-10-19/);
    expect(data['category']).toBe('community');
    expect(String(data['summary']).length).toBeLessThanOrEqual(240);
    expect(caseStudySchema.safeParse(data).success).toBe(true);
  });

  it('Next blog starter: excerpt as summary, ISO date', async () => {
    const post = await convertFixture('next/dynamic-routing.md');
    expect(post.generator).toBe('next');
    const data = frontmatterOf(post.text);
    expect((data['date'] as Date).toISOString()).toMatch(/^2020-03-16/);
    expect(String(data['summary'])).toMatch(/^Lorem ipsum dolor sit amet/);
    expect(post.notes.map((n) => n.line)).toEqual(expect.arrayContaining([4, 6, 9]));
  });
});

describe('importer conversions', () => {
  it('Hugo TOML front matter, figure and mermaid shortcodes, <!--more-->, and unknown shortcodes reported', () => {
    const source = [
      '+++',
      'title = "Sharding the ledger"',
      'date = 2021-04-05T10:00:00Z',
      'lastmod = 2021-05-01',
      'tags = ["postgres", "sharding"]',
      'categories = ["Databases"]',
      'draft = true',
      '+++',
      '',
      'Intro paragraph.',
      '',
      '<!--more-->',
      '',
      '{{< figure src="shards.png" alt="Shard map" caption="Where rows live" >}}',
      '',
      '{{< mermaid >}}',
      'graph TD; A-->B',
      '{{< /mermaid >}}',
      '',
      '{{< youtube abc123 >}}',
      '',
    ].join('\n');
    const post = convertPost({ file: 'content/posts/sharding.md', source, today });
    expect(post.generator).toBe('hugo');
    const data = frontmatterOf(post.text);
    expect(data).toMatchObject({ title: 'Sharding the ledger', category: 'Databases', tags: ['postgres', 'sharding'], draft: true });
    expect((data['updated'] as Date).toISOString()).toMatch(/^2021-05-01/);
    expect(post.text).not.toContain('more-->');
    expect(post.text).toContain('![Shard map](shards.png "Where rows live")');
    expect(post.text).toContain('```mermaid\ngraph TD; A-->B\n```');
    expect(post.images).toEqual(['shards.png']);
    expect(post.notes).toContainEqual({ line: 20, message: 'Hugo shortcode {{< youtube >}} has no Casebook equivalent; left as text — rewrite it as Markdown' });
  });

  it('Liquid highlight blocks become fences, image includes become images, other tags are reported', () => {
    const source = ['---', 'title: Post', 'date: 2019-01-02', '---', '', '{% highlight ruby %}', 'puts 1', '{% endhighlight %}', '', '{% include image.html url="./a.png" description="A" %}', '', '{% include toc.html %}', ''].join('\n');
    const post = convertPost({ file: '_posts/2019-01-02-post.md', source, today });
    expect(post.generator).toBe('jekyll');
    expect(post.text).toContain('```ruby\nputs 1\n```');
    expect(post.text).toContain('![A](./a.png)');
    expect(post.notes).toContainEqual({ line: 12, message: 'Liquid tag {% include %} has no Casebook equivalent; left as text — rewrite it as Markdown' });
  });

  it('chooses .mdx only when the body has components or imports', () => {
    const mdx = convertPost({ file: 'a.mdx', source: "---\ntitle: A\ndate: 2020-01-01\n---\n\nimport Tabs from '@theme/Tabs';\n\n<Tabs>x</Tabs>\n", today });
    expect(mdx.format).toBe('mdx');
    const md = convertPost({ file: 'b.mdx', source: '---\ntitle: B\ndate: 2020-01-01\n---\n\nPlain <br> text and `<Tabs>` in code.\n', today });
    expect(md.format).toBe('md');
  });

  it('a post without front matter gets its title from the first heading and today as its date, with notes', () => {
    const post = convertPost({ file: 'docs/adr/0007-use-kafka.md', source: '# Use Kafka for events\n\nWe need durable events.\n', today });
    const data = frontmatterOf(post.text);
    expect(data['title']).toBe('Use Kafka for events');
    expect((data['date'] as Date).toISOString()).toMatch(/^2026-01-02/);
    expect(post.notes.map((n) => n.message)).toContain('no date in the front matter or the file name; used today (2026-01-02)');
  });
});

/**
 * The real write-ups in tests/fixtures/writeups/ (provenance in manifest.json) as case
 * studies: each body unchanged, only the front matter replaced by a Casebook one. They must
 * validate, and render (through Astro's Sätteri renderer with Casebook's plugins) with the
 * headings, tables, footnotes and code blocks their source has.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { describe, expect, it } from 'vitest';
import { features, hastPlugins, mdastPlugins } from '../../../src/lib/satteri-plugins.ts';
import { shikiTransformers } from '../../../src/lib/markdown/shiki-transformers.ts';
import { readFrontMatter } from '../../../src/tools/import/front-matter.ts';
import { formatProblem } from '../../../src/tools/validation/problem.ts';
import { validateContent } from '../../../src/tools/validation/validate-content.ts';
import { makeProject } from '../validation/helpers.ts';

interface Entry {
  file: string;
  generator: string;
  repo: string;
  path: string;
  commit: string;
  licence: string;
  expects: { headings: string[]; tables?: number; footnotes?: number; codeBlocks?: number; text?: string[] };
}

const manifest = JSON.parse(await readFile('tests/fixtures/writeups/manifest.json', 'utf8')) as { posts: Entry[] };

const processor = await createSatteriMarkdownProcessor({
  mdastPlugins,
  hastPlugins,
  features,
  syntaxHighlight: 'shiki',
  shikiConfig: { themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' }, defaultColor: false, transformers: shikiTransformers },
} as Parameters<typeof createSatteriMarkdownProcessor>[0]);

function asCaseStudy(entry: Entry, source: string): string {
  const { body } = readFrontMatter(source);
  const title = entry.path.split('/').at(-1)!;
  return `---\ntitle: ${JSON.stringify(title)}\nsummary: A real write-up from ${entry.repo}.\ndate: 2024-01-01\ncategory: Corpus\nstatus: research\n---\n${body}`;
}

const sources = new Map<string, string>();
for (const entry of manifest.posts) sources.set(entry.file, await readFile(`tests/fixtures/writeups/${entry.file}`, 'utf8'));

describe('corpus of real write-ups', () => {
  it('records provenance and a permissive licence for every file', () => {
    expect(manifest.posts.length).toBeGreaterThanOrEqual(15);
    for (const e of manifest.posts) {
      expect(e.commit).toMatch(/^[0-9a-f]{40}$/);
      expect(e.licence).toMatch(/MIT|Apache-2\.0|BSD|ISC|CC0|CC-BY/);
    }
  });

  it('validates as case studies, bodies unchanged, with no errors', async () => {
    const files: Record<string, string> = {};
    for (const e of manifest.posts) files[`content/case-studies/${e.file.replace(/\//g, '-')}`] = asCaseStudy(e, sources.get(e.file)!);
    const root = await makeProject(files);
    const { problems } = await validateContent({ root });
    expect(problems.filter((p) => p.severity !== 'warning').map(formatProblem)).toEqual([]);
  });

  for (const entry of manifest.posts) {
    it(`renders ${entry.repo}/${entry.path} with its headings, tables, footnotes and code`, async () => {
      const { body } = readFrontMatter(sources.get(entry.file)!);
      const { code: html } = await processor.render(body, { frontmatter: {}, fileURL: pathToFileURL(entry.file) } as never);
      const headings = [...html.matchAll(/<h([1-6]) id="([^"]+)">([\s\S]*?)<\/h\1>/g)].map((m) => m[3]!.replace(/<[^>]+>/g, ''));
      for (const h of entry.expects.headings) expect(headings).toContain(h);
      const ids = [...html.matchAll(/<h[1-6] id="([^"]+)"/g)].map((m) => m[1]);
      expect(new Set(ids).size).toBe(ids.length);
      expect((html.match(/<table>/g) ?? []).length).toBe(entry.expects.tables ?? 0);
      expect((html.match(/<li id="user-content-fn-/g) ?? []).length).toBe(entry.expects.footnotes ?? 0);
      expect((html.match(/<pre class="astro-code/g) ?? []).length).toBe(entry.expects.codeBlocks ?? 0);
      // Prose that must survive as written (a price is not math).
      for (const t of entry.expects.text ?? []) expect(html).toContain(t);
      // Generator markers such as <!--truncate--> stay comments: never visible text.
      expect(html.replace(/<!--[\s\S]*?-->/g, '')).not.toMatch(/truncate|<!--/);
    });
  }
});

/**
 * The corpus of real write-ups (tests/fixtures/writeups/) built by `npm run build` as a site
 * of its own: a copy of this project whose only case studies are the corpus, each body
 * unchanged and the front matter replaced. Every write-up must produce its page, with the
 * headings, tables, footnotes and code blocks of its source in the built HTML.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copySite } from '../../../src/tools/bench/site-copy.ts';
import { readFrontMatter } from '../../../src/tools/import/front-matter.ts';
import { runTsx } from '../validation/helpers.ts';

interface Entry {
  file: string;
  repo: string;
  path: string;
  expects: { headings: string[]; tables?: number; footnotes?: number; codeBlocks?: number };
}
const manifest = JSON.parse(readFileSync('tests/fixtures/writeups/manifest.json', 'utf8')) as { posts: Entry[] };
const slugOf = (e: Entry) => e.file.replace(/\.(md|markdown)$/, '').replace(/[^a-z0-9]+/gi, '-').toLowerCase();

const site = mkdtempSync(path.join(tmpdir(), 'casebook-corpus-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

describe('the corpus builds', () => {
  it('builds every write-up into its page, with its structure', { timeout: 240_000 }, () => {
    copySite(process.cwd(), site);
    const dir = path.join(site, 'content', 'case-studies');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const e of manifest.posts) {
      const { body } = readFrontMatter(readFileSync(`tests/fixtures/writeups/${e.file}`, 'utf8'));
      const fm = `---\ntitle: ${JSON.stringify(e.path.split('/').at(-1))}\nsummary: A real write-up from ${e.repo}.\ndate: 2024-01-01\ncategory: Corpus\nstatus: research\n---\n`;
      writeFileSync(path.join(site, 'content', 'case-studies', `${slugOf(e)}.md`), fm + body, { flag: 'w' });
    }
    const run = runTsx('src/cli/build.ts', [], { cwd: site, env: { ...process.env, CASEBOOK_CACHE_DIR: path.join(site, '.astro-cache') } });
    expect(run.status, run.stderr).toBe(0);
    const built = readdirSync(path.join(site, 'dist', 'case-studies'));
    for (const e of manifest.posts) {
      expect(built).toContain(slugOf(e));
      const html = readFileSync(path.join(site, 'dist', 'case-studies', slugOf(e), 'index.html'), 'utf8');
      const prose = html.slice(html.indexOf('class="prose'));
      const headings = [...prose.matchAll(/<h([1-6]) id="[^"]+"[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => m[2]!.replace(/<[^>]+>/g, ''));
      for (const h of e.expects.headings) expect(headings, e.file).toContain(h);
      expect((prose.match(/<table>/g) ?? []).length, e.file).toBe(e.expects.tables ?? 0);
      expect((prose.match(/<li id="user-content-fn-/g) ?? []).length, e.file).toBe(e.expects.footnotes ?? 0);
      expect((prose.match(/<pre class="astro-code/g) ?? []).length, e.file).toBe(e.expects.codeBlocks ?? 0);
    }
  });
});

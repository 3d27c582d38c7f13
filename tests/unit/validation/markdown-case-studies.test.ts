import { describe, expect, it } from 'vitest';
import { formatProblem, sortProblems } from '../../../src/tools/validation/problem.ts';
import { validateContent } from '../../../src/tools/validation/validate-content.ts';
import { caseStudy, makeProject, runTsx, VALID_FRONTMATTER } from './helpers.ts';

// A 1x1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

async function lines(files: Record<string, string | Buffer>): Promise<{ files: string[]; problems: string[] }> {
  const root = await makeProject(files as Record<string, string>);
  const result = await validateContent({ root });
  return { files: result.files, problems: sortProblems(result.problems).map(formatProblem) };
}

describe('Markdown case studies in the validator', () => {
  it('checks .md and .markdown files like .mdx, and accepts HTML, braces and {#id} there', async () => {
    const body = ['## Intro {#intro}', '', 'A { brace } and <br> and <a href=https://example.com>a link</a>.', '', '<!-- a comment -->', ''].join('\n');
    const result = await lines({
      'content/case-studies/a.md': caseStudy(VALID_FRONTMATTER, body),
      'content/case-studies/b.markdown': caseStudy(VALID_FRONTMATTER, body),
      'content/case-studies/c.md': caseStudy('title: Missing the rest'),
    });
    expect(result.files).toEqual(['content/case-studies/a.md', 'content/case-studies/b.markdown', 'content/case-studies/c.md']);
    expect(result.problems.filter((p) => p.startsWith('content/case-studies/c.md')).length).toBeGreaterThan(0);
    expect(result.problems.filter((p) => !p.startsWith('content/case-studies/c.md'))).toEqual([]);
  });

  it('names every other file in the folder, but not the images beside the studies', async () => {
    const result = await lines({
      'content/case-studies/a.md': caseStudy(VALID_FRONTMATTER, '![Figure](./a/figure.png)\n'),
      'content/case-studies/a/figure.png': PNG,
      'content/case-studies/notes.txt': 'todo',
      'content/case-studies/old/post.mdoc': '# Hi',
      'content/case-studies/.DS_Store': '',
    });
    expect(result.problems).toEqual([
      'content/case-studies/notes.txt  file  found a file that is not a case study (.txt), which would produce no page, expected case studies as .md, .markdown or .mdx, and beside them only the images they use — rename it to .md if it is a write-up, or move it out of content/case-studies/',
      expect.stringMatching(/^content\/case-studies\/old\/post\.mdoc {2}file {2}found a file that is not a case study \(\.mdoc\)/),
    ]);
  });

  it('reports a component in a .md file with the way out', async () => {
    const result = await lines({ 'content/case-studies/a.md': caseStudy(VALID_FRONTMATTER, 'Text.\n\n<Callout type="tip">Hi</Callout>\n') });
    expect(result.problems).toEqual([
      expect.stringMatching(/^content\/case-studies\/a\.md:11 {2}<Callout> {2}found a component in a Markdown file .* — rename the file to \.mdx to use <Callout>$/),
    ]);
  });

  it('accepts HTML comments in .mdx, and reports stray braces with the .md way out', async () => {
    const body = ['<!-- KEP template: fill in the sections below -->', '', '## Summary', '', 'Retries are bounded by {retries}.', ''].join('\n');
    const result = await lines({ 'content/case-studies/a.mdx': caseStudy(VALID_FRONTMATTER, body) });
    expect(result.problems).toEqual([
      'content/case-studies/a.mdx:13:24  MDX expression  found {retries}, which MDX runs as JavaScript, expected text — write \\{ for a literal brace; this file uses no components, so it can also be saved as .md, where braces are text',
    ]);
  });

  it('suggests .md when an .mdx file fails on HTML and uses no components, and not when it does', async () => {
    const html = 'Line one<br>line two\n';
    const result = await lines({
      'content/case-studies/plain.mdx': caseStudy(VALID_FRONTMATTER, html),
      'content/case-studies/rich.mdx': caseStudy(VALID_FRONTMATTER, `<Callout type="tip">Hi</Callout>\n\n${html}`),
    });
    expect(result.problems).toEqual([
      'content/case-studies/plain.mdx:9:9  MDX syntax  Expected a closing tag for `<br>` before the end of `paragraph` — MDX needs <br /> (self-closing) — this file uses no components: save it as .md, where HTML and braces are plain Markdown',
      'content/case-studies/rich.mdx:11:9  MDX syntax  Expected a closing tag for `<br>` before the end of `paragraph` — MDX needs <br /> (self-closing)',
    ]);
  });

  it('reports math errors on their line, in both formats, and leaves prices alone', async () => {
    const body = ['Costs $5 and $10 a month; $a^2$ is fine.', '', '$$', 'x = 1 \\\\', '\\frac{1}{', '$$', ''].join('\n');
    const result = await lines({
      'content/case-studies/a.md': caseStudy(VALID_FRONTMATTER, body),
      'content/case-studies/b.mdx': caseStudy(VALID_FRONTMATTER, 'Inline $\\sqrt{x$ here.\n'),
    });
    expect(result.problems).toEqual([
      expect.stringMatching(/^content\/case-studies\/a\.md:13 {2}math {2}found .*expected TeX that KaTeX can render/),
      expect.stringMatching(/^content\/case-studies\/b\.mdx:9 {2}math {2}found /),
    ]);
  });

  it('fails a missing image with file:line, warns about remote images and unknown languages', async () => {
    const body = [
      '![Here](./here.png)', // line 9
      '',
      '![Gone](./figures/gone.png)', // 11
      '',
      '<img src="./also-gone.png" alt="x">', // 13
      '',
      '![Remote](https://example.com/chart.png)', // 15
      '',
      '```promql', // 17
      'rate(x[5m])',
      '```',
      '',
      '```diff-js',
      '-a',
      '```',
      '',
    ].join('\n');
    const result = await lines({ 'content/case-studies/a.md': caseStudy(VALID_FRONTMATTER, body), 'content/case-studies/here.png': PNG });
    expect(result.problems).toEqual([
      'content/case-studies/a.md:11  image  found "./figures/gone.png", which does not exist (looked for content/case-studies/figures/gone.png), expected a path relative to this file, e.g. ./figure.png next to it',
      expect.stringMatching(/^content\/case-studies\/a\.md:13 {2}image {2}found "\.\/also-gone\.png", which does not exist/),
      expect.stringMatching(/^content\/case-studies\/a\.md:15 {2}warning: remote image {2}found https:\/\/example\.com\/chart\.png, which is shown as it is/),
      expect.stringMatching(/^content\/case-studies\/a\.md:17 {2}warning: ```promql fence {2}found a language the highlighter does not know \("promql"\).*shown as plain text/),
    ]);
  });

  it('npm run validate: warnings alone do not fail, and are printed with file:line', async () => {
    const root = await makeProject({ 'content/case-studies/a.md': caseStudy(VALID_FRONTMATTER, '```promql\nup\n```\n') });
    const run = runTsx('src/cli/validate.ts', [], { cwd: root });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('content/case-studies/a.md:9  warning: ```promql fence');
    expect(run.stdout).toContain('Content OK: 1 case study checked (1 warning above).');
  });

  it('npm run validate: a stray file fails the run, naming it', async () => {
    const root = await makeProject({ 'content/case-studies/a.md': caseStudy(VALID_FRONTMATTER), 'content/case-studies/b.html': '<p>x</p>' });
    const run = runTsx('src/cli/validate.ts', [], { cwd: root });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('content/case-studies/b.html  file  found a file that is not a case study (.html)');
  });
});

describe('cover.image', () => {
  it('accepts a picture next to the study with alt text, and reports the rest on their lines', async () => {
    const cover = (lines: string) => `${VALID_FRONTMATTER}\ncover:\n${lines}`;
    const result = await lines({
      'content/case-studies/ok.md': caseStudy(cover('  image: ./ok/shot.png\n  alt: The dashboard')),
      'content/case-studies/ok/shot.png': PNG,
      'content/case-studies/no-alt.md': caseStudy(cover('  image: ./ok/shot.png')),
      'content/case-studies/missing.md': caseStudy(cover('  image: ./gone.png\n  alt: Gone')),
      'content/case-studies/remote.md': caseStudy(cover('  image: https://example.com/a.png\n  alt: Remote')),
      'content/case-studies/both.md': caseStudy(cover('  image: ./ok/shot.png\n  diagram: flow\n  alt: Both')),
    });
    expect(result.problems).toEqual([
      'content/case-studies/both.md:8  cover.image  found "./ok/shot.png", expected either cover.diagram or cover.image, not both',
      expect.stringMatching(/^content\/case-studies\/both\.md:9 {2}cover\.diagram {2}found no diagram named "flow"/),
      'content/case-studies/missing.md:8  cover.image  found "./gone.png", which does not exist (looked for content/case-studies/gone.png), expected a picture next to the case study, e.g. ./screenshot.png',
      'content/case-studies/no-alt.md:7  cover.alt  found nothing (the field is missing), expected alt text for cover.image (what the picture shows), e.g. alt: Grafana dashboard of p99 latency',
      'content/case-studies/remote.md:8  cover.image  found "https://example.com/a.png", expected a path relative to this file, e.g. ./screenshot.png next to it — remote and site-absolute pictures cannot be optimised for cards',
    ]);
  });
});

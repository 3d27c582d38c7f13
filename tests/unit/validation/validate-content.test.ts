import { describe, expect, it } from 'vitest';
import { formatProblem, formatReport } from '../../../src/tools/validation/problem.ts';
import { validateContent } from '../../../src/tools/validation/validate-content.ts';
import { brokenDiagramProblems } from '../../../src/tools/validation/broken-diagrams.ts';
import { cacheDir } from '../../../src/lib/cache.ts';
import { diagramCache, diagramCacheKey } from '../../../src/lib/diagrams/cache.ts';
import { sitePrefix } from '../../../src/lib/diagrams/catalogue.ts';
import { processSvg } from '../../../src/lib/diagrams/pipeline.ts';
import { createDiagramRegistry } from '../../../src/lib/diagrams/registry.ts';
import { caseStudy, makeProject, runTsx, VALID_FRONTMATTER } from './helpers.ts';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><title>t</title></svg>';

async function lines(files: Record<string, string>): Promise<string[]> {
  const root = await makeProject(files);
  const { problems } = await validateContent({ root });
  return problems.map(formatProblem);
}


describe('validateContent', () => {
  it('accepts a valid case study with known components and diagrams', async () => {
    const body = '## Problem\n\n<Callout type="note">Hi</Callout>\n\n<Diagram name="flow" caption="Flow" />\n';
    expect(
      await lines({
        'content/case-studies/ok.mdx': caseStudy(`${VALID_FRONTMATTER}\ncover:\n  diagram: flow`, body),
        'diagrams/flow.svg': SVG,
      }),
    ).toEqual([]);
  });

  it('reports every frontmatter problem of a file, each on the line of its field', async () => {
    const fm = [
      'title: Payments', //           line 2
      'sumary: typo in the key', //   line 3
      'date: 2024-11-20',
      'category: Payments',
      'status: shipped', //           line 6
      'featured: "yes"', //           line 7
      'metrics:',
      '  - label: Throughput',
      '    value: 50k/s',
      '  - label: ""', //             line 11
      '    value: 1',
      'links:',
      '  - kind: code',
      '    url: github.com/x/y', //   line 15
    ].join('\n');
    expect(await lines({ 'content/case-studies/x.mdx': caseStudy(fm) })).toEqual([
      'content/case-studies/x.mdx:1  summary  found nothing (the field is missing), expected a one-line summary (a non-empty string)',
      'content/case-studies/x.mdx:6  status  found "shipped", expected a status: one of production, design-exercise, reference-architecture, in-progress, research',
      'content/case-studies/x.mdx:7  featured  found "yes", expected true or false',
      'content/case-studies/x.mdx:11  metrics[1].label  found an empty string, expected a metric label',
      'content/case-studies/x.mdx:15  links[0].url  found "github.com/x/y", expected an absolute http(s) URL or a path starting with /',
      'content/case-studies/x.mdx:3  sumary  found an unknown field, expected a known field — did you mean `summary`?',
    ]);
  });

  it('lists the known fields when an unknown one is not close to any', async () => {
    const [line] = await lines({ 'content/case-studies/x.mdx': caseStudy(`${VALID_FRONTMATTER}\nauthorTwitter: x`) });
    expect(line).toMatch(/^content\/case-studies\/x\.mdx:7 {2}authorTwitter {2}found an unknown field, expected one of `title`, `summary`/);
  });

  it('reports an update date before the publication date', async () => {
    expect(await lines({ 'content/case-studies/x.mdx': caseStudy(`${VALID_FRONTMATTER}\nupdated: 2024-01-02`) })).toEqual([
      'content/case-studies/x.mdx:7  updated  found 2024-01-02, expected `updated` to be on or after `date`',
    ]);
  });

  it('flags dates that YAML would silently roll over', async () => {
    const fm = VALID_FRONTMATTER.replace('2024-11-20', '2024-13-45');
    expect(await lines({ 'content/case-studies/x.mdx': caseStudy(fm) })).toEqual([
      'content/case-studies/x.mdx:4  date  found 2024-13-45, which is not a calendar date, expected a real date like 2024-11-20 (YYYY-MM-DD)',
    ]);
  });

  it('reports YAML syntax errors with line and column, and a missing frontmatter', async () => {
    expect(
      await lines({
        'content/case-studies/a.mdx': '---\ntitle: x\nsummary: [unclosed\ndate: 2024-01-01\n---\n\nBody\n',
        'content/case-studies/b.mdx': '# Just a body\n',
      }),
    ).toEqual([
      'content/case-studies/a.mdx:4:1  frontmatter YAML  Flow sequence in block collection must be sufficiently indented and end with a ]',
      expect.stringMatching(/^content\/case-studies\/b\.mdx:1 {2}frontmatter {2}found no frontmatter, expected the file to start with a --- line/),
    ]);
  });

  it('reports MDX syntax errors with file:line:col, the message and advice', async () => {
    const result = await lines({
      'content/case-studies/a.mdx': caseStudy(VALID_FRONTMATTER, '## Problem\n\n<Callout type="note">\nNever closed.\n'),
      'content/case-studies/b.mdx': caseStudy(VALID_FRONTMATTER, 'Latency went from 3s to {less than 1s.\n'),
      'content/case-studies/c.mdx': caseStudy(VALID_FRONTMATTER, 'p99 <5 ms\n'),
    });
    expect(result).toEqual([
      'content/case-studies/a.mdx:11:1  MDX syntax  Expected a closing tag for `<Callout>` — close the tag (</Name>) or make it self-closing (<Name ... />)',
      // The column of the brace itself, and the way out for a file that uses no components.
      'content/case-studies/b.mdx:9:25  MDX syntax  Unexpected end of file in expression, expected a corresponding closing brace for `{` — a { starts a JavaScript expression in MDX; write \\{ for a literal brace — this file uses no components: save it as .md, where HTML and braces are plain Markdown',
      expect.stringMatching(/^content\/case-studies\/c\.mdx:9:5 {2}MDX syntax {2}Unexpected character after `<`.*write \\< or &lt; for a literal <.*save it as \.md/),
    ]);
  });

  it('reports unknown components with a suggestion, but accepts imported ones', async () => {
    const body = [
      "import Chart from '../../src/components/Chart.astro';",
      '',
      '<Calout type="note">typo</Calout>',
      '',
      '<Chart />',
      '',
      '<whycard question="q">lowercase</whycard>',
      '',
      '<Sparkline />',
    ].join('\n');
    const result = await lines({ 'content/case-studies/x.mdx': caseStudy(VALID_FRONTMATTER, body) });
    expect(result).toEqual([
      'content/case-studies/x.mdx:11:1  <Calout>  found an unknown component, expected one of <Callout>, <WhyCard>, <CardGrid>, <Metrics>, <Metric>, <Diagram> (or a component imported in this file) — did you mean <Callout>?',
      expect.stringMatching(/^content\/case-studies\/x\.mdx:15:1 {2}<whycard> {2}found an HTML tag with the name of a component, .* — did you mean <WhyCard>\?$/),
      expect.stringMatching(
        /^content\/case-studies\/x\.mdx:17:1 {2}<Sparkline> {2}found an unknown component, expected one of <Callout>, .*\(or a component imported in this file\) — to use a component of your own, add `import Sparkline from '\.\.\/\.\.\/src\/components\/Sparkline\.astro';` below the frontmatter$/,
      ),
    ]);
  });

  it('reports unknown diagram names in <Diagram> and cover.diagram, and accepts named text-diagram fences', async () => {
    const body = [
      '<Diagram name="checkout-flwo" caption="typo" />',
      '',
      '<Diagram caption="no name" />',
      '',
      '```mermaid name="sequence"',
      'sequenceDiagram',
      '  A->>B: hi',
      '```',
      '',
      '<Diagram name="sequence" caption="from the fence" />',
    ].join('\n');
    const result = await lines({
      'content/case-studies/x.mdx': caseStudy(`${VALID_FRONTMATTER}\ncover:\n  diagram: nope`, body),
      'diagrams/checkout-flow.svg': SVG,
    });
    expect(result).toEqual([
      'content/case-studies/x.mdx:11:1  <Diagram name="checkout-flwo">  found no diagram named "checkout-flwo", expected one of: checkout-flow, sequence (did you mean "checkout-flow"?)',
      'content/case-studies/x.mdx:13:1  <Diagram name>  found no name attribute, expected name="<a file in diagrams/ without .svg>"',
      'content/case-studies/x.mdx:8  cover.diagram  found no diagram named "nope", expected one of: checkout-flow, sequence',
    ]);
  });

  it('reports files that get the same slug (case, and folder/index.mdx)', async () => {
    const ok = caseStudy(VALID_FRONTMATTER);
    const { problems } = await validateContent({
      root: await makeProject({
        'content/case-studies/Payments.mdx': ok,
        'content/case-studies/payments.mdx': ok,
        'content/case-studies/mesh.mdx': ok,
        'content/case-studies/mesh/index.mdx': ok,
        'content/case-studies/unique.mdx': ok,
      }),
    });
    expect(problems.map(formatProblem).sort()).toEqual([
      'content/case-studies/Payments.mdx  slug  found "payments", which content/case-studies/payments.mdx also gets, expected every case study to have its own slug (the URL /case-studies/<slug>/) — rename or remove one of the files',
      'content/case-studies/mesh.mdx  slug  found "mesh", which content/case-studies/mesh/index.mdx also gets, expected every case study to have its own slug (the URL /case-studies/<slug>/) — rename or remove one of the files',
      'content/case-studies/mesh/index.mdx  slug  found "mesh", which content/case-studies/mesh.mdx also gets, expected every case study to have its own slug (the URL /case-studies/<slug>/) — rename or remove one of the files',
      'content/case-studies/payments.mdx  slug  found "payments", which content/case-studies/Payments.mdx also gets, expected every case study to have its own slug (the URL /case-studies/<slug>/) — rename or remove one of the files',
    ]);
  });

  it('reports all problems of all files in one run, sorted, with a summary line', async () => {
    const { problems } = await validateContent({ root: 'tests/fixtures/validation/broken-site' });
    const report = formatReport(problems);
    const kinds = ['summary', 'sumary', 'date', 'status', 'metrics[1].label', 'frontmatter YAML', 'MDX syntax', '<Calout>', '<Diagram name="checkout-flwo">', 'slug'];
    for (const kind of kinds) expect(report).toContain(`  ${kind}  `);
    expect(report.trim().split('\n').at(-1)).toBe('13 problems in 7 files');
  });
});

describe('npm run validate (src/cli/validate.ts)', () => {
  it('exits 1 with the report and no stack trace on a broken site', () => {
    const run = runTsx('src/cli/validate.ts', [], { cwd: 'tests/fixtures/validation/broken-site' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('content/case-studies/bad-frontmatter.mdx:6  status  found "shipped"');
    expect(run.stderr).toContain('13 problems in 7 files');
    expect(run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });
});

describe('broken diagrams', () => {
  it('reports every referenced diagram the pipeline rejects, with the SVG file, in the same run', async () => {
    const body = '<Diagram name="empty" caption="a" />\n\n<Diagram name="not-svg" caption="b" />\n\n<Diagram name="fine" caption="c" />\n';
    const result = await lines({
      'content/case-studies/x.mdx': caseStudy(`${VALID_FRONTMATTER}\nstatus: research`.replace('status: production\n', ''), body),
      'diagrams/empty.svg': '   ',
      'diagrams/not-svg.svg': '<svg xmlns="http://www.w3.org/2000/svg"><g></svg>',
      'diagrams/fine.svg': SVG,
    });
    expect(result).toEqual([
      'diagrams/empty.svg  diagram  found an empty file, expected an SVG document starting with <svg',
      expect.stringMatching(/^diagrams\/not-svg\.svg(:\d+)?  /),
    ]);
  });

  it('leaves what it processed in the build\'s diagram cache, so the build does not run svgo on it again', async () => {
    const fine = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>t</title><rect width="5" height="5" fill="#000"/></svg>';
    const broken = '<svg xmlns="http://www.w3.org/2000/svg"><g></svg>';
    const root = await makeProject({ 'diagrams/fine.svg': fine, 'diagrams/broken.svg': broken });
    expect(await brokenDiagramProblems(root, ['fine', 'broken'])).toHaveLength(1);
    const cache = diagramCache(cacheDir('diagrams', process.env, root));
    expect(cache.get(diagramCacheKey('broken', sitePrefix('broken', root), broken))).toBeUndefined();
    const expected = processSvg(fine, { name: 'fine', idPrefix: sitePrefix('fine', root), file: 'diagrams/fine.svg' });
    expect(cache.get(diagramCacheKey('fine', sitePrefix('fine', root), fine))).toEqual(expected);

    const ran: string[] = [];
    const registry = createDiagramRegistry({
      root, log: () => {},
      process: (source, opts) => { ran.push(opts.name); return processSvg(source, opts); },
    });
    // The build's first load processes the whole folder: the broken file fails it, as before,
    // and the diagram the check processed is read, not processed again.
    expect(() => registry.loadAll()).toThrow(/broken\.svg/);
    expect(ran).toEqual(['broken']);
    expect(() => registry.loadDiagram('fine')).toThrow(/broken\.svg/);
    expect(ran).toEqual(['broken', 'broken']);
  });
});

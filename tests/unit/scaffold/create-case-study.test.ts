import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseStudySchema } from '../../../src/content.config.ts';
import { createCaseStudy, ScaffoldError } from '../../../src/tools/scaffold/create-case-study.ts';
import { SECTIONS } from '../../../src/tools/scaffold/template.ts';
import { parseFrontmatter } from '../../../src/tools/validation/frontmatter.ts';
import { formatProblem } from '../../../src/tools/validation/problem.ts';
import { validateContent } from '../../../src/tools/validation/validate-content.ts';
import { caseStudy, makeProject, runTsx, VALID_FRONTMATTER } from '../validation/helpers.ts';

const NEW_CLI = 'src/cli/new.ts';

describe('createCaseStudy', () => {
  it('creates <slug>.mdx with every section and a draft frontmatter that passes the validator', async () => {
    const root = await makeProject({});
    const created = await createCaseStudy({ root, title: 'Zero-Trust Service Mesh', date: new Date('2025-03-04T12:00:00Z') });
    expect(created).toEqual({ slug: 'zero-trust-service-mesh', file: 'content/case-studies/zero-trust-service-mesh.mdx' });

    const text = await readFile(path.join(root, created.file), 'utf8');
    for (const section of SECTIONS) expect(text).toContain(`\n## ${section}\n`);
    const data = caseStudySchema.parse(parseFrontmatter(text).data);
    expect(data).toMatchObject({ title: 'Zero-Trust Service Mesh', draft: true, date: new Date('2025-03-04') });
    // The whole validator (YAML, schema, MDX syntax, components) finds nothing to fix.
    expect((await validateContent({ root })).problems.map(formatProblem)).toEqual([]);
  });

  it('keeps titles with YAML-special characters intact', async () => {
    const root = await makeProject({});
    const { file } = await createCaseStudy({ root, title: 'Kafka: 50k events/sec #1' });
    const data = caseStudySchema.parse(parseFrontmatter(await readFile(path.join(root, file), 'utf8')).data);
    expect(data.title).toBe('Kafka: 50k events/sec #1');
    expect(file).toBe('content/case-studies/kafka-50k-eventssec-1.mdx');
  });

  it('refuses to overwrite an existing case study and leaves it unchanged', async () => {
    const original = caseStudy(VALID_FRONTMATTER);
    const root = await makeProject({ 'content/case-studies/payments.mdx': original });
    await expect(createCaseStudy({ root, title: 'Payments' })).rejects.toThrow(
      'content/case-studies/payments.mdx already has the slug "payments"',
    );
    expect(await readFile(path.join(root, 'content/case-studies/payments.mdx'), 'utf8')).toBe(original);
  });

  it('rejects a title whose slug another file already has under a different file name', async () => {
    const root = await makeProject({ 'content/case-studies/Zero-Trust-Service-Mesh.mdx': caseStudy(VALID_FRONTMATTER) });
    await expect(createCaseStudy({ root, title: 'zero trust service mesh' })).rejects.toThrow(ScaffoldError);
    expect(await readdir(path.join(root, 'content/case-studies'))).toEqual(['Zero-Trust-Service-Mesh.mdx']);
  });

  it('rejects a title that gives an empty slug', async () => {
    const root = await makeProject({});
    await expect(createCaseStudy({ root, title: '!!! ???' })).rejects.toThrow('gives an empty slug');
    await expect(createCaseStudy({ root, title: '   ' })).rejects.toThrow('gives an empty slug');
  });
});

describe('npm run new (src/cli/new.ts)', () => {
  it('prints the file, the dev URL (with the base path) and next steps', async () => {
    const root = await makeProject({});
    const env = { ...process.env, CASEBOOK_BASE: '/portfolio/' };
    const run = runTsx(NEW_CLI, ['Event Sourcing at Scale'], { cwd: root, env });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Created content/case-studies/event-sourcing-at-scale.mdx');
    expect(run.stdout).toContain('npm run dev, then open http://localhost:4321/portfolio/case-studies/event-sourcing-at-scale/');
  });

  // `script` (util-linux) gives the CLI a pseudo-terminal, as when an author runs it by hand.
  it.runIf(existsSync('/usr/bin/script'))('asks for the title when run in a terminal without one', async () => {
    const root = await makeProject({});
    const command = [process.execPath, path.resolve('node_modules/tsx/dist/cli.mjs'), path.resolve(NEW_CLI)].map((a) => `'${a}'`).join(' ');
    const run = spawnSync('/usr/bin/script', ['-qec', command, '/dev/null'], { cwd: root, input: 'Asked Interactively\n', encoding: 'utf8' });
    expect(run.stdout).toContain('Title of the new case study:');
    expect(run.stdout).toContain('Created content/case-studies/asked-interactively.mdx');
    expect(await readdir(path.join(root, 'content/case-studies'))).toEqual(['asked-interactively.mdx']);
  });

  it('explains the usage and exits 1 without a title and without a terminal', async () => {
    const root = await makeProject({});
    const run = runTsx(NEW_CLI, [], { cwd: root });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Usage: npm run new -- "Zero-Trust Service Mesh"');
  });

  it('exits 1 with a one-line reason, no stack trace, when the slug exists', async () => {
    const root = await makeProject({ 'content/case-studies/payments.mdx': caseStudy(VALID_FRONTMATTER) });
    const run = runTsx(NEW_CLI, ['Payments'], { cwd: root });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(/^Cannot create the case study: content\/case-studies\/payments\.mdx already has the slug "payments"/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});

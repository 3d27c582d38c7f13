/**
 * The real `npm run build` (src/cli/build.ts) on a temporary copy of this repository: the
 * scaffold's output builds, a broken case study fails with file + field and a non-zero exit,
 * and the previous dist/ survives. Slow (two Astro builds), so kept to this one file; every
 * other error kind is covered by the fast validator tests.
 */
import { cp, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTsx } from '../validation/helpers.ts';

const REPO = path.resolve('.');
const SKIP = new Set(['node_modules', 'dist', '.git', '.casebook', '.astro', 'test-results', 'playwright-report']);
let site: string;
let cacheDir: string;

function build(args: string[] = []) {
  return runTsx('src/cli/build.ts', args, {
    cwd: site,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', CASEBOOK_CACHE_DIR: cacheDir, CASEBOOK_DEBUG: '' },
  });
}

const BROKEN = `---
title: Broken on purpose
summary: A case study with a status the schema does not allow.
date: 2024-11-20
category: Payments
status: shipped
---

## Problem

Text.
`;

beforeAll(async () => {
  site = await mkdtemp(path.join(tmpdir(), 'casebook-real-build-'));
  cacheDir = path.join(site, '.astro-cache');
  await cp(REPO, site, {
    recursive: true,
    filter: (src) => !SKIP.has(path.relative(REPO, src).split(path.sep)[0]!),
  });
  await symlink(path.join(REPO, 'node_modules'), path.join(site, 'node_modules'), 'dir');
  // A known content set: just what `npm run new` creates, published.
  await rm(path.join(site, 'content/case-studies'), { recursive: true, force: true });
  const created = runTsx('src/cli/new.ts', ['Scaffolded Smoke Test'], { cwd: site });
  expect(created.status, created.stderr).toBe(0);
  const file = path.join(site, 'content/case-studies/scaffolded-smoke-test.mdx');
  await writeFile(file, (await readFile(file, 'utf8')).replace('draft: true', 'draft: false'));
}, 120_000);

afterAll(async () => {
  if (site) await rm(site, { recursive: true, force: true });
});

describe('npm run build on a copy of the site', () => {
  it('builds the scaffolded case study into dist/', () => {
    const run = build();
    expect(run.status, run.stderr).toBe(0);
    // A log that fits a screen: no per-page lines, none of Astro's own directive warnings.
    const log = `${run.stdout}${run.stderr}`;
    expect(log).not.toContain('MODULE_LEVEL_DIRECTIVE');
    expect(log).toContain('Content OK: 1 case study checked.');
    expect(log).toMatch(/\[diagrams\] \d+ diagram\(s\)/);
    expect(log).toMatch(/\nBuilt dist\/: \d+ pages in [\d.]+ s\.\n$/);
    expect(log.trim().split('\n').length).toBeLessThanOrEqual(30);
    return expect(readFile(path.join(site, 'dist/case-studies/scaffolded-smoke-test/index.html'), 'utf8')).resolves.toContain(
      'Scaffolded Smoke Test',
    );
  }, 240_000);

  it('fails on a broken case study naming the file and field, and keeps the previous dist/', async () => {
    const page = path.join(site, 'dist/case-studies/scaffolded-smoke-test/index.html');
    const before = await readFile(page, 'utf8');
    await writeFile(path.join(site, 'content/case-studies/broken.mdx'), BROKEN);

    // Caught by the validator, before Astro starts.
    const validated = build();
    expect(validated.status).toBe(1);
    expect(validated.stderr).toContain('content/case-studies/broken.mdx:6  status  found "shipped", expected a status');
    expect(validated.stderr).toContain('1 problem in 1 file');
    expect(validated.stderr).toContain('dist/ was not changed.');

    // The same mistake reaching Astro itself (validator skipped): Astro's error, without a stack.
    const astro = build(['--skip-validate']);
    expect(astro.status).toBe(1);
    expect(astro.stderr).toMatch(/Build failed:\ncontent\/case-studies\/broken\.mdx .*\n[\s\S]*status: expected a status/);
    for (const run of [validated, astro]) expect(run.stderr).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);

    expect(await readFile(page, 'utf8')).toBe(before);
    expect(await readdir(path.join(site, '.casebook'))).toEqual([]);
  }, 240_000);
});

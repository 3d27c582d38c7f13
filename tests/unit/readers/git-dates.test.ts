/**
 * "Last updated" from git, against real temporary repositories: a full one (dates per file,
 * renames, frontmatter override) and a shallow clone of it (detected, one warning, no dates).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { gitDateOf, gitDatesFor, parseGitLog, readGitDates, SHALLOW_WARNING } from '../../../src/lib/dates/git-dates.ts';
import { lastUpdated } from '../../../src/lib/dates/last-updated.ts';
import { lastModified } from '../../../src/lib/seo/sitemap-filter.ts';

const work = mkdtempSync(path.join(tmpdir(), 'casebook-git-'));
const repo = path.join(work, 'site');
const studies = path.join(repo, 'content', 'case-studies');

function git(cwd: string, args: string[], when?: string) {
  execFileSync('git', args, {
    cwd,
    stdio: 'ignore',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.dev',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.dev',
      ...(when ? { GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when } : {}),
    },
  });
}

const study = (date: string, extra = '') => `---\ntitle: T\ndate: ${date}\n${extra}---\nBody.\n`;

function commit(message: string, when: string) {
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', message], when);
}

beforeAll(() => {
  mkdirSync(studies, { recursive: true });
  git(repo, ['init', '-q', '-b', 'main']);
  writeFileSync(path.join(studies, 'alpha.mdx'), study('2024-01-10'));
  writeFileSync(path.join(studies, 'beta.mdx'), study('2024-01-10'));
  writeFileSync(path.join(studies, 'with space.mdx'), study('2024-01-10'));
  writeFileSync(path.join(repo, 'README.md'), 'not content\n');
  commit('first', '2024-02-01T10:00:00Z');
  writeFileSync(path.join(studies, 'alpha.mdx'), study('2024-01-10') + 'More.\n');
  commit('edit alpha', '2024-05-03T12:30:00Z');
  writeFileSync(path.join(studies, 'beta.mdx'), study('2024-01-10', 'updated: 2024-03-01\n') + 'Typo.\n');
  writeFileSync(path.join(repo, 'README.md'), 'still not content\n');
  commit('edit beta and readme', '2024-09-09T09:00:00Z');
  // Written ahead, published later: the commit is older than its publication date.
  writeFileSync(path.join(studies, 'gamma.mdx'), study('2025-01-01'));
  commit('gamma', '2024-10-01T00:00:00Z');
  writeFileSync(path.join(studies, 'uncommitted.mdx'), study('2024-01-10'));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('git dates in one pass', () => {
  it('dates every file under the folder by its newest commit', () => {
    const dates = readGitDates(studies);
    expect(dates.kind).toBe('git');
    expect(gitDateOf(dates, path.join(studies, 'alpha.mdx'))?.toISOString()).toBe('2024-05-03T12:30:00.000Z');
    expect(gitDateOf(dates, path.join(studies, 'beta.mdx'))?.toISOString()).toBe('2024-09-09T09:00:00.000Z');
    expect(gitDateOf(dates, path.join(studies, 'with space.mdx'))?.toISOString()).toBe('2024-02-01T10:00:00.000Z');
    // Files outside the folder and files never committed are not dated.
    expect(gitDateOf(dates, path.join(repo, 'README.md'))).toBeUndefined();
    expect(gitDateOf(dates, path.join(studies, 'uncommitted.mdx'))).toBeUndefined();
  });

  it('runs git once per folder per process, however many files ask', () => {
    const first = gitDatesFor(studies);
    expect(gitDatesFor(studies)).toBe(first);
    expect(gitDatesFor(path.relative(process.cwd(), studies))).toBe(first);
  });

  it('feeds the sitemap the same rule as the page: frontmatter, else git, else date', () => {
    const lastmod = lastModified(studies, readGitDates(studies));
    expect(lastmod.get('alpha')).toBe('2024-05-03T12:30:00.000Z');
    expect(lastmod.get('beta')).toBe(new Date('2024-03-01').toISOString());
    expect(lastmod.get('gamma')).toBe(new Date('2025-01-01').toISOString());
    expect(lastmod.get('uncommitted')).toBe(new Date('2024-01-10').toISOString());
  });

  it('says so when the folder is not in a git work tree', () => {
    const bare = mkdtempSync(path.join(tmpdir(), 'casebook-nogit-'));
    try {
      expect(readGitDates(bare).kind).toBe('none');
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});

describe('a shallow clone', () => {
  it('is detected, warned about in one line, once, and falls back to frontmatter dates', () => {
    const clone = path.join(work, 'shallow');
    git(work, ['clone', '-q', '--depth', '1', `file://${repo}`, clone]);
    const cloned = path.join(clone, 'content', 'case-studies');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const dates = gitDatesFor(cloned);
      gitDatesFor(cloned);
      expect(dates.kind).toBe('shallow');
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn).toHaveBeenCalledWith(SHALLOW_WARNING);
      expect(SHALLOW_WARNING).not.toContain('\n');
      // Not stamped with the tip commit's date: alpha falls back to its publication date.
      expect(gitDateOf(dates, path.join(cloned, 'alpha.mdx'))).toBeUndefined();
      expect(lastModified(cloned, dates).get('alpha')).toBe(new Date('2024-01-10').toISOString());
    } finally {
      warn.mockRestore();
    }
  });
});

describe('lastUpdated', () => {
  const date = new Date('2024-01-10');
  it('prefers frontmatter, then git, then the publication date', () => {
    const git = new Date('2024-05-03T12:30:00Z');
    expect(lastUpdated({ date, updated: new Date('2024-03-01') }, git)).toMatchObject({ source: 'frontmatter', afterPublication: true });
    expect(lastUpdated({ date }, git)).toEqual({ date: git, source: 'git', afterPublication: true });
    expect(lastUpdated({ date }, undefined)).toEqual({ date, source: 'published', afterPublication: false });
  });
  it('never goes back before publication, and a same-day commit is not an update', () => {
    expect(lastUpdated({ date }, new Date('2023-12-01'))).toMatchObject({ source: 'published', date });
    expect(lastUpdated({ date }, new Date('2024-01-10T18:00:00Z'))).toMatchObject({ source: 'git', afterPublication: false });
  });
});

describe('parseGitLog', () => {
  it('keeps the newest commit per file and ignores noise', () => {
    const out = '\u000020\n\na.mdx\nb.mdx\n\u000010\n\na.mdx\nc.mdx\n\u0000garbage\nx.mdx\n';
    const dates = parseGitLog(out, '/r');
    expect(dates.get('/r/a.mdx')?.getTime()).toBe(20_000);
    expect(dates.get('/r/c.mdx')?.getTime()).toBe(10_000);
    expect(dates.has('/r/x.mdx')).toBe(false);
  });
});

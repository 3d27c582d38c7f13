/**
 * What a reader of a case study gets beyond the text: honest "last updated" dates (from git,
 * the same on the page, in its metadata and in the sitemap), the edit link, and series.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { published } from '../support/content.ts';

const studies = published();

function frontmatter(slug: string): Record<string, unknown> {
  // Case studies are .mdx or .md/.markdown (write-ups).
  const file = ['mdx', 'md', 'markdown'].map((ext) => `content/case-studies/${slug}.${ext}`).find((f) => existsSync(f));
  const text = readFileSync(file ?? `content/case-studies/${slug}.mdx`, 'utf8');
  return parse(/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)![1]!) as Record<string, unknown>;
}

function git(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** A shallow clone or no repository at all: the site falls back to frontmatter dates. */
const fullHistory = git(['rev-parse', '--is-shallow-repository']) === 'false';

/** What git says, asked the slow way (one process per file) so the test does not share the site's code. */
function lastCommit(slug: string): Date | undefined {
  if (!fullHistory) return undefined;
  const out = git(['log', '-1', '--format=%cI', '--', `content/case-studies/${slug}.mdx`]);
  return out ? new Date(out) : undefined;
}

const asDate = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));

/** The date a reader should see: frontmatter `updated`, else the last commit if later than `date`, else `date`. */
function expectedUpdate(slug: string): Date {
  const fm = frontmatter(slug);
  const date = asDate(fm.date);
  if (fm.updated) return asDate(fm.updated);
  const git = lastCommit(slug);
  return git && git > date ? git : date;
}

test.describe('last updated', () => {
  // With full history, a study whose date comes from git; in a shallow clone, one that falls back.
  const withoutUpdated = studies.find((s) => !frontmatter(s.slug).updated && (!fullHistory || lastCommit(s.slug)))!;
  const withUpdated = studies.find((s) => frontmatter(s.slug).updated)!;

  for (const [label, study] of [
    [fullHistory ? 'from git when the frontmatter has no `updated`' : 'the publication date in a shallow clone', withoutUpdated],
    ['from the frontmatter `updated` when it has one', withUpdated],
  ] as const) {
    test(`is ${label}, and agrees with the metadata and the sitemap`, async ({ page, request }) => {
      const expected = expectedUpdate(study.slug).toISOString();
      await page.goto(`case-studies/${study.slug}/`);
      const time = page.locator('[data-last-updated] time');
      await expect(page.locator('[data-last-updated]')).toContainText('Last updated');
      await expect(time).toHaveAttribute('datetime', expected);
      await expect(page.locator('meta[property="article:modified_time"]')).toHaveAttribute('content', expected);
      const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent())!);
      expect(ld.dateModified).toBe(expected);
      const sitemap = await (await request.get('sitemap-0.xml')).text();
      const entry = new RegExp(`case-studies/${study.slug}/</loc><lastmod>([^<]+)</lastmod>`).exec(sitemap);
      expect(entry?.[1]).toBe(expected);
    });
  }

  test('the header says "Updated" only when the update is after publication', async ({ page }) => {
    await page.goto(`case-studies/${withUpdated.slug}/`);
    await expect(page.locator('.byline')).toContainText('Updated');
  });
});

test.describe('edit this page', () => {
  test('every case study links to its own source file', async ({ page }) => {
    for (const study of studies.slice(0, 3)) {
      await page.goto(`case-studies/${study.slug}/`);
      const link = page.getByRole('link', { name: 'Edit this page' });
      await expect(link).toHaveCount(1);
      await expect(link).toHaveAttribute('href', new RegExp(`/content/case-studies/${study.slug}\\.mdx$`));
    }
  });

  test('other pages have no edit link', async ({ page }) => {
    await page.goto('case-studies/');
    await expect(page.getByRole('link', { name: 'Edit this page' })).toHaveCount(0);
  });
});

test.describe('series', () => {
  const members = studies
    .map((s) => ({ slug: s.slug, title: s.title, series: frontmatter(s.slug).series as { name: string; part: number } | undefined }))
    .filter((s) => s.series)
    .sort((a, b) => a.series!.part - b.series!.part);

  test('each part says "Part n of m" and links to the other parts in order', async ({ page }) => {
    expect(members.length).toBeGreaterThan(1);
    for (const m of members) {
      await page.goto(`case-studies/${m.slug}/`);
      const nav = page.getByRole('navigation', { name: /Part \d+ of \d+/ });
      await expect(nav.locator('[data-series-position]')).toHaveText(`Part ${m.series!.part} of ${members.length}`);
      await expect(nav.getByRole('listitem')).toHaveText(members.map((x) => x.title));
      await expect(nav.locator('[aria-current="page"]')).toHaveText(m.title);
    }
    // Following the links reads the series in order.
    await page.goto(`case-studies/${members[0]!.slug}/`);
    const nav = page.getByRole('navigation', { name: /Part \d+ of \d+/ });
    await nav.getByRole('link', { name: members[1]!.title }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(members[1]!.title);
  });

  test('the series page lists the parts in reading order', async ({ page }) => {
    await page.goto(`case-studies/${members[0]!.slug}/`);
    await page.getByRole('link', { name: members[0]!.series!.name }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(members[0]!.series!.name);
    await expect(page.locator('main ol h2')).toHaveText(members.map((m) => m.title));
    await page.goto('series/');
    await expect(page.getByRole('link', { name: members[0]!.series!.name })).toBeVisible();
  });
});

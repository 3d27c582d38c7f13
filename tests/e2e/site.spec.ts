/**
 * The built site, as a visitor uses it: home, the index, every case study, category and
 * tag pages, drafts kept out, the 404 page and highlighted code.
 */
import { expect, test } from '@playwright/test';
import { drafts, published, slugOf } from '../support/content.ts';

const studies = published();

test('home introduces the author, features case studies and ends with the call to action', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('h1')).toBeVisible();
  const featured = page.getByRole('region', { name: 'Featured case studies' });
  await expect(featured.locator('article')).not.toHaveCount(0);
  await expect(page.getByRole('complementary').getByRole('link').first()).toHaveAttribute('href', /^(mailto:|https?:|\/)/);
});

test('the index lists every published case study, newest first, and each one opens', async ({ page }) => {
  await page.goto('case-studies/');
  const cards = page.locator('article[data-case-study]');
  await expect(cards).toHaveCount(studies.length);
  const dates = await page.locator('article[data-case-study] time').evaluateAll((els) =>
    els.map((e) => e.getAttribute('datetime') ?? ''),
  );
  expect(dates).toEqual([...dates].sort().reverse());

  const hrefs = await page.locator('article[data-case-study] h2 a').evaluateAll((as) =>
    as.map((a) => (a as HTMLAnchorElement).href),
  );
  for (const href of hrefs) {
    const response = await page.goto(href);
    expect(response?.status(), href).toBe(200);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.getByRole('navigation', { name: 'On this page' })).toBeVisible();
  }
});

test('a case study shows its header, sections and a way on', async ({ page }) => {
  const study = studies[0]!;
  await page.goto(`case-studies/${study.slug}/`);
  await expect(page.locator('h1')).toHaveText(study.title);
  await expect(page.getByRole('link', { name: study.category })).toBeVisible();
  await expect(page.getByText(/\d+ min read/)).toBeVisible();
  for (const section of ['Problem', 'Architecture', 'Technical Challenges', 'Key Design Decisions', 'Lessons Learned']) {
    await expect(page.getByRole('heading', { level: 2, name: section, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('navigation', { name: 'More case studies' }).getByRole('link').first()).toBeVisible();
});

test('each category page lists exactly the studies in that category', async ({ page }) => {
  const byCategory = new Map<string, typeof studies>();
  for (const s of studies) byCategory.set(slugOf(s.category), [...(byCategory.get(slugOf(s.category)) ?? []), s]);
  for (const [slug, members] of byCategory) {
    await page.goto(`categories/${slug}/`);
    const ids = await page.locator('article[data-case-study]').evaluateAll((els) =>
      els.map((e) => e.getAttribute('data-case-study')),
    );
    expect(ids.sort(), slug).toEqual(members.map((m) => m.slug).sort());
  }
});

test('tag pages list exactly the studies with that stack or topic tag', async ({ page }) => {
  const tagged = new Map<string, Set<string>>();
  for (const s of studies)
    for (const t of [...s.stack, ...s.tags]) {
      const key = slugOf(t);
      if (!tagged.has(key)) tagged.set(key, new Set());
      tagged.get(key)!.add(s.slug);
    }
  // The most used tags and a few singletons.
  const sample = [...tagged].sort((a, b) => b[1].size - a[1].size);
  for (const [slug, members] of [...sample.slice(0, 5), ...sample.slice(-3)]) {
    await page.goto(`tags/${slug}/`);
    const ids = await page.locator('article[data-case-study]').evaluateAll((els) =>
      els.map((e) => e.getAttribute('data-case-study')),
    );
    expect(ids.sort(), slug).toEqual([...members].sort());
  }
});

test('drafts are never published', async ({ page, request }) => {
  expect(drafts().length).toBeGreaterThan(0);
  for (const draft of drafts()) {
    const response = await request.get(`case-studies/${draft.slug}/`);
    expect(response.status()).toBe(404);
    for (const path of ['', 'case-studies/', 'architecture/', 'tags/']) {
      await page.goto(path);
      await expect(page.getByText(draft.title, { exact: true })).toHaveCount(0);
    }
  }
});

test('an unknown address shows the 404 page with a way back', async ({ page }) => {
  const response = await page.goto('no/such/page/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Page not found');
  await expect(page.getByRole('link', { name: 'All case studies' })).toBeVisible();
});

test('code blocks are highlighted at build time, with no client script', async ({ page }) => {
  const withCode = studies.find((s) => /^```lua/m.test(s.body));
  expect(withCode, 'an example case study has a Lua code block').toBeTruthy();
  await page.goto(`case-studies/${withCode!.slug}/`);
  const block = page.locator('pre.astro-code[data-language="lua"]').first();
  await expect(block).toBeVisible();
  const colours = await block.locator('span[style]').evaluateAll((spans) =>
    new Set(spans.map((s) => getComputedStyle(s).color)).size,
  );
  expect(colours).toBeGreaterThan(2);
});

test('pages work without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('case-studies/');
  await page.locator('article[data-case-study] h2 a').first().click();
  await expect(page.locator('h1')).toBeVisible();
  await context.close();
});

test('pages do not shift while they load (CLS ≈ 0), diagrams and thumbnails included', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { cls: number };
    w.cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
        if (!entry.hadRecentInput) w.cls += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const withDiagrams = studies.find((s) => /<Diagram/.test(s.body)) ?? studies[0]!;
  for (const path of ['./', 'case-studies/', `case-studies/${withDiagrams.slug}/`, 'architecture/']) {
    await page.goto(path, { waitUntil: 'load' });
    await page.mouse.wheel(0, 4000); // bring lazy images in
    await page.waitForTimeout(400);
    const cls = await page.evaluate(() => (window as unknown as { cls: number }).cls);
    expect(cls, path).toBeLessThan(0.02);
  }
});

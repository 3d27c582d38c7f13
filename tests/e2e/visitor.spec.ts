/**
 * What a visitor does beyond reading: search (header box, "/" shortcut, the search page),
 * light/dark (system setting, toggle, remembered across pages, no flash), the keyboard.
 */
import { expect, test, type Page } from '@playwright/test';
import { published } from '../support/content.ts';

const studies = published();

/**
 * Every result title for `term`, once Pagefind has settled. Pagefind writes "N results for
 * <term>" into the summary when the search has finished (before that a newer search can still
 * replace the list), and each result is a placeholder until it scrolls into view, when Pagefind
 * swaps the node for the loaded one. So: wait for the summary, then bring each result into view,
 * retrying with the new node when the old one was swapped out, then wait for all N titles.
 */
async function allResultTitles(page: Page, term: string): Promise<string[]> {
  const summary = page.locator('#search-summary');
  await expect(summary).toHaveText(new RegExp(`^\\d+ results? for ${term}$`));
  const total = Number.parseInt((await summary.textContent()) ?? '', 10);
  const results = page.locator('.pagefind-modular-list-result');
  await expect(results).toHaveCount(total);
  for (let i = 0; i < total; i++) {
    await expect(async () => results.nth(i).scrollIntoViewIfNeeded()).toPass();
  }
  const links = page.locator('.pagefind-modular-list-link');
  await expect(links).toHaveCount(total);
  return links.allTextContents();
}
const limiter = studies.find((s) => s.slug === 'distributed-rate-limiter') ?? studies[0]!;

test.describe('search', () => {
  test('"/" focuses the search box on any page and Enter shows results', async ({ page }) => {
    await page.goto('case-studies/');
    await page.keyboard.press('/');
    await expect(page.getByRole('searchbox', { name: 'Search case studies' })).toBeFocused();
    await page.keyboard.type('ZREMRANGEBYSCORE');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/search\/\?q=ZREMRANGEBYSCORE/);
    await expect(page.locator('.pagefind-modular-list-link').first()).toHaveText(limiter.title);
  });

  test('finds a case study by a word from its body', async ({ page }) => {
    // A distinctive word from the body of the rate-limiter study.
    await page.goto('search/?q=sorted');
    const titles = page.locator('.pagefind-modular-list-link');
    await expect(titles.first()).toBeVisible();
    await expect(titles).toContainText([limiter.title]);
  });

  test('finds case studies by a stack tag', async ({ page }) => {
    const tagged = studies.filter((s) => s.stack.includes('Kafka'));
    expect(tagged.length).toBeGreaterThan(1);
    await page.goto('search/?q=Kafka');
    const found = await allResultTitles(page, 'Kafka');
    for (const s of tagged) expect(found).toContain(s.title);
  });

  test('search results leave out navigation pages', async ({ page }) => {
    await page.goto('search/?q=Kafka');
    await allResultTitles(page, 'Kafka');
    const links = await page.locator('.pagefind-modular-list-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const href of links) expect(href).toMatch(/\/case-studies\/[^/]+\/(#.*)?$/);
  });
});

test.describe('theme', () => {
  const bg = (page: import('@playwright/test').Page) =>
    page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  test('follows the system setting when the visitor has not chosen', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('./');
    const dark = await bg(page);
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await bg(page);
    expect(dark).toBe('rgb(15, 19, 27)');
    expect(light).toBe('rgb(255, 255, 255)');
  });

  test('the toggle switches, is remembered across pages, and does not flash on load', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('./');
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(await bg(page)).toBe('rgb(15, 19, 27)');

    // On the next page the saved theme is applied before first paint: the attribute the
    // CSS keys on is already set when <body> starts, before anything can be drawn.
    await page.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (document.body) {
          (window as unknown as { themeAtBody?: string }).themeAtBody = document.documentElement.dataset.theme ?? 'none';
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`case-studies/${limiter.slug}/`);
    expect(await page.evaluate(() => (window as unknown as { themeAtBody?: string }).themeAtBody)).toBe('dark');
    expect(await bg(page)).toBe('rgb(15, 19, 27)');
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');

    // Code blocks follow the theme too.
    const codeBg = () => page.locator('pre.astro-code').first().evaluate((el) => getComputedStyle(el).backgroundColor);
    const darkCode = await codeBg();

    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.reload();
    expect(await bg(page)).toBe('rgb(255, 255, 255)');
    const lightCode = await codeBg();
    expect(darkCode).not.toBe(lightCode);
    const brightness = (rgb: string) => (rgb.match(/\d+/g) ?? []).slice(0, 3).reduce((a, n) => a + Number(n), 0);
    expect(brightness(darkCode)).toBeLessThan(150);
    expect(brightness(lightCode)).toBeGreaterThan(600);
  });
});

test.describe('keyboard', () => {
  test('the skip link is the first stop and moves focus to the content', async ({ page }) => {
    await page.goto(`case-studies/${limiter.slug}/`);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });

  test('focus is always visible', async ({ page }) => {
    await page.goto('./');
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      const outline = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const s = getComputedStyle(el);
        return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
      });
      expect(outline).toBe(true);
    }
  });

  test('reduced motion turns transitions off', async ({ page }) => {
    const duration = () =>
      page.locator('main a').first().evaluate((el) => parseFloat(getComputedStyle(el).transitionDuration));
    await page.goto('./');
    expect(await duration()).toBeGreaterThan(0.1);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await duration()).toBeLessThan(0.001);
  });
});

test.describe('print', () => {
  test('a case study prints as a report: no navigation, light colours, link targets spelled out', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
    await page.goto(`case-studies/${limiter.slug}/`);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await expect(page.getByRole('searchbox', { name: 'Search case studies' })).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'On this page' })).toBeHidden();
    await expect(page.locator('h1')).toBeVisible();
    expect(await bgOf(page, 'body')).toBe('rgb(255, 255, 255)');
    const after = await page
      .locator('.study-header .links a')
      .first()
      .evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain('http');
  });
});

async function bgOf(page: Page, selector: string): Promise<string> {
  return page.locator(selector).evaluate((el) => getComputedStyle(el).backgroundColor);
}

/**
 * Cross-document view transitions: following a link cross-fades (the browser reports a view
 * transition on the new page), not for readers who ask for reduced motion, and the theme
 * toggle, the no-flash theme and search keep working across such navigations.
 */
import { expect, test, type Page } from '@playwright/test';

/** Records, on every page load, whether the page arrived through a view transition and its theme at first reveal. */
async function watchReveals(page: Page) {
  await page.addInitScript(() => {
    addEventListener('pagereveal', (e) => {
      const w = window as unknown as { reveal?: { transition: boolean; theme: string | undefined } };
      w.reveal = { transition: !!(e as Event & { viewTransition?: unknown }).viewTransition, theme: document.documentElement.dataset.theme };
    });
  });
}

const reveal = (page: Page) => page.evaluate(() => (window as unknown as { reveal?: { transition: boolean; theme?: string } }).reveal);

test('following a link cross-fades, keeps the chosen theme from the first frame, and search still works', async ({ page }) => {
  await watchReveals(page);
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  await page.goto('./');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Case studies' }).click();
  await expect(page).toHaveURL(/\/case-studies\/$/);
  await expect.poll(() => reveal(page)).toEqual({ transition: true, theme: 'dark' });
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
  // The toggle still works on the new page.
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

  // Search from the header after a transition.
  await page.keyboard.press('/');
  await page.keyboard.type('Kafka');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/search\/\?q=Kafka/);
  await expect(page.locator('.pagefind-modular-list-link').first()).toBeVisible();
  await expect.poll(() => reveal(page)).toMatchObject({ transition: true, theme: 'light' });
});

test('no transition for readers who ask for reduced motion', async ({ page }) => {
  await watchReveals(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Case studies' }).click();
  await expect(page).toHaveURL(/\/case-studies\/$/);
  await expect.poll(() => reveal(page)).toMatchObject({ transition: false });
});

/**
 * The full-screen diagram viewer: opened from "View diagram" on inline SVG figures, text
 * diagrams and the architecture page's pictures; zoom and pan by keyboard, wheel, drag and
 * pinch; Esc and focus; no scroll trap on the page; both themes; axe; and without JavaScript
 * the link is still the standalone file.
 */
import { statSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { BUDGETS } from '../../src/tools/page-weight/budgets.ts';

const SVG_STUDY = 'case-studies/distributed-rate-limiter/';
const TEXT_STUDY = 'case-studies/idempotent-payment-pipeline/';

const dialog = (page: Page) => page.getByRole('dialog');
const level = (page: Page) => dialog(page).getByRole('status');

/** The diagram layer's current transform as [scale, x, y]. */
async function transformOf(page: Page): Promise<[number, number, number]> {
  return page.locator('.viewer-layer').evaluate((el) => {
    const m = new DOMMatrix(getComputedStyle(el).transform);
    return [m.a, m.e, m.f] as [number, number, number];
  });
}

async function open(page: Page, figure: Locator) {
  const link = figure.getByRole('link', { name: /View diagram/ });
  await link.click();
  await expect(dialog(page)).toBeVisible();
  return link;
}

test.describe('opening and closing', () => {
  test('"View diagram" opens a dialog named after the diagram, and Esc returns focus to the link', async ({ page }) => {
    await page.goto(SVG_STUDY);
    const figure = page.locator('figure[data-diagram]').first();
    const name = await figure.locator('svg').first().evaluate((svg) => {
      const id = svg.getAttribute('aria-labelledby');
      return (id ? document.getElementById(id)?.textContent : svg.getAttribute('aria-label'))?.trim() ?? '';
    });
    const link = await open(page, figure);
    await expect(link).toHaveAttribute('aria-haspopup', 'dialog');
    await expect(dialog(page)).toHaveAccessibleName(name);
    await expect(dialog(page).getByRole('img', { name })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`${SVG_STUDY}$`));
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();
    await expect(link).toBeFocused();
  });

  test('focus stays inside the dialog while it is open, and the close button closes it', async ({ page }) => {
    await page.goto(SVG_STUDY);
    const link = await open(page, page.locator('figure[data-diagram]').first());
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('dialog[open]'))).toBe(true);
    }
    await dialog(page).getByRole('button', { name: 'Close' }).click();
    await expect(dialog(page)).toBeHidden();
    await expect(link).toBeFocused();
  });

  test('a text diagram and an architecture-page picture open too', async ({ page }) => {
    await page.goto(TEXT_STUDY);
    await open(page, page.locator('figure.diagram--text').first());
    await expect(dialog(page).locator('svg[role="img"]')).toBeVisible();
    await page.keyboard.press('Escape');

    await page.goto('architecture/');
    const picture = page.locator('figure.diagram--picture').first();
    await picture.scrollIntoViewIfNeeded();
    await open(page, picture);
    const img = dialog(page).getByRole('img');
    await expect(img).toBeVisible();
    expect(await img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
  });
});

test.describe('zoom and pan', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(SVG_STUDY);
    await open(page, page.locator('figure[data-diagram]').first());
  });

  test('keyboard: + and - zoom, 0 fits, arrows move', async ({ page }) => {
    await expect(level(page)).toHaveText('100%');
    await page.keyboard.press('+');
    await expect(level(page)).toHaveText('125%');
    await page.keyboard.press('+');
    await expect(level(page)).toHaveText('156%');
    await page.keyboard.press('-');
    await expect(level(page)).toHaveText('125%');
    const [, x0, y0] = await transformOf(page);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowUp');
    const [, x1, y1] = await transformOf(page);
    expect(x1).toBeGreaterThan(x0);
    expect(y1).toBeGreaterThan(y0);
    await page.keyboard.press('0');
    await expect(level(page)).toHaveText('100%');
    expect(await transformOf(page)).toEqual([1, 0, 0]);
  });

  test('buttons zoom in, out and back to fit', async ({ page }) => {
    await dialog(page).getByRole('button', { name: 'Zoom in' }).click();
    await expect(level(page)).toHaveText('125%');
    await dialog(page).getByRole('button', { name: 'Zoom out' }).click();
    await dialog(page).getByRole('button', { name: 'Zoom out' }).click();
    await expect(level(page)).toHaveText('80%');
    await dialog(page).getByRole('button', { name: 'Fit to screen' }).click();
    await expect(level(page)).toHaveText('100%');
  });

  test('the wheel zooms about the pointer, and a drag pans', async ({ page }) => {
    const stage = await page.locator('.viewer-stage').boundingBox();
    const at = { x: stage!.x + stage!.width * 0.25, y: stage!.y + stage!.height * 0.5 };
    await page.mouse.move(at.x, at.y);
    await page.mouse.wheel(0, -300);
    await expect.poll(async () => (await transformOf(page))[0]).toBeGreaterThan(1.2);
    // The point under the pointer stayed put: (at - stage - translate) / scale is unchanged.
    const [scale, x] = await transformOf(page);
    const local = at.x - stage!.x;
    expect(Math.abs((local - x) / scale - local)).toBeLessThan(1);

    const before = await transformOf(page);
    await page.mouse.down();
    await page.mouse.move(at.x + 120, at.y + 60, { steps: 4 });
    await page.mouse.up();
    const after = await transformOf(page);
    expect(after[1] - before[1]).toBeCloseTo(120, 0);
    expect(after[2] - before[2]).toBeCloseTo(60, 0);
  });

  test('a two-finger pinch zooms', async ({ page }) => {
    await page.locator('.viewer-stage').evaluate((stage) => {
      const r = stage.getBoundingClientRect();
      const cx = r.left + r.width / 2;
      const cy = r.top + r.height / 2;
      const fire = (type: string, id: number, x: number) =>
        stage.dispatchEvent(new PointerEvent(type, { pointerId: id, clientX: x, clientY: cy, bubbles: true, pointerType: 'touch', isPrimary: id === 1 }));
      fire('pointerdown', 1, cx - 50);
      fire('pointerdown', 2, cx + 50);
      for (let d = 60; d <= 100; d += 10) {
        fire('pointermove', 1, cx - d);
        fire('pointermove', 2, cx + d);
      }
      fire('pointerup', 1, cx - 100);
      fire('pointerup', 2, cx + 100);
    });
    await expect(level(page)).toHaveText('200%');
  });

  test('the page behind does not scroll while the viewer is open', async ({ page }) => {
    const before = await page.evaluate(() => window.scrollY);
    await page.mouse.move(400, 400);
    await page.mouse.wheel(0, 600);
    await expect.poll(async () => (await transformOf(page))[0]).toBeLessThan(1);
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
  });
});

test('an inline figure does not trap the page\'s scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 600 });
  await page.goto(SVG_STUDY);
  const canvas = page.locator('figure[data-diagram] .canvas').first();
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  const before = await page.evaluate(() => window.scrollY);
  await page.mouse.move(box!.x + box!.width / 2, box!.y + Math.min(box!.height / 2, 100));
  await page.mouse.wheel(0, 400);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before);
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    test('the viewer is in the theme\'s colours and has no axe violations', async ({ page }) => {
      await page.goto(SVG_STUDY);
      await open(page, page.locator('figure[data-diagram]').first());
      const colours = await page.locator('.viewer-stage').evaluate((stage) => ({
        fg: getComputedStyle(stage).color,
        bg: getComputedStyle(stage.closest('dialog')!).backgroundColor,
      }));
      expect(colours).toEqual(scheme === 'dark' ? { fg: 'rgb(230, 233, 239)', bg: 'rgb(15, 20, 32)' } : { fg: 'rgb(27, 34, 48)', bg: 'rgb(255, 255, 255)' });
      const results = await new AxeBuilder({ page })
        .include('dialog')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(summary, summary.join('\n')).toEqual([]);
    });
  });
}

test('the site toggle decides the viewer\'s theme, not only the system setting', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(SVG_STUDY);
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await open(page, page.locator('figure[data-diagram]').first());
  expect(await page.locator('.viewer-stage').evaluate((s) => getComputedStyle(s).color)).toBe('rgb(230, 233, 239)');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('"View diagram" is the link to the standalone file', async ({ page }) => {
    await page.goto(SVG_STUDY);
    await page.locator('figure[data-diagram]').first().getByRole('link', { name: /View diagram/ }).click();
    await expect(page).toHaveURL(/\/diagrams\/[a-z0-9-]+\.svg$/);
    expect(await page.evaluate(() => document.documentElement.localName)).toBe('svg');
  });
});

test('the viewer loads only where there are diagrams, and only when asked for', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto('./');
  expect(await page.locator('script').evaluateAll((s) => s.some((x) => x.textContent?.includes('data-diagram-open')))).toBe(false);
  await page.goto(SVG_STUDY);
  expect(requested.some((p) => p.endsWith('/diagram-viewer.js'))).toBe(false);
  await open(page, page.locator('figure[data-diagram]').first());
  expect(requested.filter((p) => p.endsWith('/diagram-viewer.js'))).toHaveLength(1);
  expect(statSync('dist/diagram-viewer.js').size).toBeLessThanOrEqual(BUDGETS.diagramViewerJsBytes);
});

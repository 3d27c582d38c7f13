/**
 * A Markdown (.md) case study as a visitor sees it: the example study worker-pool-sizing.md
 * uses a GitHub alert, a :::tip admonition, math, a titled code block with highlighted lines,
 * a diff and a local figure. Each renders, in both colour schemes, with no client script.
 */
import { expect, test, type Page } from '@playwright/test';

const STUDY = 'case-studies/worker-pool-sizing/';

const schemes = ['light', 'dark'] as const;

async function colours(page: Page, selector: string): Promise<{ color: string; background: string }> {
  return page.locator(selector).first().evaluate((el) => {
    const style = getComputedStyle(el);
    return { color: style.color, background: style.backgroundColor };
  });
}

test('a .md case study is a page with its headings, custom ids and a table of contents', async ({ page }) => {
  await page.goto(STUDY);
  await expect(page.getByRole('heading', { level: 1, name: 'Sizing a Payment Worker Pool with Queueing Theory' })).toBeVisible();
  await expect(page.locator('h2#problem')).toHaveText('The problem');
  await expect(page.locator('.toc a[href="#problem"]')).toHaveText('The problem');
  await expect(page.locator('.prose table')).toBeVisible();
  await expect(page.locator('.prose .footnotes li')).toHaveCount(1);
  await expect(page.locator('.prose .task-list-item input[type=checkbox]')).toHaveCount(3);
});

for (const scheme of schemes) {
  test.describe(`${scheme} scheme`, () => {
    test.use({ colorScheme: scheme });

    test('a GitHub alert and a :::tip admonition render as callouts with their labels', async ({ page }) => {
      await page.goto(STUDY);
      const important = page.getByRole('complementary', { name: 'Important' });
      await expect(important).toBeVisible();
      await expect(important).toContainText('The model is only as good as its inputs.');
      await expect(important).not.toContainText('[!IMPORTANT]');
      const tip = page.getByRole('complementary', { name: 'Read the curve, not the average' });
      await expect(tip).toHaveClass(/callout tip/);
      await expect(tip.locator('.label')).toHaveText('Read the curve, not the average');
      await expect(page.locator('.prose')).not.toContainText(':::');
      // The two callouts take different tones, and the label differs from the page text.
      const noteLabel = await colours(page, '.callout.note > .label');
      const tipLabel = await colours(page, '.callout.tip > .label');
      const text = await colours(page, '.prose > p');
      expect(noteLabel.color).not.toBe(tipLabel.color);
      expect(noteLabel.color).not.toBe(text.color);
    });

    test('math is MathML drawn in the text colour, inline and as a block', async ({ page }) => {
      await page.goto(STUDY);
      const block = page.locator('.math-display math[display="block"]').first();
      await expect(block).toBeVisible();
      const box = await block.boundingBox();
      expect(box!.height).toBeGreaterThan(30); // a fraction: two rows, not a line of TeX source
      // The TeX source is kept only as the hidden MathML annotation, never shown.
      expect(await page.locator('.prose').innerText()).not.toContain('\\frac');
      const inline = page.locator('.prose p math').first();
      await expect(inline).toBeVisible();
      const [mathColour, textColour] = await Promise.all([colours(page, '.prose p math'), colours(page, '.prose > p')]);
      expect(mathColour.color).toBe(textColour.color);
    });

    test('the titled code block shows its file name and highlights lines 4-6; the diff marks its lines', async ({ page }) => {
      await page.goto(STUDY);
      const figure = page.locator('figure.code-figure', { has: page.locator('figcaption', { hasText: 'pool/size.go' }) });
      await expect(figure).toBeVisible();
      const lines = figure.locator('.line');
      const highlighted = await lines.evaluateAll((els) => els.map((el, i) => (el.classList.contains('highlighted') ? i + 1 : 0)).filter(Boolean));
      expect(highlighted).toEqual([4, 5, 6]);
      const [on, off] = await Promise.all([
        figure.locator('.line.highlighted').first().evaluate((el) => getComputedStyle(el).backgroundColor),
        lines.nth(0).evaluate((el) => getComputedStyle(el).backgroundColor),
      ]);
      expect(on).not.toBe(off);
      await expect(page.locator('pre[data-language="diff"] .line.diff.add')).toHaveCount(4);
      await expect(page.locator('pre[data-language="diff"] .line.diff.remove')).toHaveCount(2);
      const [add, remove] = await Promise.all([
        colours(page, 'pre[data-language="diff"] .line.diff.add'),
        colours(page, 'pre[data-language="diff"] .line.diff.remove'),
      ]);
      expect(add.background).not.toBe(remove.background);
    });
  });
}

test('the relative figure is optimised: modern format, sizes, width and height, lazy', async ({ page }) => {
  await page.goto(STUDY);
  const img = page.locator('.prose img[alt^="Mean time in system"]');
  await expect(img).toHaveAttribute('src', /\/_astro\/latency-vs-utilisation\.[\w-]+\.webp$/);
  await expect(img).toHaveAttribute('width', '960');
  await expect(img).toHaveAttribute('height', '540');
  await expect(img).toHaveAttribute('loading', 'lazy');
  await expect(img).toHaveAttribute('srcset', /640w/);
  await img.scrollIntoViewIfNeeded();
  await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  const box = await img.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(960);
});

test('the page needs no JavaScript for any of it', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(STUDY);
  await expect(page.getByRole('complementary', { name: 'Important' })).toBeVisible();
  await expect(page.locator('.math-display math').first()).toBeVisible();
  await expect(page.locator('figure.code-figure .line.highlighted')).toHaveCount(3);
  await context.close();
});

test('cover.image is the optimised picture on the study card', async ({ page }) => {
  await page.goto('case-studies/');
  const card = page.locator('article[data-case-study="worker-pool-sizing"]');
  const img = card.locator('img[data-cover-image="worker-pool-sizing"]');
  await expect(img).toHaveAttribute('alt', /^Time in system against worker utilisation/);
  await expect(img).toHaveAttribute('src', /\/_astro\/latency-vs-utilisation\.[\w-]+\.webp$/);
  await expect(img).toHaveAttribute('width', /\d+/);
  await expect(img).toHaveAttribute('height', /\d+/);
  await img.scrollIntoViewIfNeeded();
  await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
});

/**
 * Diagrams in the built site: the architecture page (every cover diagram, so several on one
 * page, as lazy pictures) and the case studies (inline SVG, several on one page). Both figures render, ids stay unique
 * across the page, every diagram has an accessible name, and "View diagram" opens the
 * standalone SVG (200, image/svg+xml, a real SVG document) without JavaScript.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { published } from '../support/content.ts';

const svgFiles = new Set(readdirSync(join(process.cwd(), 'diagrams')).filter((f) => f.endsWith('.svg')).map((f) => f.slice(0, -4)));

async function duplicateIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  });
}

test.describe('several diagrams on one page', () => {
  test('every inline figure renders with its own ids, a name, and reserved space', async ({ page }) => {
    // The case study with the most inline figures (a hand-drawn SVG and three text diagrams).
    await page.goto('case-studies/stream-processing-dag/');
    const figures = page.locator('figure[data-diagram]:not(.diagram--picture)');
    expect(await figures.count()).toBeGreaterThanOrEqual(2);
    expect(await duplicateIds(page)).toEqual([]);

    for (const figure of await figures.all()) {
      const name = await figure.getAttribute('data-diagram');
      const svg = figure.locator('svg').first();
      await expect(svg).toBeVisible();
      await expect(svg).toHaveRole('img');
      await expect(svg).toHaveAccessibleName(/\S/);
      // Height follows the viewBox's aspect ratio (no collapse, no layout jump).
      const [, , w, h] = ((await svg.getAttribute('viewBox')) ?? '').split(/\s+/).map(Number);
      const box = await svg.boundingBox();
      expect(box && w && h ? Math.abs(box.height - (box.width * h) / w) : Infinity).toBeLessThan(2);
      if (name && svgFiles.has(name)) {
        // Every id inside the diagram carries its name.
        const ids = await svg.evaluate((el) => [...el.querySelectorAll('[id]')].map((e) => e.id).concat(el.id || []));
        for (const id of ids) expect(id.startsWith(`${name}-`), `${id} in ${name}`).toBe(true);
      }
    }
  });

  test('on the architecture page, covers are lazy pictures with a name and their size reserved', async ({ page, request }) => {
    await page.goto('architecture/');
    const pictures = page.locator('figure.diagram--picture[data-diagram] img');
    expect(await pictures.count()).toBeGreaterThan(0);
    for (const img of await pictures.all()) {
      await expect(img).toHaveAttribute('loading', 'lazy');
      await expect(img).toHaveAttribute('alt', /\S/);
      expect(Number(await img.getAttribute('width'))).toBeGreaterThan(0);
      expect(Number(await img.getAttribute('height'))).toBeGreaterThan(0);
      const response = await request.get(new URL((await img.getAttribute('src')) ?? '', page.url()).href);
      expect(response.headers()['content-type']).toMatch(/^image\/svg\+xml/);
    }
  });

  test('"View diagram" serves the standalone SVG', async ({ page, request }) => {
    await page.goto('architecture/');
    const links = page.locator('figure[data-diagram] a[data-diagram-open]');
    expect(await links.count()).toBeGreaterThanOrEqual(2);
    for (const link of (await links.all()).slice(0, 3)) {
      const href = (await link.getAttribute('href')) ?? '';
      expect(href).toMatch(/\/diagrams\/[a-z0-9-]+\.svg$/);
      const response = await request.get(new URL(href, page.url()).href);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toMatch(/^image\/svg\+xml/);
      expect(await response.text()).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    }
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the link opens a well-formed SVG that follows the dark colour scheme', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('architecture/');
    const link = page.locator('figure[data-diagram] a[data-diagram-open]').first();
    await link.click();
    await expect(page).toHaveURL(/\/diagrams\/[a-z0-9-]+\.svg$/);
    const doc = await page.evaluate(() => ({
      root: document.documentElement.localName,
      parseError: document.getElementsByTagName('parsererror').length,
      bg: getComputedStyle(document.documentElement).getPropertyValue('--cb-diagram-bg').trim(),
    }));
    expect(doc).toEqual({ root: 'svg', parseError: 0, bg: '#0f1420' });
  });
});

test.describe('case studies', () => {
  const uses = published()
    .map((s) => ({ slug: s.slug, names: [...s.body.matchAll(/<Diagram\s+name="([^"]+)"/g)].map((m) => m[1]!) }))
    .filter((s) => s.names.length > 0);

  test('there are case studies with diagrams', () => {
    expect(uses.length).toBeGreaterThan(0);
  });

  for (const { slug, names } of uses) {
    test(`${slug}: each <Diagram> renders a named figure with a caption`, async ({ page }) => {
      await page.goto(`case-studies/${slug}/`);
      for (const name of names) {
        const figure = page.locator(`figure[data-diagram="${name}"]`).first();
        await expect(figure.locator('svg').first()).toHaveAccessibleName(/\S/);
        await expect(figure.locator('a[data-diagram-open]')).toHaveAttribute('href', new RegExp(`/diagrams/${name}\\.svg$`));
      }
      expect(await duplicateIds(page)).toEqual([]);
    });
  }
});

test('cards show a case study\'s cover diagram as a small picture that loads and has a text alternative', async ({ page, request }) => {
  await page.goto('case-studies/');
  const thumbs = page.locator('article[data-case-study] img[data-diagram-thumb]');
  expect(await thumbs.count()).toBeGreaterThan(3);
  for (const thumb of await thumbs.all()) {
    await expect(thumb).toHaveAttribute('alt', /\S/);
    expect(Number(await thumb.getAttribute('width'))).toBeGreaterThan(0);
    const src = await thumb.getAttribute('src');
    const response = await request.get(new URL(src ?? '', page.url()).toString());
    expect(response.status(), `${src}`).toBe(200);
    expect(response.headers()['content-type']).toContain('image/svg+xml');
  }
});

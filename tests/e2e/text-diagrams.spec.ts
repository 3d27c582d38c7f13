/**
 * Text diagrams in the built site, as a visitor sees them: the Mermaid, D2 and Graphviz
 * fences of the example case studies are inline SVG figures (labels as text, an accessible
 * name, a caption), readable in light and dark mode (text and lines change colour with the
 * scheme and keep contrast with the canvas), and they need no JavaScript: with scripts
 * disabled they are the same, and no script sits in or near them. One example case study
 * (ledger-migration-playbook) holds a fence of every Mermaid diagram type, so each type is
 * checked in a built page, in both schemes.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { MERMAID_SAMPLES } from '../fixtures/text-diagrams/mermaid-types.ts';

const PAGES = [
  { slug: 'idempotent-payment-pipeline', name: 'charge-retry-sequence', lang: 'mermaid', label: 'POST /charges (Idempotency-Key)' },
  { slug: 'gitops-deployment-platform', name: 'gitops-flow', lang: 'd2', label: 'Argo CD' },
  { slug: 'stream-processing-dag', name: 'checkout-funnel-dag', lang: 'dot', label: 'keyed state' },
] as const;

type Rgb = [number, number, number];

/** Parses the colour formats Chrome reports for computed styles: rgb()/rgba() and color(srgb ...). */
function parseColour(css: string): Rgb {
  const rgb = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/.exec(css);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  const srgb = /color\(srgb\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/.exec(css);
  if (srgb) return [Number(srgb[1]) * 255, Number(srgb[2]) * 255, Number(srgb[3]) * 255];
  throw new Error(`unexpected colour format: ${css}`);
}

/** WCAG relative luminance and contrast ratio. */
function contrast(a: Rgb, b: Rgb): number {
  const lum = (c: Rgb) => {
    const [r, g, bl] = c.map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as Rgb;
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

interface Paint {
  text: string;
  line: string;
  canvas: string;
}

/** The colours a reader sees: a label's fill, a connector's stroke, the canvas behind them. */
async function paint(figure: Locator, label: string): Promise<Paint> {
  return figure.evaluate((fig, wanted) => {
    const texts = [...fig.querySelectorAll('svg text')];
    const text = texts.find((t) => (t.textContent ?? '').includes(wanted)) ?? texts[0];
    const strokes = [...fig.querySelectorAll('svg path, svg line, svg polyline')].filter((el) => {
      const s = getComputedStyle(el).stroke;
      return s !== 'none' && !s.includes('rgba(0, 0, 0, 0)');
    });
    const canvas = fig.querySelector('.canvas') ?? fig;
    return {
      text: text ? getComputedStyle(text).fill : 'missing',
      line: strokes[0] ? getComputedStyle(strokes[0]).stroke : 'missing',
      canvas: getComputedStyle(canvas).backgroundColor,
    };
  }, label);
}

async function openFigure(page: Page, slug: string, name: string): Promise<Locator> {
  await page.goto(`case-studies/${slug}/`);
  return page.locator(`figure[data-diagram="${name}"]`);
}

for (const { slug, name, lang, label } of PAGES) {
  test.describe(`${lang} fence on /case-studies/${slug}/`, () => {
    test('is an inline SVG figure with text labels, a name, a caption and a full-size link', async ({ page }) => {
      const figure = await openFigure(page, slug, name);
      await expect(figure).toHaveCount(1);
      await expect(figure).toHaveAttribute('data-diagram-lang', lang);
      const svg = figure.locator('svg').first();
      await expect(svg).toBeVisible();
      await expect(svg).toHaveAttribute('role', 'img');
      await expect(svg).toHaveAccessibleName(/\S/);
      expect(await figure.locator('svg text').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining(label)]));
      await expect(figure.locator('figcaption')).not.toBeEmpty();
      await expect(figure.locator('a[data-diagram-open]')).toHaveAttribute('href', new RegExp(`diagrams/${name}\\.svg$`));
      const box = await svg.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(150);
      expect(box?.height ?? 0).toBeGreaterThan(80);
    });

    test('changes colour with the scheme and stays readable in both', async ({ page }) => {
      await page.emulateMedia({ colorScheme: 'light' });
      const figure = await openFigure(page, slug, name);
      const light = await paint(figure, label);
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.reload();
      const dark = await paint(await openFigure(page, slug, name), label);

      expect(light.text).not.toBe(dark.text);
      expect(light.line).not.toBe(dark.line);
      expect(light.canvas).not.toBe(dark.canvas);
      for (const scheme of [light, dark]) {
        const bg = parseColour(scheme.canvas);
        expect(contrast(parseColour(scheme.text), bg), `label contrast in ${JSON.stringify(scheme)}`).toBeGreaterThanOrEqual(4.5);
        expect(contrast(parseColour(scheme.line), bg), `line contrast in ${JSON.stringify(scheme)}`).toBeGreaterThanOrEqual(1.8);
      }
    });
  });
}

test('"View diagram" opens each text diagram as a standalone SVG file', async ({ page, request }) => {
  for (const { slug, name, label } of PAGES) {
    const figure = await openFigure(page, slug, name);
    const href = await figure.locator('a[data-diagram-open]').getAttribute('href');
    const response = await request.get(new URL(href ?? '', page.url()).toString());
    expect(response.status(), `${href}`).toBe(200);
    expect(response.headers()['content-type']).toContain('image/svg+xml');
    expect(await response.text()).toContain(label.replace(/&/g, '&amp;'));
  }
});

test('text diagrams need no JavaScript: identical with scripts off, and no script in the figures', async ({ browser }) => {
  for (const { slug, name } of PAGES) {
    const withJs = await browser.newPage();
    const figure = await openFigure(withJs, slug, name);
    const markup = await figure.locator('svg').first().evaluate((svg) => svg.outerHTML);
    expect(await figure.locator('script').count()).toBe(0);
    expect(markup).not.toMatch(/\son[a-z]+=|javascript:/i);
    await withJs.close();

    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    const still = await openFigure(noJs, slug, name);
    await expect(still.locator('svg').first()).toBeVisible();
    expect(await still.locator('svg').first().evaluate((svg) => svg.outerHTML)).toBe(markup);
    await context.close();
  }
});

test('one page with a Mermaid, a D2 and a Graphviz diagram shows all three, readable in both schemes, with no script they need', async ({ page }) => {
  const figures = {
    mermaid: 'pipeline-upgrade-states',
    d2: 'pipeline-delivery',
    dot: 'checkout-funnel-dag',
  } as const;
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('case-studies/stream-processing-dag/');
    for (const [lang, name] of Object.entries(figures)) {
      const figure = page.locator(`figure[data-diagram="${name}"]`);
      await expect(figure, name).toHaveAttribute('data-diagram-lang', lang);
      const svg = figure.locator('svg').first();
      await expect(svg).toBeVisible();
      await expect(svg).toHaveAccessibleName(/\S/);
      expect((await figure.locator('svg text').allTextContents()).join(' ').length).toBeGreaterThan(20);
      const p = await paint(figure, '');
      expect(contrast(parseColour(p.text), parseColour(p.canvas)), `${name} in ${scheme}`).toBeGreaterThanOrEqual(4.5);
    }
  }
  // Every id on the page is unique even with three rendered diagrams on it.
  const duplicateIds = await page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  });
  expect(duplicateIds).toEqual([]);
  // The only scripts on the page are the theme bootstrap/toggle, the search shortcut and the
  // diagram viewer's loader (the figures work without it: "View diagram" is a plain link).
  const scripts = await page.locator('script:not([type="application/ld+json"])').evaluateAll((list) =>
    list.filter((s) => !s.textContent?.includes('data-diagram-open')).length,
  );
  expect(scripts).toBeLessThanOrEqual(3);
});

test.describe('every Mermaid diagram type in a built page (/case-studies/ledger-migration-playbook/)', () => {
  const slug = 'ledger-migration-playbook';
  const figureName = (type: string): string => `ledger-${type.toLowerCase()}`;

  /** Label colours (SVG text fill, or an HTML label's colour) and the canvas behind them. */
  async function labelPaint(figure: Locator): Promise<{ labels: string[]; canvas: string; fills: string[] }> {
    return figure.evaluate((fig) => {
      const svg = fig.querySelector('svg');
      const texts = [...(svg?.querySelectorAll('text') ?? [])].filter((t) => (t.textContent ?? '').trim() !== '');
      const html = [...(svg?.querySelectorAll('foreignObject *') ?? [])].filter((e) => e.children.length === 0 && (e.textContent ?? '').trim() !== '');
      const canvas = fig.querySelector('.canvas') ?? fig;
      return {
        labels: [...texts.map((t) => t.textContent ?? ''), ...html.map((e) => e.textContent ?? '')],
        fills: [...texts.map((t) => getComputedStyle(t).fill), ...html.map((e) => getComputedStyle(e).color)],
        canvas: getComputedStyle(canvas).backgroundColor,
      };
    });
  }

  test('has one figure per type, each an accessible inline SVG showing its labels as text', async ({ page }) => {
    await page.goto(`case-studies/${slug}/`);
    const names = await page.locator('figure[data-diagram-lang="mermaid"]').evaluateAll((list) => list.map((f) => f.getAttribute('data-diagram')));
    expect(names.sort()).toEqual(MERMAID_SAMPLES.map((s) => figureName(s.type)).sort());
    for (const sample of MERMAID_SAMPLES) {
      const figure = page.locator(`figure[data-diagram="${figureName(sample.type)}"]`);
      const svg = figure.locator('svg').first();
      await expect(svg, sample.type).toBeVisible();
      await expect(svg, sample.type).toHaveAttribute('role', 'img');
      await expect(svg, sample.type).toHaveAccessibleName(/\S/);
      await expect(figure.locator('figcaption'), sample.type).not.toBeEmpty();
      const box = await svg.boundingBox();
      expect(box?.width ?? 0, sample.type).toBeGreaterThan(60);
      expect(box?.height ?? 0, sample.type).toBeGreaterThan(30);
      const { labels } = await labelPaint(figure);
      expect(labels.join(' ').trim().length, `${sample.type} shows its labels as text`).toBeGreaterThan(3);
      expect(await figure.locator('script').count()).toBe(0);
    }
  });

  test('each type follows the colour scheme and keeps its labels readable in light and dark', async ({ page }) => {
    const seen: Record<string, Record<'light' | 'dark', { fills: string[]; canvas: string }>> = {};
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`case-studies/${slug}/`);
      for (const sample of MERMAID_SAMPLES) {
        const p = await labelPaint(page.locator(`figure[data-diagram="${figureName(sample.type)}"]`));
        (seen[sample.type] ??= {} as Record<'light' | 'dark', { fills: string[]; canvas: string }>)[scheme] = p;
        const bg = parseColour(p.canvas);
        const best = Math.max(...p.fills.map((f) => contrast(parseColour(f), bg)));
        expect(best, `${sample.type} in ${scheme}: some label reads at 4.5:1 against the canvas`).toBeGreaterThanOrEqual(4.5);
      }
    }
    for (const [type, { light, dark }] of Object.entries(seen)) {
      expect(light.canvas, type).not.toBe(dark.canvas);
      expect(light.fills.some((f, i) => f !== dark.fills[i]), `${type}: label colours change with the scheme`).toBe(true);
    }
  });
});

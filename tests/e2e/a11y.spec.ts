/**
 * Zero axe-core violations (WCAG 2.2 A/AA rules) on every page type, in light and dark.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { published, slugOf } from '../support/content.ts';

const studies = published();
const withCode = studies.find((s) => /^```/m.test(s.body) && /<Diagram/.test(s.body)) ?? studies[0]!;
const first = studies[0]!;

const pageTypes: Record<string, string> = {
  home: './',
  index: 'case-studies/',
  category: `categories/${slugOf(first.category)}/`,
  categories: 'categories/',
  tag: `tags/${slugOf(first.stack[0] ?? first.tags[0] ?? '')}/`,
  tags: 'tags/',
  'case study with diagrams and code': `case-studies/${withCode.slug}/`,
  architecture: 'architecture/',
  search: 'search/?q=Kafka',
  '404': 'no-such-page/',
};

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} scheme`, () => {
    test.use({ colorScheme: scheme });
    for (const [name, path] of Object.entries(pageTypes)) {
      test(`${name} has no axe violations`, async ({ page }) => {
        await page.goto(path);
        if (name === 'search') await expect(page.locator('.pagefind-modular-list-result').first()).toBeVisible();
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
          .analyze();
        const summary = results.violations.map(
          (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n  ')}`,
        );
        expect(summary, summary.join('\n')).toEqual([]);
      });
    }
  });
}

/** What a preview card says, and that its stack chips never spill onto a second line. */
import { describe, expect, it } from 'vitest';
import { cardTree, fitChips, titleSize, type CardChild } from '../../../src/lib/og-image/card.ts';
import { caseStudyCard, siteCard } from '../../../src/lib/og-image/cards.ts';
import { siteConfig } from '../../../src/site.config.ts';

const texts = (node: CardChild): string[] =>
  typeof node === 'string'
    ? [node]
    : node.type === 'img'
      ? []
      : [node.props.children ?? []].flat().flatMap((c) => texts(c));

describe('caseStudyCard', () => {
  it('carries the title, category, status label, stack, author and site', () => {
    const card = caseStudyCard(
      { title: 'Exactly-once payments', category: 'Fintech', status: 'design-exercise', stack: ['Go', 'Kafka'] },
      { ...siteConfig, url: 'https://example.dev', base: '/portfolio/' },
    );
    expect(texts(cardTree(card))).toEqual(
      expect.arrayContaining(['Fintech', 'Design exercise', 'Exactly-once payments', 'Go', 'Kafka', siteConfig.author.name, 'example.dev/portfolio']),
    );
  });

  it('gives other pages a card with the site description and author', () => {
    const words = texts(cardTree(siteCard(siteConfig)));
    expect(words).toContain(siteConfig.description);
    expect(words).toContain(siteConfig.author.name);
  });
});

describe('layout rules', () => {
  it('shrinks long titles', () => {
    expect(titleSize('Short title')).toBeGreaterThan(titleSize('A considerably longer title that will wrap onto lines'));
    expect(titleSize('x'.repeat(200))).toBeGreaterThanOrEqual(40);
  });

  it('shows every chip when they fit', () => {
    expect(fitChips(['Go', 'Redis', 'Kafka'])).toEqual(['Go', 'Redis', 'Kafka']);
  });

  it('replaces the chips that do not fit with a "+N" count', () => {
    const stack = Array.from({ length: 14 }, (_, i) => `Technology ${i + 1}`);
    const shown = fitChips(stack);
    const hidden = stack.length - (shown.length - 1);
    expect(shown.at(-1)).toBe(`+${hidden}`);
    expect(shown.slice(0, -1)).toEqual(stack.slice(0, shown.length - 1));
    expect(hidden).toBeGreaterThan(0);
  });
});

/** The tags a link preview is built from: Open Graph, Twitter card, article data, robots. */
import { describe, expect, it } from 'vitest';
import { metaTags, type PageMeta } from '../../../src/lib/seo/meta-tags.ts';

const page: PageMeta = {
  title: 'Exactly-once payments · Casebook',
  description: 'Idempotency keys end to end.',
  canonical: 'https://example.dev/case-studies/payments/',
  imageUrl: 'https://example.dev/og/case-studies/payments.png',
  imageAlt: 'Preview card',
  type: 'article',
  siteName: 'Casebook',
  lang: 'en',
  published: new Date('2024-05-01'),
  modified: new Date('2024-06-01'),
  tags: ['Go', 'Kafka'],
  noindex: false,
};

const values = (tags: ReturnType<typeof metaTags>, key: string) => tags.filter((t) => t.key === key).map((t) => t.content);

describe('metaTags', () => {
  it('names no URL on a noindex page, such as the 404 page', () => {
    const tags = metaTags({ ...page, noindex: true });
    expect(values(tags, 'og:url')).toEqual([]);
    expect(values(tags, 'robots')).toEqual(['noindex, follow']);
  });

  it('gives Open Graph the title, description, canonical URL, type and a sized image', () => {
    const tags = metaTags(page);
    expect(values(tags, 'og:title')).toEqual([page.title]);
    expect(values(tags, 'og:description')).toEqual([page.description]);
    expect(values(tags, 'og:url')).toEqual([page.canonical]);
    expect(values(tags, 'og:type')).toEqual(['article']);
    expect(values(tags, 'og:site_name')).toEqual(['Casebook']);
    expect(values(tags, 'og:image')).toEqual([page.imageUrl]);
    expect(values(tags, 'og:image:width')).toEqual(['1200']);
    expect(values(tags, 'og:image:height')).toEqual(['630']);
    expect(values(tags, 'og:image:alt')).toEqual(['Preview card']);
    expect(tags.filter((t) => t.key.startsWith('og:')).every((t) => t.attribute === 'property')).toBe(true);
  });

  it('adds article dates and one article:tag per keyword on articles only', () => {
    const article = metaTags(page);
    expect(values(article, 'article:published_time')).toEqual(['2024-05-01T00:00:00.000Z']);
    expect(values(article, 'article:modified_time')).toEqual(['2024-06-01T00:00:00.000Z']);
    expect(values(article, 'article:tag')).toEqual(['Go', 'Kafka']);

    const website = metaTags({ ...page, type: 'website' });
    expect(website.some((t) => t.key.startsWith('article:'))).toBe(false);
  });

  it('asks for a large-image Twitter card', () => {
    const tags = metaTags(page);
    expect(values(tags, 'twitter:card')).toEqual(['summary_large_image']);
    expect(values(tags, 'twitter:image')).toEqual([page.imageUrl]);
    expect(tags.filter((t) => t.key.startsWith('twitter:')).every((t) => t.attribute === 'name')).toBe(true);
  });

  it('keeps a page out of search engines only when asked', () => {
    expect(values(metaTags(page), 'robots')).toEqual([]);
    expect(values(metaTags({ ...page, noindex: true }), 'robots')).toEqual(['noindex, follow']);
  });

  it('gives og:locale only for a language with a territory', () => {
    expect(values(metaTags(page), 'og:locale')).toEqual([]);
    expect(values(metaTags({ ...page, lang: 'en-GB' }), 'og:locale')).toEqual(['en_GB']);
  });
});

/** Structured data that search engines read: the author as a Person, each study as a TechArticle. */
import { describe, expect, it } from 'vitest';
import {
  articleJsonLd,
  articleKeywords,
  personJsonLd,
  serializeJsonLd,
  type ArticleSource,
  type SiteIdentity,
} from '../../../src/lib/seo/json-ld.ts';
import { caseStudySeo } from '../../../src/lib/seo/page-seo.ts';

const site: SiteIdentity = {
  title: 'Casebook',
  description: 'Engineering case studies.',
  url: 'https://example.dev',
  base: '/portfolio/',
  lang: 'en',
  author: { name: 'Sam Lee', role: 'Staff engineer', bio: 'I build queues.', email: 'sam@example.dev' },
  social: [
    { label: 'GitHub', url: 'https://github.com/sam' },
    { label: 'Mastodon', url: 'https://hachyderm.io/@sam' },
  ],
};

const study: ArticleSource = {
  title: 'Exactly-once payments',
  summary: 'Idempotency keys end to end.',
  subtitle: 'No double charges',
  date: new Date('2024-05-01'),
  category: 'Fintech',
  stack: ['Go', 'PostgreSQL', 'Kafka'],
  tags: ['Idempotency', 'kafka', 'Sagas'],
};

describe('personJsonLd', () => {
  it('describes the author with role, bio, profiles and email', () => {
    const person = personJsonLd(site, 'https://example.dev/portfolio/');
    expect(person).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Person',
      name: 'Sam Lee',
      jobTitle: 'Staff engineer',
      description: 'I build queues.',
      url: 'https://example.dev/portfolio/',
      sameAs: ['https://github.com/sam', 'https://hachyderm.io/@sam'],
      email: 'sam@example.dev',
    });
  });

  it('leaves out email and profiles the author has not given', () => {
    const person = personJsonLd({ ...site, social: [], author: { ...site.author, email: undefined } }, 'https://example.dev/');
    expect(person).not.toHaveProperty('email');
    expect(person).not.toHaveProperty('sameAs');
  });

  it('makes an avatar path absolute under the base path', () => {
    const person = personJsonLd({ ...site, author: { ...site.author, avatar: '/me.jpg' } }, 'https://example.dev/portfolio/');
    expect(person['image']).toBe('https://example.dev/portfolio/me.jpg');
  });
});

describe('articleJsonLd', () => {
  const url = 'https://example.dev/portfolio/case-studies/payments/';
  const image = 'https://example.dev/portfolio/og/case-studies/payments.png';

  it('is a TechArticle with headline, description, dates, author, section, keywords, image and url', () => {
    const article = articleJsonLd(study, url, image, site);
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'TechArticle',
      headline: 'Exactly-once payments',
      alternativeHeadline: 'No double charges',
      description: 'Idempotency keys end to end.',
      datePublished: '2024-05-01T00:00:00.000Z',
      author: { '@type': 'Person', name: 'Sam Lee', url: 'https://example.dev/portfolio/' },
      articleSection: 'Fintech',
      url,
      mainEntityOfPage: { '@id': url },
      image: { '@type': 'ImageObject', url: image, width: 1200, height: 630 },
    });
  });

  it('uses the update date as dateModified, or the publication date when never updated', () => {
    expect(articleJsonLd(study, url, image, site)['dateModified']).toBe('2024-05-01T00:00:00.000Z');
    const updated = articleJsonLd({ ...study, updated: new Date('2025-01-15') }, url, image, site);
    expect(updated['dateModified']).toBe('2025-01-15T00:00:00.000Z');
  });

  it('takes keywords from the stack then the tags, without case-insensitive duplicates', () => {
    expect(articleKeywords(study)).toEqual(['Go', 'PostgreSQL', 'Kafka', 'Idempotency', 'Sagas']);
    expect(articleJsonLd(study, url, image, site)['keywords']).toEqual(articleKeywords(study));
  });

  it("a case study page's seo prop: the same keywords and dates as its JSON-LD, its card, drafts kept out", () => {
    const modified = new Date('2025-01-15');
    const seo = caseStudySeo({ id: 'exactly-once', data: study }, modified, site);
    expect(seo.image).toBe('/og/case-studies/exactly-once.png');
    expect(seo.article).toEqual({ published: study.date, modified, tags: articleKeywords(study) });
    expect(seo.noindex).toBe(false);
    const [article] = seo.jsonLd ?? [];
    expect(article?.['keywords']).toEqual(seo.article?.tags);
    expect(article?.['dateModified']).toBe('2025-01-15T00:00:00.000Z');
    expect(article?.['url']).toBe('https://example.dev/portfolio/case-studies/exactly-once/');
    expect(article?.['image']).toMatchObject({ url: 'https://example.dev/portfolio/og/case-studies/exactly-once.png' });
    expect(caseStudySeo({ id: 'wip', data: { ...study, draft: true } }, modified, site).noindex).toBe(true);
  });
});

describe('serializeJsonLd', () => {
  it('cannot be broken out of by a title that closes the script element', () => {
    const hostile = articleJsonLd(
      { ...study, title: 'Pwned </script><script>alert(1)</script> & <!-- more' },
      'https://example.dev/x/',
      'https://example.dev/x.png',
      site,
    );
    const text = serializeJsonLd(hostile);
    expect(text).not.toMatch(/<\/script/i);
    expect(text).not.toContain('<');
    expect(text).not.toContain('<!--');
    expect(JSON.parse(text)).toEqual(hostile);
  });

  it('round-trips line and paragraph separators, which end a JavaScript string', () => {
    const data = { '@type': 'Thing', name: 'a\u2028b\u2029c' };
    const text = serializeJsonLd(data);
    expect(text).not.toMatch(/[\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(data);
  });
});

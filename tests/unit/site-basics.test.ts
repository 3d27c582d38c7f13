/** Small helpers every page relies on: base-path URLs, dates, reading time, site config. */
import { describe, expect, it } from 'vitest';
import { joinBase, paths, routes } from '../../src/lib/urls.ts';
import { formatDate, isoDate } from '../../src/lib/format.ts';
import { readingMinutes } from '../../src/lib/reading-time.ts';
import { siteConfigSchema, siteConfig } from '../../src/site.config.ts';

describe('urls', () => {
  it('one route per URL shape; paths are the same routes under the base path', () => {
    expect(routes.caseStudy('payments')).toBe('/case-studies/payments/');
    expect(routes.diagram('checkout-flow')).toBe('/diagrams/checkout-flow.svg');
    expect(routes.caseStudyCard('payments')).toBe('/og/case-studies/payments.png');
    expect(routes.architecturePage(1)).toBe('/architecture/');
    expect(routes.architecturePage(3)).toBe('/architecture/3/');
    expect(Object.keys(paths).sort()).toEqual(Object.keys(routes).sort());
    // Vitest's base is "/", so each path is its route under "/".
    expect(paths.caseStudy('payments')).toBe(joinBase('/', routes.caseStudy('payments')));
    expect(paths.tag('kafka')).toBe('/tags/kafka/');
  });

  it('joins paths under a base path', () => {
    expect(joinBase('/', '/case-studies/x/')).toBe('/case-studies/x/');
    expect(joinBase('/portfolio/', '/case-studies/x/')).toBe('/portfolio/case-studies/x/');
    expect(joinBase('/portfolio', 'tags/')).toBe('/portfolio/tags/');
  });
});

describe('dates', () => {
  it('formats in UTC whatever the machine time zone', () => {
    const d = new Date('2024-11-20');
    expect(formatDate(d)).toBe('20 Nov 2024');
    expect(isoDate(d)).toBe('2024-11-20');
  });
});

describe('reading time', () => {
  it('counts prose, not code or component markup', () => {
    const prose = 'word '.repeat(460);
    const code = '```lua\n' + 'local x = 1\n'.repeat(2000) + '```\n';
    expect(readingMinutes(prose)).toBe(2);
    expect(readingMinutes(prose + '\n\n' + code + '\n<Diagram name="a" caption="b" />')).toBe(2);
    expect(readingMinutes('')).toBe(1);
  });
});

describe('site config', () => {
  it('the shipped config is valid', () => {
    expect(siteConfig.base.endsWith('/')).toBe(true);
    expect(siteConfig.contact.href).toMatch(/^(mailto:|https?:|\/)/);
  });
  it('a bad base path or URL names the setting', () => {
    const result = siteConfigSchema.safeParse({ ...siteConfig, base: 'portfolio', url: 'casebook.dev' });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['base', 'url']);
  });
});


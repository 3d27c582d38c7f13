/** Small helpers every page relies on: base-path URLs, dates, reading time, site config. */
import { describe, expect, it } from 'vitest';
import { joinBase } from '../../src/lib/urls.ts';
import { formatDate, isoDate } from '../../src/lib/format.ts';
import { readingMinutes } from '../../src/lib/reading-time.ts';
import { siteConfigSchema, siteConfig } from '../../src/site.config.ts';
import { MDX_COMPONENT_NAMES } from '../../src/components/mdx/names.ts';
import { readFileSync } from 'node:fs';

describe('urls', () => {
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

describe('MDX components', () => {
  it('every name the validator accepts is passed to the page', () => {
    const source = readFileSync(new URL('../../src/components/mdx/index.ts', import.meta.url), 'utf8');
    for (const name of MDX_COMPONENT_NAMES) expect(source).toMatch(new RegExp(`^\\s+${name},$`, 'm'));
  });
});

/** `npm run lighthouse`: which pages it measures and how the scores print. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pagesToMeasure, scoreTable } from '../../../src/tools/lighthouse/report.ts';

const dist = mkdtempSync(path.join(tmpdir(), 'casebook-lh-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

function page(rel: string, html = '<p>x</p>') {
  mkdirSync(path.join(dist, rel), { recursive: true });
  writeFileSync(path.join(dist, rel, 'index.html'), html);
}

describe('pagesToMeasure', () => {
  it('picks a case study with a diagram, the first tag, and the fixed pages', () => {
    page('case-studies/alpha');
    page('case-studies/beta', '<a data-diagram-open href="/diagrams/x.svg">View diagram</a>');
    page('tags/go');
    page('tags/aws');
    expect(pagesToMeasure(dist)).toEqual([
      { name: 'home', path: '/' },
      { name: 'case study', path: '/case-studies/beta/' },
      { name: 'architecture', path: '/architecture/' },
      { name: 'tag', path: '/tags/aws/' },
      { name: 'search', path: '/search/' },
    ]);
  });
});

describe('scoreTable', () => {
  it('prints one row per page and form factor, scores out of 100', () => {
    const table = scoreTable([
      { page: 'home', path: '/', formFactor: 'mobile', scores: { performance: 0.985, accessibility: 1, 'best-practices': 1, seo: null } },
    ]);
    expect(table.split('\n')).toEqual([
      '| page | form factor | perf | a11y | best | seo |',
      '| --- | --- | ---: | ---: | ---: | ---: |',
      '| home (/) | mobile | 99 | 100 | 100 | – |',
    ]);
  });
});

/**
 * `npm run lighthouse`'s choices and its table: which pages of the built site stand for each
 * page type, and how the scores print. Pure, so the choice is tested; the runner is
 * src/cli/lighthouse.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];
export type FormFactor = 'mobile' | 'desktop';

export interface PageToMeasure {
  name: string;
  /** Site path without the base. */
  path: string;
}

function firstDir(dir: string, accept: (name: string) => boolean = () => true): string | undefined {
  if (!existsSync(dir)) return undefined;
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && accept(e.name))
    .map((e) => e.name)
    .sort()[0];
}

/** Home, a case study with a diagram (else any), the architecture page, a tag page, search. */
export function pagesToMeasure(dist: string): PageToMeasure[] {
  const studies = path.join(dist, 'case-studies');
  const hasDiagram = (slug: string) => {
    const file = path.join(studies, slug, 'index.html');
    return existsSync(file) && readFileSync(file, 'utf8').includes('data-diagram-open');
  };
  const study = firstDir(studies, hasDiagram) ?? firstDir(studies);
  const tag = firstDir(path.join(dist, 'tags'));
  return [
    { name: 'home', path: '/' },
    ...(study ? [{ name: 'case study', path: `/case-studies/${study}/` }] : []),
    { name: 'architecture', path: '/architecture/' },
    ...(tag ? [{ name: 'tag', path: `/tags/${tag}/` }] : []),
    { name: 'search', path: '/search/' },
  ];
}

export interface Score {
  page: string;
  path: string;
  formFactor: FormFactor;
  scores: Record<Category, number | null>;
  /** Lighthouse's display values of the performance metrics (FCP, LCP, TBT, CLS, SI). */
  metrics?: Record<string, string>;
}

const LABEL: Record<Category, string> = {
  performance: 'perf',
  accessibility: 'a11y',
  'best-practices': 'best',
  seo: 'seo',
};

/** A Markdown table, one row per page and form factor, scores 0-100 ("–" when not scored). */
export function scoreTable(scores: readonly Score[]): string {
  const head = `| page | form factor | ${CATEGORIES.map((c) => LABEL[c]).join(' | ')} |`;
  const rule = `| --- | --- | ${CATEGORIES.map(() => '---:').join(' | ')} |`;
  const rows = scores.map(
    (s) => `| ${s.page} (${s.path}) | ${s.formFactor} | ${CATEGORIES.map((c) => (s.scores[c] === null ? '–' : String(Math.round(s.scores[c]! * 100)))).join(' | ')} |`,
  );
  return [head, rule, ...rows].join('\n');
}

/**
 * Multi-part series: studies whose frontmatter says `series: { name, part }` with the same name
 * (compared by slug, so "Payments at Scale" and "payments at scale" are one series) are read
 * in part order. Pure functions over plain objects: the pages group and number, the validator
 * checks for duplicate and missing parts, and neither does it by itself.
 */
import { slugify } from './slug.ts';

export interface SeriesField {
  name: string;
  part: number;
}

export interface InSeries {
  id: string;
  data: { title: string; series?: SeriesField | undefined };
}

export interface Series<T> {
  /** Display name: the spelling of the lowest part. */
  name: string;
  slug: string;
  /** Members in part order. */
  parts: T[];
}

/** Every series, by name; each with its members in part order. */
export function seriesIndex<T extends InSeries>(studies: readonly T[]): Series<T>[] {
  const bySlug = new Map<string, T[]>();
  for (const study of studies) {
    const field = study.data.series;
    if (!field) continue;
    const slug = slugify(field.name);
    const list = bySlug.get(slug) ?? [];
    list.push(study);
    bySlug.set(slug, list);
  }
  return [...bySlug.entries()]
    .map(([slug, members]) => {
      const parts = members.sort((a, b) => a.data.series!.part - b.data.series!.part || a.id.localeCompare(b.id));
      return { name: parts[0]!.data.series!.name, slug, parts };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export interface SeriesPosition<T> {
  series: Series<T>;
  /** This study's part number. */
  part: number;
  /** The number of parts: the highest part number published. */
  total: number;
}

/** Where a study sits in its series, or undefined when it is in none. */
export function positionOf<T extends InSeries>(study: T, index: readonly Series<T>[]): SeriesPosition<T> | undefined {
  const field = study.data.series;
  if (!field) return undefined;
  const series = index.find((s) => s.slug === slugify(field.name));
  if (!series) return undefined;
  const total = Math.max(...series.parts.map((p) => p.data.series!.part));
  return { series, part: field.part, total };
}

/** One study's claim to a part, with where it is written (for file:line messages). */
export interface SeriesClaim {
  file: string;
  line?: number | undefined;
  name: string;
  part: number;
}

export interface SeriesProblem {
  file: string;
  line?: number;
  subject: string;
  message: string;
}

/**
 * Duplicate parts (two files claim part 2) and missing parts (parts 1 and 3 but no 2, or no
 * part 1): each reported on the file that has to change, or for a gap on the part after it.
 */
export function seriesProblems(claims: readonly SeriesClaim[]): SeriesProblem[] {
  const problems: SeriesProblem[] = [];
  const bySlug = new Map<string, SeriesClaim[]>();
  for (const claim of claims) {
    const slug = slugify(claim.name);
    bySlug.set(slug, [...(bySlug.get(slug) ?? []), claim]);
  }
  for (const members of bySlug.values()) {
    const sorted = [...members].sort((a, b) => a.part - b.part || a.file.localeCompare(b.file));
    const name = sorted[0]!.name;
    const byPart = new Map<number, SeriesClaim[]>();
    for (const m of sorted) byPart.set(m.part, [...(byPart.get(m.part) ?? []), m]);
    for (const [part, holders] of byPart) {
      if (holders.length < 2) continue;
      for (const h of holders.slice(1)) {
        problems.push({
          file: h.file,
          ...(h.line === undefined ? {} : { line: h.line }),
          subject: 'series.part',
          message: `found part ${part} of "${name}" again (${holders[0]!.file} is part ${part} too), expected each part number once — renumber one of them`,
        });
      }
    }
    const highest = sorted[sorted.length - 1]!.part;
    for (let part = 1; part < highest; part++) {
      if (byPart.has(part)) continue;
      const next = sorted.find((m) => m.part > part)!;
      problems.push({
        file: next.file,
        ...(next.line === undefined ? {} : { line: next.line }),
        subject: 'series.part',
        message: `found no part ${part} of "${name}" before part ${next.part}, expected parts 1 to ${highest} without gaps — add part ${part} or renumber`,
      });
    }
  }
  return problems;
}

/**
 * Pure functions over the list of case studies: ordering, categories, tags, related and
 * previous/next. They take plain objects (not Astro entries) so they are unit-tested
 * without Astro, and pages never sort or group data themselves.
 */
import { slugify } from './slug.ts';

/** The part of a case study the taxonomy needs. */
export interface Classified {
  id: string;
  data: { title: string; date: Date; category: string; stack: string[]; tags: string[]; featured: boolean };
}

export interface Term<T> {
  /** Display name (first spelling seen). */
  name: string;
  slug: string;
  items: T[];
}

/** Newest first; ties broken by title so the order is deterministic. */
export function byDateDesc<T extends Classified>(a: T, b: T): number {
  return b.data.date.getTime() - a.data.date.getTime() || a.data.title.localeCompare(b.data.title);
}

/**
 * Every tag of a study: its stack followed by its topics, de-duplicated by slug. Memoised per
 * study object: related studies compare every study with every other on each page, so without
 * it a 1,000-study build slugifies millions of tags.
 */
const tagsMemo = new WeakMap<Classified, readonly { name: string; slug: string }[]>();
export function tagsOf(study: Classified): readonly { name: string; slug: string }[] {
  const memo = tagsMemo.get(study);
  if (memo) return memo;
  const seen = new Set<string>();
  const out: { name: string; slug: string }[] = [];
  for (const name of [...study.data.stack, ...study.data.tags]) {
    const slug = slugify(name);
    if (!slug || seen.has(slug)) continue;
    seen.add(slug);
    out.push({ name, slug });
  }
  tagsMemo.set(study, out);
  return out;
}

const categoryMemo = new WeakMap<Classified, string>();
function categorySlugOf(study: Classified): string {
  let slug = categoryMemo.get(study);
  if (slug === undefined) categoryMemo.set(study, (slug = slugify(study.data.category)));
  return slug;
}

function groupBy<T extends Classified>(studies: T[], keys: (s: T) => readonly { name: string; slug: string }[]): Term<T>[] {
  const terms = new Map<string, Term<T>>();
  for (const study of [...studies].sort(byDateDesc)) {
    for (const { name, slug } of keys(study)) {
      let term = terms.get(slug);
      if (!term) terms.set(slug, (term = { name, slug, items: [] }));
      term.items.push(study);
    }
  }
  return [...terms.values()];
}

/** Categories, largest first then alphabetical; each lists its studies newest first. */
export function categoriesOf<T extends Classified>(studies: T[]): Term<T>[] {
  return groupBy(studies, (s) => [{ name: s.data.category, slug: slugify(s.data.category) }]).sort(
    (a, b) => b.items.length - a.items.length || a.name.localeCompare(b.name),
  );
}

/** Tags (stack and topics), alphabetical. */
export function tagIndex<T extends Classified>(studies: T[]): Term<T>[] {
  return groupBy(studies, tagsOf).sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
}

/**
 * Related studies: shared tags count once each, the same category counts twice; ties go
 * to the newer study. Studies with nothing in common are not "related".
 */
export function relatedTo<T extends Classified>(study: T, all: T[], limit = 3): T[] {
  const mine = new Set(tagsOf(study).map((t) => t.slug));
  const cat = categorySlugOf(study);
  return all
    .filter((s) => s.id !== study.id)
    .map((s) => ({
      s,
      score: tagsOf(s).filter((t) => mine.has(t.slug)).length + (categorySlugOf(s) === cat ? 2 : 0),
    }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || byDateDesc(a.s, b.s))
    .slice(0, limit)
    .map((x) => x.s);
}

/** Neighbours in the index order (newest first): `newer` is the previous item. */
export function neighbours<T extends Classified>(study: T, sorted: T[]): { newer?: T; older?: T } {
  const i = sorted.findIndex((s) => s.id === study.id);
  if (i < 0) return {};
  const newer = sorted[i - 1];
  const older = sorted[i + 1];
  return { ...(newer ? { newer } : {}), ...(older ? { older } : {}) };
}

/** Featured first (newest first), topped up with the newest others, up to `count`. */
export function featured<T extends Classified>(studies: T[], count: number): T[] {
  const sorted = [...studies].sort(byDateDesc);
  const picked = sorted.filter((s) => s.data.featured);
  const rest = sorted.filter((s) => !s.data.featured);
  return [...picked, ...rest].slice(0, count);
}

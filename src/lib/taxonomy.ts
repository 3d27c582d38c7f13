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

/** For each tag slug and category slug, the positions in `all` of the studies that have it. */
interface RelatedIndex {
  byTag: Map<string, number[]>;
  byCategory: Map<string, number[]>;
}

const relatedIndexMemo = new WeakMap<readonly Classified[], RelatedIndex>();
function relatedIndexOf(all: readonly Classified[]): RelatedIndex {
  const memo = relatedIndexMemo.get(all);
  if (memo) return memo;
  const byTag = new Map<string, number[]>();
  const byCategory = new Map<string, number[]>();
  const push = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  all.forEach((s, i) => {
    for (const t of tagsOf(s)) push(byTag, t.slug, i);
    push(byCategory, categorySlugOf(s), i);
  });
  const index = { byTag, byCategory };
  relatedIndexMemo.set(all, index);
  return index;
}

/**
 * Related studies: shared tags count once each, the same category counts twice; ties go
 * to the newer study, then to the earlier one in `all`. Studies with nothing in common are
 * not "related".
 *
 * Every page asks this of the whole list, so instead of scoring and sorting all N studies
 * per page (O(N² log N) per build, seconds at 1,000 studies), it scores only the studies
 * that share something, found through an index of `all` built once per list, and keeps the
 * best `limit` as it goes. `all` must not be changed after the first call with it.
 */
export function relatedTo<T extends Classified>(study: T, all: T[], limit = 3): T[] {
  if (limit <= 0) return [];
  const { byTag, byCategory } = relatedIndexOf(all);
  const scores = new Map<number, number>();
  const credit = (positions: readonly number[] | undefined, points: number) => {
    for (const i of positions ?? []) scores.set(i, (scores.get(i) ?? 0) + points);
  };
  for (const t of tagsOf(study)) credit(byTag.get(t.slug), 1);
  credit(byCategory.get(categorySlugOf(study)), 2);

  // Best first: higher score, then newer (byDateDesc), then earlier in `all` (what a stable
  // sort of `all` gave).
  const better = (a: { i: number; score: number }, b: { i: number; score: number }) =>
    b.score - a.score || byDateDesc(all[a.i]!, all[b.i]!) || a.i - b.i;
  const best: { i: number; score: number }[] = [];
  for (const [i, score] of scores) {
    if (all[i]!.id === study.id) continue;
    const candidate = { i, score };
    if (best.length === limit && better(candidate, best[best.length - 1]!) >= 0) continue;
    let at = best.length;
    while (at > 0 && better(candidate, best[at - 1]!) < 0) at--;
    best.splice(at, 0, candidate);
    if (best.length > limit) best.pop();
  }
  return best.map((x) => all[x.i]!);
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

/**
 * Mermaid's raw SVG made independent of what the page rendered before it.
 *
 * With `deterministicIds` most of mermaid's ids are derived from the seed, but the sequence
 * renderer numbers actors with a module-level counter that is never reset (`actorCnt` in
 * mermaid 11): the same fence comes back with `actor4` as the first diagram on a page and
 * `actor219` after forty others. That made `npm run diagrams:render` write different files
 * (and the built site differ) depending on which fences were rendered before, and in which
 * order. A sequence diagram's counter runs consecutively from where the last one stopped,
 * so subtracting the smallest number found gives every render of a source the same ids.
 *
 * The forms rewritten are every one the sequence renderer builds from that counter:
 * `actorN`, `actorN_popup`, `actor-man-armsN`, `actor-man-torsoN` (as ids, `#` references or
 * the popup's quoted name) and `id="root-N"`.
 */

const ACTOR_ID = /\bid="actor(\d+)(?:_popup)?"/g;
const ACTOR_REF = /(["'#])(actor(?:-man-arms|-man-torso)?)(\d+)(_popup)?(?=["')\s])/g;
const ROOT_ID = /\bid="root-(\d+)"/g;

/** The same SVG with mermaid's sequence-actor numbering starting at 0. */
export function canonicalMermaidIds(svg: string): string {
  let min = Infinity;
  for (const m of svg.matchAll(ACTOR_ID)) min = Math.min(min, Number(m[1]));
  if (!Number.isFinite(min) || min === 0) return svg;
  const shift = (n: string) => String(Number(n) - min);
  return svg
    .replace(ACTOR_REF, (_m, lead: string, base: string, n: string, popup: string | undefined) => `${lead}${base}${shift(n)}${popup ?? ''}`)
    .replace(ROOT_ID, (_m, n: string) => `id="root-${shift(n)}"`);
}

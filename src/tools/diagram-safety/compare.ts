/**
 * The attack corpus (corpus.ts) under three sanitisers, counted the same way:
 *  - Casebook's pipeline (refused at build, or inert by hazards.ts);
 *  - plain svgo (`preset-default`), which is an optimiser, not a sanitiser;
 *  - DOMPurify's SVG profile (`USE_PROFILES: { svg: true, svgFilters: true }`) on jsdom.
 * A vector "still has hazards" when hazards.ts finds something a browser would act on in the
 * output inlined in a page. Static analysis only: the Chromium test checks Casebook's output
 * in a real browser.
 */
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { optimize } from 'svgo';
import { idPrefix } from '../../lib/diagrams/id-prefix.ts';
import { processSvg } from '../../lib/diagrams/pipeline.ts';
import { attackCorpus } from './corpus.ts';
import { hazardsInline } from './hazards.ts';

export interface Tally { tried: number; refused: number; hazardous: number; inert: number }

export function compare(): Record<'casebook' | 'svgo' | 'dompurify', Tally> {
  const corpus = attackCorpus();
  const purify = createDOMPurify(new JSDOM('').window);
  const tally = (): Tally => ({ tried: 0, refused: 0, hazardous: 0, inert: 0 });
  const out = { casebook: tally(), svgo: tally(), dompurify: tally() };
  const count = (t: Tally, run: () => string, scope?: string): void => {
    t.tried++;
    let svg: string;
    try {
      svg = run();
    } catch {
      t.refused++;
      return;
    }
    if (hazardsInline(svg, scope).length > 0) t.hazardous++;
    else t.inert++;
  };
  for (const v of corpus) {
    count(out.casebook, () => processSvg(v.svg, { name: v.id, file: `diagrams/${v.id}.svg` }).svg, idPrefix(v.id));
    count(out.svgo, () => optimize(v.svg, { plugins: ['preset-default'] }).data);
    count(out.dompurify, () => purify.sanitize(v.svg, { USE_PROFILES: { svg: true, svgFilters: true } }));
  }
  return out;
}

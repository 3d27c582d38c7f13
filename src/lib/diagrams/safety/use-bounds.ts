/**
 * Caps what `<use>` makes a browser draw.
 *
 * Each `<use href="#x">` draws a copy of `#x` and everything inside it, including its own
 * `<use>`s, so ten chained levels of ten uses each draw 10^10 shapes from a few KB of text
 * (a public test file hangs a visitor's tab this way). This counts the elements a browser
 * would instantiate, and how deep `<use>` chains go, without expanding anything: a memoised
 * walk over the tree where a `<use>` costs what its target costs. A reference cycle (which
 * browsers refuse to draw) counts as nothing. Over either cap the build fails, naming the file.
 */
import type { CustomPlugin, XastElement } from 'svgo';
import { DiagramError } from '../errors.ts';
import type { DiagramLimits } from './bounds.ts';

interface Cost {
  /** Elements drawn, counting every `<use>` instance. */
  drawn: number;
  /** Longest chain of nested `<use>` references. */
  depth: number;
}

export function useCost(root: XastElement): Cost {
  const byId = new Map<string, XastElement>();
  const stack = [root];
  while (stack.length > 0) {
    const el = stack.pop() as XastElement;
    if (el.attributes.id) byId.set(el.attributes.id, el);
    for (const c of el.children) if (c.type === 'element') stack.push(c);
  }
  const memo = new Map<XastElement, Cost>();
  const active = new Set<XastElement>();
  const cost = (el: XastElement): Cost => {
    const known = memo.get(el);
    if (known) return known;
    if (active.has(el)) return { drawn: 0, depth: 0 };
    active.add(el);
    let drawn = 1;
    let depth = 0;
    for (const c of el.children) {
      if (c.type !== 'element') continue;
      const sub = cost(c);
      drawn += sub.drawn;
      depth = Math.max(depth, sub.depth);
    }
    const href = el.name === 'use' ? (el.attributes.href ?? el.attributes['xlink:href']) : undefined;
    const target = href?.startsWith('#') ? byId.get(href.slice(1)) : undefined;
    if (target) {
      const sub = cost(target);
      drawn += sub.drawn;
      depth = Math.max(depth, sub.depth + 1);
    }
    active.delete(el);
    const result = { drawn: Math.min(drawn, Number.MAX_SAFE_INTEGER), depth };
    memo.set(el, result);
    return result;
  };
  return cost(root);
}

export function createUseBoundsPlugin(file: string, limits: DiagramLimits): CustomPlugin {
  return {
    name: 'casebookUseBounds',
    fn: (root) => {
      const svg = root.children.find((c): c is XastElement => c.type === 'element');
      if (!svg) return null;
      const { drawn, depth } = useCost(svg);
      if (depth > limits.maxUseDepth || drawn > limits.maxUseExpansion) {
        throw new DiagramError({
          file, element: '<use>',
          found: depth > limits.maxUseDepth
            ? `references nested ${depth} deep, over the ${limits.maxUseDepth} limit`
            : `would make a browser draw ${drawn.toExponential(1)} elements, over the ${limits.maxUseExpansion.toLocaleString('en')} limit`,
          expected: 'fewer nested <use> references (a viewer\'s browser would hang drawing this)',
        });
      }
      return null;
    },
  };
}

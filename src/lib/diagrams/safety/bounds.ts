/**
 * Limits that keep one hostile or huge diagram from stalling the build or a visitor's tab.
 *
 * | limit              | default   | env variable                          | why                                   |
 * | ------------------ | --------- | ------------------------------------- | ------------------------------------- |
 * | file size          | 8 MiB     | CASEBOOK_DIAGRAM_MAX_BYTES            | read and parsed whole, in memory      |
 * | elements           | 100,000   | CASEBOOK_DIAGRAM_MAX_ELEMENTS         | svgo's passes are linear in it        |
 * | nesting depth      | 256       | CASEBOOK_DIAGRAM_MAX_DEPTH            | svgo walks the tree recursively       |
 * | children of one    | 5,000     | CASEBOOK_DIAGRAM_MAX_CHILDREN         | svgo's tree walk is quadratic in them |
 * | element            |           |                                       | (see below)                           |
 * | `<use>` expansion  | 50,000    | CASEBOOK_DIAGRAM_MAX_USE_EXPANSION    | what the browser would draw ("billion |
 * |                    |           |                                       | laughs" of `<use>` chains hang a tab) |
 * | `<use>` depth      | 16        | CASEBOOK_DIAGRAM_MAX_USE_DEPTH        | same                                  |
 * | time per diagram   | 30 s      | CASEBOOK_DIAGRAM_TIME_BUDGET_MS       | checked between the pipeline's passes |
 *
 * The super-linear step is not one svgo plugin but svgo's visitor itself
 * (`svgo/lib/util/visit.js`): before descending into each element it checks
 * `parentNode.children.includes(node)`, a linear search of the siblings, so an element with
 * n children costs n²/2 comparisons on every one of the ~35 visiting plugins. 80,000 sibling
 * `<rect>`s cost 95 s; the same shapes in groups of a few thousand take a few seconds. svgo
 * is a dependency we do not patch, so the number of children of one element is bounded, and
 * the message says how to group them.
 *
 * The size, element, depth and children limits are checked on the raw text before svgo parses it (a
 * linear scan, see `scanMarkup`), so nothing super-linear or recursive ever sees a file
 * over them. svgo runs synchronously and cannot be interrupted, so the time budget is checked
 * after each pass: a diagram over it fails with its timings instead of going on.
 */
import { DiagramError } from '../errors.ts';

export interface DiagramLimits {
  maxBytes: number;
  maxElements: number;
  maxDepth: number;
  maxChildren: number;
  maxUseExpansion: number;
  maxUseDepth: number;
  timeBudgetMs: number;
}

export const DEFAULT_LIMITS: Readonly<DiagramLimits> = {
  maxBytes: 8 * 1024 * 1024,
  maxElements: 100_000,
  maxDepth: 256,
  maxChildren: 5_000,
  maxUseExpansion: 50_000,
  maxUseDepth: 16,
  timeBudgetMs: 30_000,
};

const ENV: Record<keyof DiagramLimits, string> = {
  maxBytes: 'CASEBOOK_DIAGRAM_MAX_BYTES',
  maxElements: 'CASEBOOK_DIAGRAM_MAX_ELEMENTS',
  maxDepth: 'CASEBOOK_DIAGRAM_MAX_DEPTH',
  maxChildren: 'CASEBOOK_DIAGRAM_MAX_CHILDREN',
  maxUseExpansion: 'CASEBOOK_DIAGRAM_MAX_USE_EXPANSION',
  maxUseDepth: 'CASEBOOK_DIAGRAM_MAX_USE_DEPTH',
  timeBudgetMs: 'CASEBOOK_DIAGRAM_TIME_BUDGET_MS',
};

/** The defaults, overridden by the environment, overridden by `overrides`. */
export function resolveLimits(overrides: Partial<DiagramLimits> = {}, env: NodeJS.ProcessEnv = process.env): DiagramLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(ENV) as (keyof DiagramLimits)[]) {
    const raw = env[ENV[key]];
    if (raw === undefined || raw === '') continue;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) {
      throw new DiagramError({ file: ENV[key], found: `"${raw}"`, expected: 'a positive number' });
    }
    limits[key] = n;
  }
  return { ...limits, ...overrides };
}

export interface MarkupShape {
  elements: number;
  maxDepth: number;
  /** Most element children of any one element. */
  maxChildren: number;
  /** 1-based line of the first element past the depth limit, when there is one. */
  deepLine?: number;
}

/**
 * Counts elements and nesting depth in one pass over the text, skipping comments, CDATA,
 * processing instructions, the DOCTYPE and quoted attribute values. Not a parser: it only
 * needs to be linear and never to under-count what svgo will build.
 */
export function scanMarkup(text: string, depthLimit = Infinity): MarkupShape {
  let elements = 0;
  let depth = 0;
  let maxDepth = 0;
  let deepAt = -1;
  // Children counted per open element; the stack holds the counts of the ancestors.
  const counts: number[] = [0];
  let maxChildren = 0;
  let i = text.indexOf('<');
  const skipTo = (needle: string, from: number): number => {
    const at = text.indexOf(needle, from);
    return at < 0 ? text.length : at + needle.length;
  };
  while (i >= 0 && i < text.length) {
    if (text.startsWith('<!--', i)) i = skipTo('-->', i + 4);
    else if (text.startsWith('<![CDATA[', i)) i = skipTo(']]>', i + 9);
    else if (text.startsWith('<?', i)) i = skipTo('?>', i + 2);
    else if (text.startsWith('<!', i)) {
      const close = text.indexOf('>', i);
      const bracket = text.indexOf('[', i);
      i = bracket >= 0 && bracket < close ? skipTo(']>', bracket) : skipTo('>', i);
    } else if (text[i + 1] === '/') {
      depth = Math.max(0, depth - 1);
      if (counts.length > 1) counts.pop();
      i = skipTo('>', i);
    } else if (/[A-Za-z_:]/.test(text[i + 1] ?? '')) {
      elements++;
      const siblings = (counts[counts.length - 1] ?? 0) + 1;
      counts[counts.length - 1] = siblings;
      if (siblings > maxChildren) maxChildren = siblings;
      // Find the end of the tag, stepping over quoted values (which may hold `>`).
      let j = i + 1;
      let quote = '';
      for (; j < text.length; j++) {
        const ch = text[j];
        if (quote) {
          if (ch === quote) quote = '';
        } else if (ch === '"' || ch === "'") quote = ch;
        else if (ch === '>') break;
      }
      if (text[j - 1] !== '/') {
        counts.push(0);
        depth++;
        if (depth > maxDepth) maxDepth = depth;
        if (depth > depthLimit && deepAt < 0) deepAt = i;
      }
      i = j + 1;
    } else i++;
    i = text.indexOf('<', i);
  }
  const shape: MarkupShape = { elements, maxDepth, maxChildren };
  if (deepAt >= 0) shape.deepLine = text.slice(0, deepAt).split('\n').length;
  return shape;
}

/** Throws a DiagramError naming the file when the text is over a size, element or depth limit. */
export function assertWithinBounds(text: string, file: string, limits: DiagramLimits): void {
  const bytes = Buffer.byteLength(text);
  if (bytes > limits.maxBytes) {
    throw new DiagramError({
      file, found: `${(bytes / 1024 / 1024).toFixed(1)} MiB, over the ${(limits.maxBytes / 1024 / 1024).toFixed(1)} MiB limit`,
      expected: `a smaller file (or raise ${ENV.maxBytes})`,
    });
  }
  const shape = scanMarkup(text, limits.maxDepth);
  if (shape.maxDepth > limits.maxDepth) {
    throw new DiagramError({
      file, line: shape.deepLine, found: `elements nested ${shape.maxDepth.toLocaleString('en')} deep, over the ${limits.maxDepth} limit`,
      expected: `flatter groups (or raise ${ENV.maxDepth})`,
    });
  }
  if (shape.maxChildren > limits.maxChildren) {
    throw new DiagramError({
      file, found: `${shape.maxChildren.toLocaleString('en')} elements side by side in one group, over the ${limits.maxChildren.toLocaleString('en')} limit (the optimiser slows down quadratically with them)`,
      expected: `the shapes grouped in <g> elements of at most ${limits.maxChildren.toLocaleString('en')} (or raise ${ENV.maxChildren})`,
    });
  }
  if (shape.elements > limits.maxElements) {
    throw new DiagramError({
      file, found: `${shape.elements.toLocaleString('en')} elements, over the ${limits.maxElements.toLocaleString('en')} limit`,
      expected: `a simpler diagram, e.g. split in several (or raise ${ENV.maxElements})`,
    });
  }
}

/** Throws when a diagram has used more than its time budget so far. */
export function assertWithinTime(file: string, startedAt: number, limits: DiagramLimits, stage: string): void {
  const elapsed = performance.now() - startedAt;
  if (elapsed > limits.timeBudgetMs) {
    throw new DiagramError({
      file, found: `took ${(elapsed / 1000).toFixed(1)} s by the end of ${stage}, over the ${(limits.timeBudgetMs / 1000).toFixed(0)} s budget`,
      expected: `a simpler diagram (or raise ${ENV.timeBudgetMs})`,
    });
  }
}

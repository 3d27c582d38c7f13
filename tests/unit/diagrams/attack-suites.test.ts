/**
 * Every vector of three public attack suites (DOMPurify's fixtures, the HTML5 Security
 * Cheatsheet's SVG items, cloudflare/svg-hush's test file) and our own, through the real
 * pipeline. Each one is either refused with a one-line message naming the file, or comes out
 * inert: no hazard as a browser would parse it inline (hazards.ts, which does not share the
 * sanitiser's allow-list), and the final check passes inline and standalone. The Chromium
 * test (tests/e2e/diagram-safety.spec.ts) loads the same outputs in a real browser.
 */
import { describe, expect, it } from 'vitest';
import { DiagramError } from '../../../src/lib/diagrams/errors.ts';
import { processSvg } from '../../../src/lib/diagrams/pipeline.ts';
import { checkInlineMarkup, checkStandaloneXml } from '../../../src/lib/diagrams/safety/final-check.ts';
import { standaloneSvg } from '../../../src/lib/diagrams/standalone.ts';
import { attackCorpus } from '../../../src/tools/diagram-safety/corpus.ts';
import { hazardsInline } from '../../../src/tools/diagram-safety/hazards.ts';
import { idPrefix } from '../../../src/lib/diagrams/id-prefix.ts';

const corpus = attackCorpus();

describe('the attack corpus', () => {
  it('holds at least three public suites and our own vectors', () => {
    const suites = new Set(corpus.map((v) => v.suite));
    expect([...suites].sort()).toEqual(['casebook', 'dompurify', 'h5sc', 'svg-hush']);
    expect(corpus.length).toBeGreaterThan(150);
    expect(new Set(corpus.map((v) => v.id)).size).toBe(corpus.length);
  });
});

describe.each(['dompurify', 'h5sc', 'svg-hush', 'casebook'] as const)('%s vectors', (suite) => {
  it.each(corpus.filter((v) => v.suite === suite).map((v) => [v.id, v] as const))('%s is refused or comes out inert', (_id, vector) => {
    const file = `diagrams/${vector.id}.svg`;
    let svg: string;
    let width = 0;
    let height = 0;
    try {
      const out = processSvg(vector.svg, { name: vector.id, file });
      ({ svg, width, height } = out);
      for (const w of out.warnings) expect(w.startsWith(file)).toBe(true);
    } catch (error) {
      // Refused: a DiagramError naming the file, on one line; never a bare exception.
      expect(error).toBeInstanceOf(DiagramError);
      const message = (error as DiagramError).message;
      expect(message).toContain(file);
      expect(message).not.toContain('\n');
      return;
    }
    expect(hazardsInline(svg, idPrefix(vector.id))).toEqual([]);
    expect(checkInlineMarkup(svg)).toBeUndefined();
    expect(checkStandaloneXml(standaloneSvg({ svg, width, height }))).toBeUndefined();
  });
});

describe('the hazard scanner itself', () => {
  it('sees what plain markup would do in a page', () => {
    expect(hazardsInline('<svg><script>alert(1)</script></svg>')).toContain('<script>');
    expect(hazardsInline('<svg><title>t</title><?x ><img src=x onerror=alert(1)>?></svg>').join()).toMatch(/onerror/);
    expect(hazardsInline('<svg><rect fill="url(//evil/x.svg#p)"/></svg>').join()).toMatch(/loads \/\/evil/);
    expect(hazardsInline('<svg><style>@\\69mport "x.css"</style></svg>').join()).toMatch(/CSS escape/);
    expect(hazardsInline('<svg><style>@keyframes spin{}</style></svg>', 'd').join()).toMatch(/page-wide name "spin"/);
    expect(hazardsInline('<svg><style>@keyframes d-spin{}</style></svg>', 'd')).toEqual([]);
    expect(hazardsInline('<svg><a href="https://example.com/"><text>x</text></a></svg>')).toEqual([]);
  });
});

/**
 * The benchmark's Mermaid measurement: it really renders when nothing is cached, and a
 * second pass over the same diagrams does no work at all (no browser, no render).
 */
import { describe, expect, it } from 'vitest';
import { measureMermaidCost } from '../../../src/tools/bench/mermaid-cost.ts';
import { sampleTextDiagram } from '../../../src/tools/bench/text-diagram-sample.ts';

describe('Mermaid cost measurement', () => {
  it('renders cold, then serves everything from the cache without starting a browser', async () => {
    const cost = await measureMermaidCost([0, 1, 2, 3].map((i) => sampleTextDiagram(i)));
    expect(cost.diagrams).toBe(4);
    expect(cost.launchMs).toBeGreaterThan(0);
    expect(cost.cachedRenders).toBe(0);
    expect(cost.cachedBrowserStarted).toBe(false);
  });
});

/**
 * What Mermaid costs a build, for `npm run bench`: starting the browser (launch, and
 * loading mermaid into each page), milliseconds per diagram when nothing is cached, and the
 * work left when everything is (it must be none: no browser, no render).
 *
 * A small function on purpose, so the benchmark (or anything else) can call it: it uses its
 * own browser and a scratch render cache, and leaves nothing behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMermaidPool, createMermaidRenderer } from '../../lib/diagrams/text/render-mermaid.ts';
import { RenderStore } from '../../lib/diagrams/text/render-store.ts';

export interface MermaidCost {
  diagrams: number;
  /** Browser launch, ms. */
  launchMs: number;
  /** Preparing the pages (mermaid's bundle and fonts), ms summed over pages. */
  pageSetupMs: number;
  /** Wall-clock ms for all diagrams, cold (includes start-up), and per diagram after start-up. */
  coldMs: number;
  msPerDiagram: number;
  /** The same diagrams again from the render cache: renders done and whether a browser started. */
  cachedRenders: number;
  cachedBrowserStarted: boolean;
  cachedMs: number;
}

export async function measureMermaidCost(sources: readonly string[]): Promise<MermaidCost> {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-mermaid-cost-'));
  const store = new RenderStore(dir);
  const pool = createMermaidPool();
  const warm = createMermaidPool();
  try {
    const t0 = performance.now();
    await Promise.all(sources.map((s) => createMermaidRenderer({ store, pool }).render(s)));
    const coldMs = performance.now() - t0;
    const startup = (pool.stats.launchMs ?? 0) + pool.stats.pageSetupMs / Math.max(1, pool.stats.pagesOpened);
    const t1 = performance.now();
    const again = createMermaidRenderer({ store: new RenderStore(dir), pool: warm });
    await Promise.all(sources.map((s) => again.render(s)));
    return {
      diagrams: sources.length,
      launchMs: pool.stats.launchMs ?? 0,
      pageSetupMs: pool.stats.pageSetupMs,
      coldMs,
      msPerDiagram: Math.max(0, coldMs - startup) / Math.max(1, sources.length),
      cachedRenders: warm.stats.tasks,
      cachedBrowserStarted: warm.started,
      cachedMs: performance.now() - t1,
    };
  } finally {
    await Promise.all([pool.close(), warm.close()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatMermaidCost(c: MermaidCost): string {
  const ms = (n: number) => `${Math.round(n)} ms`;
  return (
    `Mermaid (official renderer in Chromium): browser launch ${ms(c.launchMs)}, page set-up ${ms(c.pageSetupMs)}; ` +
    `${c.diagrams} diagrams cold in ${ms(c.coldMs)} (${ms(c.msPerDiagram)} per diagram after start-up); ` +
    `cached: ${c.cachedRenders} renders, browser ${c.cachedBrowserStarted ? 'started' : 'not started'}, ${ms(c.cachedMs)}`
  );
}

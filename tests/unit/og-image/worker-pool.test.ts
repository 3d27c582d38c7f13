/**
 * Cold builds render cards on worker threads: same pixels as the build's own thread, every
 * card rendered once even when prefetched and requested, and a broken worker setup falls
 * back to rendering in-thread instead of failing the build.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { caseStudyCard } from '../../../src/lib/og-image/cards.ts';
import { MIN_CARDS_FOR_WORKERS, createOgRenderer, renderCardPng } from '../../../src/lib/og-image/renderer.ts';
import { RenderPool, ogWorkerCount } from '../../../src/lib/og-image/worker-pool.ts';
import { siteConfig } from '../../../src/site.config.ts';
import { pngSize } from './png-size.ts';

/** Enough cards for the renderer to think starting workers is worth it. */
const cards = Array.from({ length: MIN_CARDS_FOR_WORKERS }, (_, i) =>
  caseStudyCard({ title: `Case study ${i}`, category: 'Distributed Systems', status: 'production', stack: ['Go', `Tech ${i}`] }, siteConfig),
);

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'casebook-og-pool-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('rendering on worker threads', () => {
  it('draws exactly what the build thread draws, and renders each prefetched card once', async () => {
    const renderer = createOgRenderer({ cacheDir: tempDir(), workers: 2 });
    try {
      renderer.prefetch(cards);
      const pngs = await Promise.all(cards.map((c) => renderer.render(c)));
      expect(renderer.stats.rendered).toBe(cards.length);
      expect(renderer.stats.onWorkers).toBeGreaterThan(0);
      for (const png of pngs) expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
      const inThread = await renderCardPng(cards[2]!);
      expect(Buffer.from(pngs[2]!).equals(Buffer.from(inThread))).toBe(true);
    } finally {
      await renderer.close();
    }
  });

  it('falls back to the build thread when the worker cannot start', async () => {
    const renderer = createOgRenderer({
      cacheDir: tempDir(),
      workers: 2,
      workerScript: join(tempDir(), 'no-such-worker.mjs'),
    });
    renderer.prefetch(cards);
    const pngs = await Promise.all(cards.slice(0, 3).map((c) => renderer.render(c)));
    for (const png of pngs) expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    expect(renderer.stats.onWorkers).toBe(0);
    await renderer.close();
  });

  it('reports a worker that crashes instead of hanging', async () => {
    const script = join(tempDir(), 'crash.mjs');
    writeFileSync(script, "throw new Error('boom');\n");
    const pool = new RenderPool(script, 1, []);
    await expect(pool.run({ type: 'div', props: {} }, 10, 10)).rejects.toThrow(/boom|exited/);
    expect(pool.usable).toBe(false);
  });
});

describe('ogWorkerCount', () => {
  it('leaves a core for the build and uses at most three workers, unless CASEBOOK_OG_WORKERS says otherwise', () => {
    expect(ogWorkerCount({}, 1)).toBe(1);
    expect(ogWorkerCount({}, 2)).toBe(1);
    expect(ogWorkerCount({}, 4)).toBe(3);
    expect(ogWorkerCount({}, 16)).toBe(3);
    expect(ogWorkerCount({ CASEBOOK_OG_WORKERS: '0' }, 8)).toBe(0);
    expect(ogWorkerCount({ CASEBOOK_OG_WORKERS: '6' }, 2)).toBe(6);
  });

  it('names the setting and the bad value', () => {
    expect(() => ogWorkerCount({ CASEBOOK_OG_WORKERS: 'many' }, 2)).toThrow(
      'CASEBOOK_OG_WORKERS: expected a whole number of worker threads (0 or more), found "many"',
    );
  });
});

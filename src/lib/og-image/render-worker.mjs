/**
 * A worker thread that rasterises Open Graph cards, so several render at once on a
 * multi-core machine while the build waits (see worker-pool.ts). It receives the fonts
 * once (workerData) and then card trees, one message per card.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { rasterise } from './rasterise.mjs';

/** @type {{ name: string; data: Uint8Array; weight: number; style: string }[]} */
const received = workerData.fonts;
const fonts = received.map((f) => ({ ...f, data: Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength) }));

parentPort?.on('message', async (/** @type {{ id: number; tree: unknown; width: number; height: number }} */ task) => {
  try {
    const start = performance.now();
    const png = await rasterise(task.tree, fonts, task.width, task.height);
    parentPort?.postMessage({ id: task.id, png, ms: performance.now() - start });
  } catch (error) {
    parentPort?.postMessage({ id: task.id, error: error instanceof Error ? error.message : String(error) });
  }
});

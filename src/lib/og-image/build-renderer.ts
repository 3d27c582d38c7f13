/**
 * The one renderer the build's OG endpoints share (so they share its disk cache, its worker
 * threads and its counters), and the Response they return.
 */
import { createOgRenderer, defaultOgCacheDir } from './renderer.ts';
import { ogWorkerCount } from './worker-pool.ts';

export const ogRenderer = createOgRenderer({ cacheDir: defaultOgCacheDir(), workers: ogWorkerCount() });

export function pngResponse(png: Uint8Array): Response {
  return new Response(png as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
}

/**
 * The one renderer the build's OG endpoints share (so they share its disk cache and its
 * counters), and the Response they return.
 */
import { createOgRenderer, defaultOgCacheDir } from './renderer.ts';

export const ogRenderer = createOgRenderer({ cacheDir: defaultOgCacheDir() });

export function pngResponse(png: Uint8Array): Response {
  return new Response(png as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
}

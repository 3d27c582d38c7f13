/**
 * /diagram-viewer.js: the full-screen diagram viewer (src/scripts/diagram-viewer.ts), bundled
 * at build time. Pages with diagrams load it on first use (src/components/DiagramViewer.astro).
 */
import type { APIRoute } from 'astro';
import { bundleScript } from '../tools/client-bundle/bundle.ts';
import { VIEWER_ENTRY } from '../lib/viewer/files.ts';

export const GET: APIRoute = async () =>
  new Response(await bundleScript(VIEWER_ENTRY), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });

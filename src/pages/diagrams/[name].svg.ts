/**
 * /diagrams/<name>.svg: each diagram as a standalone, optimised file ("View diagram").
 *
 * Same sanitised SVG as the inline copy, plus its natural size and a theme stylesheet so it
 * follows the visitor's colour scheme (src/lib/diagrams/standalone.ts). One file per SVG in
 * diagrams/ and per named text-diagram fence (a file wins over a fence of the same name),
 * served as image/svg+xml.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allDiagramNames, resolveDiagram } from '../../lib/diagrams/resolve.ts';
import { standaloneSvg } from '../../lib/diagrams/standalone.ts';

export const prerender = true;

export const getStaticPaths = (async () =>
  (await allDiagramNames()).map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(standaloneSvg(await resolveDiagram(String(params.name))), {
    headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' },
  });

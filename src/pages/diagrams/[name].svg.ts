/**
 * /diagrams/<name>.svg: each diagram as a standalone, optimised file ("View diagram").
 *
 * Same sanitised SVG as the inline copy, plus its natural size and a theme stylesheet so it
 * follows the visitor's colour scheme (src/lib/diagrams/standalone.ts). One file per name in
 * the catalogue (src/lib/diagrams/catalogue.ts: SVG files, then text-diagram fences),
 * served as image/svg+xml.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import * as catalogue from '../../lib/diagrams/catalogue.ts';
import { standaloneSvg } from '../../lib/diagrams/standalone.ts';

export const prerender = true;

export const getStaticPaths = (async () =>
  (await catalogue.names()).map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(standaloneSvg(await catalogue.require(String(params.name), { file: `diagrams/${String(params.name)}.svg`, element: '/diagrams/<name>.svg' })), {
    headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' },
  });

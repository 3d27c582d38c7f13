/**
 * /diagrams/<name>.svg: each diagram as a standalone, optimised file ("View diagram").
 *
 * Same sanitised SVG as the inline copy, plus its natural size and a theme stylesheet so it
 * follows the visitor's colour scheme (src/lib/diagrams/standalone.ts). Static: one file per
 * diagram in diagrams/, served as image/svg+xml.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { listDiagrams, loadDiagram } from '../../lib/diagrams/registry.ts';
import { standaloneSvg } from '../../lib/diagrams/standalone.ts';

export const prerender = true;

export const getStaticPaths = (() => listDiagrams().map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(standaloneSvg(loadDiagram(String(params.name))), {
    headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' },
  });

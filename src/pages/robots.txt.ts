/** /robots.txt: allow all crawlers and point them at the sitemap (see lib/seo/robots.ts). */
import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/seo/robots.ts';
import { siteConfig } from '../site.config.ts';

export const GET: APIRoute = () =>
  new Response(robotsTxt(siteConfig), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

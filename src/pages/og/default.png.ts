/** /og/default.png: the site-wide preview card, used by every page that is not a case study. */
import type { APIRoute } from 'astro';
import { siteCard } from '../../lib/og-image/cards.ts';
import { ogRenderer, pngResponse } from '../../lib/og-image/build-renderer.ts';
import { siteConfig } from '../../site.config.ts';

export const GET: APIRoute = async () => pngResponse(await ogRenderer.render(siteCard(siteConfig)));

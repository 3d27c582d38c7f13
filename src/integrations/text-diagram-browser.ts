/**
 * Closes the headless Chromium that rendered Mermaid fences (src/lib/diagrams/text/browser.ts)
 * when a build finishes, so `astro build` run directly exits as soon as it is done. The
 * browser was only started if some fence was missing from the render cache.
 */
import type { AstroIntegration } from 'astro';
import { closeBrowsers } from '../lib/diagrams/text/browser.ts';

export function textDiagramBrowser(): AstroIntegration {
  return {
    name: 'casebook:text-diagram-browser',
    hooks: {
      'astro:build:done': async () => {
        await closeBrowsers();
      },
    },
  };
}

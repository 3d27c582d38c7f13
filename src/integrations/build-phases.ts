/**
 * Marks the points of an `astro build` between which the phases in src/lib/build-phases.ts
 * are measured, and times other integrations' `astro:build:done` hooks.
 *
 *   config:done -> build:start      content sync (and type generation)
 *   build:start -> bundled          bundle (Vite compiles every page and MDX file)
 *   bundled     -> build:generated  pages (Astro renders and writes every page)
 *
 * "bundled" is a Vite `buildApp` hook that runs just before Astro's own (which generates the
 * pages): Astro has no integration hook between the two in a static build.
 *
 * When CASEBOOK_PHASES_FILE is set, the record is written there as JSON when the process
 * exits (after every hook has run), for `npm run bench`.
 */
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { addSpan, phaseRecord } from '../lib/build-phases.ts';

export function buildPhases(): AstroIntegration {
  let last = 0;
  const mark = (phase: string) => {
    const now = performance.now();
    addSpan(phase, now - last);
    last = now;
  };
  return {
    name: 'casebook:build-phases',
    hooks: {
      'astro:config:done': () => {
        last = performance.now();
        const file = process.env.CASEBOOK_PHASES_FILE;
        if (file) {
          process.once('exit', () => {
            try {
              writeFileSync(file, JSON.stringify(phaseRecord(), null, 2) + '\n');
            } catch {
              // Only the benchmark reads this file; a build never fails for it.
            }
          });
        }
      },
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'build') return;
        updateConfig({
          vite: {
            plugins: [{ name: 'casebook:build-phases', buildApp: { order: 'post', handler: async () => mark('bundle') } }],
          },
        });
      },
      'astro:build:start': () => mark('content sync'),
      'astro:build:generated': () => mark('pages'),
    },
  };
}

/** The same integration, with its `astro:build:done` hook timed as the span `phase`. */
export function timedBuildDone(phase: string, integration: AstroIntegration): AstroIntegration {
  const done = integration.hooks['astro:build:done'];
  if (!done) return integration;
  return {
    ...integration,
    hooks: {
      ...integration.hooks,
      'astro:build:done': async (options) => {
        const start = performance.now();
        try {
          await done(options);
        } finally {
          addSpan(phase, performance.now() - start);
        }
      },
    },
  };
}

/**
 * Builds the Pagefind search index into the finished site, as an Astro integration, so
 * the index is always a product of the build and never a hand-maintained file.
 *
 * Only elements marked `data-pagefind-body` (the case-study articles) are indexed; the
 * search page, tag lists and navigation stay out of the results.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

export function searchIndex(): AstroIntegration {
  return {
    name: 'casebook:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`Search index: Pagefind could not start: ${errors.join('; ')}`);
        try {
          const added = await index.addDirectory({ path: site });
          if (added.errors.length) throw new Error(`Search index: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
          if (written.errors.length) throw new Error(`Search index: ${written.errors.join('; ')}`);
          logger.info(`search index: ${added.page_count} pages scanned, case-study articles indexed`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}

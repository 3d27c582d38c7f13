/**
 * Builds the Pagefind search index into the finished site, as an Astro integration, so
 * the index is always a product of the build and never a hand-maintained file.
 *
 * Only elements marked `data-pagefind-body` (the case-study articles) are indexed; the
 * search page, tag lists and navigation stay out of the results.
 *
 * Pagefind reads nothing but the site's HTML files and writes the same index for the same
 * files, so the index is cached by their paths and bytes (and the code and Pagefind's
 * version: src/lib/site-output-cache.ts): a build whose pages are byte-identical to an
 * earlier one copies that index instead of indexing every page again.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { codeFingerprint } from '../tools/validation/result-cache.ts';
import { DirectoryCache, listSiteFiles, siteFilesKey } from '../lib/site-output-cache.ts';

/** What Pagefind is told (part of the cache key). */
const INDEX_OPTIONS = { forceLanguage: 'en' } as const;
/** Where the index goes, inside the site. */
const OUTPUT = 'pagefind';

export function searchIndex(): AstroIntegration {
  return {
    name: 'casebook:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const pages = listSiteFiles(site, (file) => file.endsWith('.html') && !file.startsWith(`${OUTPUT}/`));
        const cache = new DirectoryCache('search-index');
        const key = siteFilesKey('search-index', codeFingerprint(process.cwd()), [JSON.stringify(INDEX_OPTIONS)], site, pages);
        const output = `${site}/${OUTPUT}`;
        if (cache.restore(key, output)) {
          logger.info(`search index: ${pages.length} pages unchanged since an earlier build, its index reused`);
          return;
        }
        const { index, errors } = await pagefind.createIndex(INDEX_OPTIONS);
        if (!index) throw new Error(`Search index: Pagefind could not start: ${errors.join('; ')}`);
        try {
          const added = await index.addDirectory({ path: site });
          if (added.errors.length) throw new Error(`Search index: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: output });
          if (written.errors.length) throw new Error(`Search index: ${written.errors.join('; ')}`);
          logger.info(`search index: ${added.page_count} pages scanned, case-study articles indexed`);
        } finally {
          await pagefind.close();
        }
        cache.store(key, output);
      },
    },
  };
}

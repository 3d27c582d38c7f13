/**
 * Writes the feeds (RSS, Atom, JSON Feed, and an Atom feed per category and tag) into the
 * finished site, from the built case-study pages themselves: the full content readers get is
 * exactly the page's article, with nothing rendered twice. Rules: src/lib/seo/feeds/.
 *
 * The feeds depend only on those pages, the site settings and the code, so they are cached
 * by the pages' paths and bytes (src/lib/site-output-cache.ts): a build whose case-study pages
 * are byte-identical to an earlier one writes that build's feeds without parsing every page.
 */
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteConfig } from '../site.config.ts';
import { absoluteUrl } from '../lib/seo/absolute-url.ts';
import { extractArticle, type FeedArticle } from '../lib/seo/feeds/extract.ts';
import { buildFeeds, type FeedFile } from '../lib/seo/feeds/build-feeds.ts';
import { cacheDir, DiskCache, jsonFormat } from '../lib/cache.ts';
import { pruneEntries, siteFilesKey, touchEntry } from '../lib/site-output-cache.ts';
import { codeFingerprint } from '../tools/validation/result-cache.ts';

function isFeedFiles(value: unknown): value is FeedFile[] {
  return Array.isArray(value) && value.every((f) => typeof f === 'object' && f !== null && typeof (f as FeedFile).path === 'string' && typeof (f as FeedFile).text === 'string');
}

export function feeds(): AstroIntegration {
  return {
    name: 'casebook:feeds',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const studiesDir = path.join(out, 'case-studies');
        const slugs = (await readdir(studiesDir, { withFileTypes: true }).catch(() => [])).filter((e) => e.isDirectory());
        const pages = slugs.map((entry) => `case-studies/${entry.name}/index.html`).filter((file) => existsSync(path.join(out, file)));
        const cache = new DiskCache(cacheDir('feeds'), jsonFormat(isFeedFiles));
        const key = siteFilesKey('feeds', codeFingerprint(process.cwd()), [JSON.stringify(siteConfig)], out, pages);
        let files = cache.get(key);
        let studies = '';
        if (files) {
          touchEntry(cache.fileOf(key));
          studies = `${pages.length} study pages unchanged since an earlier build, its feeds reused`;
        } else {
          const articles: FeedArticle[] = [];
          for (const file of pages) {
            const html = await readFile(path.join(out, file), 'utf8');
            const slug = path.basename(path.dirname(file));
            const article = extractArticle(html, absoluteUrl(siteConfig, `/case-studies/${slug}/`));
            if (article) articles.push(article);
          }
          files = buildFeeds(siteConfig, articles);
          cache.set(key, files);
          pruneEntries(cache.dir, (name) => /^[0-9a-f]{64}\.json$/.test(name));
          studies = `${articles.length} studies`;
        }
        for (const f of files) {
          const target = path.join(out, f.path);
          await mkdir(path.dirname(target), { recursive: true });
          await writeFile(target, f.text);
        }
        logger.info(`feeds: ${files.length} files (RSS, Atom, JSON Feed; Atom per category and tag), ${studies}`);
      },
    },
  };
}

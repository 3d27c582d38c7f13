/**
 * Writes the feeds (RSS, Atom, JSON Feed, and an Atom feed per category and tag) into the
 * finished site, from the built case-study pages themselves: the full content readers get is
 * exactly the page's article, with nothing rendered twice. Rules: src/lib/seo/feeds/.
 */
import type { AstroIntegration } from 'astro';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteConfig } from '../site.config.ts';
import { absoluteUrl } from '../lib/seo/absolute-url.ts';
import { extractArticle, type FeedArticle } from '../lib/seo/feeds/extract.ts';
import { buildFeeds } from '../lib/seo/feeds/build-feeds.ts';

export function feeds(): AstroIntegration {
  return {
    name: 'casebook:feeds',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const studiesDir = path.join(out, 'case-studies');
        const slugs = (await readdir(studiesDir, { withFileTypes: true }).catch(() => [])).filter((e) => e.isDirectory());
        const articles: FeedArticle[] = [];
        for (const entry of slugs) {
          const file = path.join(studiesDir, entry.name, 'index.html');
          const html = await readFile(file, 'utf8').catch(() => undefined);
          if (!html) continue;
          const article = extractArticle(html, absoluteUrl(siteConfig, `/case-studies/${entry.name}/`));
          if (article) articles.push(article);
        }
        const files = buildFeeds(siteConfig, articles);
        for (const f of files) {
          const target = path.join(out, f.path);
          await mkdir(path.dirname(target), { recursive: true });
          await writeFile(target, f.text);
        }
        logger.info(`feeds: ${files.length} files (RSS, Atom, JSON Feed; Atom per category and tag), ${articles.length} studies`);
      },
    },
  };
}

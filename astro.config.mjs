// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { casebookProcessor } from './src/lib/markdown/processor.ts';
import { shikiTransformers } from './src/lib/markdown/shiki-transformers.ts';
import { siteConfig } from './src/site.config.ts';
import { features, hastPlugins, mdastPlugins } from './src/lib/satteri-plugins.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { textDiagramBrowser } from './src/integrations/text-diagram-browser.ts';
import { feeds } from './src/integrations/feeds.ts';
import { buildPhases, timedBuildDone } from './src/integrations/build-phases.ts';
import sitemap from '@astrojs/sitemap';
import { onBundlerLog } from './src/tools/build/vite-log.ts';
import { draftSlugs, lastModified, sitemapFilter, sitemapSerialize } from './src/lib/seo/sitemap-filter.ts';

export default defineConfig({
  site: siteConfig.url,
  base: siteConfig.base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Lets parallel builds (tests, the benchmark) keep separate caches.
  cacheDir: process.env.CASEBOOK_CACHE_DIR ?? './node_modules/.astro',
  markdown: {
    // Astro's default processor (Sätteri), with Casebook's plugins as Sätteri mdast plugins
    // (src/lib/satteri-plugins.ts): several times faster than the unified remark/rehype pipeline.
    // casebookProcessor adds one step for .mdx: HTML comments are comments.
    processor: casebookProcessor({ mdastPlugins, hastPlugins, features }),
    shikiConfig: {
      // High-contrast variants: the regular GitHub themes' comments fail WCAG AA contrast.
      themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
      defaultColor: false,
      wrap: false,
      // Line highlights ({1,3-5}), diffs, Docusaurus highlight comments.
      transformers: shikiTransformers,
    },
  },
  // Images in case studies: responsive srcset/sizes, never wider than the file itself.
  image: { layout: 'constrained' },
  integrations: [
    // First, so its marks bracket the others' work (see src/lib/build-phases.ts).
    buildPhases(),
    mdx(),
    timedBuildDone('search index', searchIndex()),
    textDiagramBrowser(),
    feeds(),
    timedBuildDone(
      'sitemap',
      sitemap({
        filter: sitemapFilter(siteConfig.base, draftSlugs('./content/case-studies')),
        serialize: sitemapSerialize(siteConfig.base, lastModified('./content/case-studies')),
      }),
    ),
  ],
  // Drops Astro's own "use astro:head-inject" directive warning, one per case study (see the module).
  vite: { build: { rolldownOptions: { onLog: onBundlerLog } } },
  devToolbar: { enabled: false },
  // Editor completion/validation of case-study frontmatter (with .vscode/settings.json).
  experimental: { contentIntellisense: true },
});

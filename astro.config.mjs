// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { siteConfig } from './src/site.config.ts';
import { remarkPlugins } from './src/lib/remark-plugins.ts';

export default defineConfig({
  site: siteConfig.url,
  base: siteConfig.base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Lets parallel builds (tests, the benchmark) keep separate caches.
  cacheDir: process.env.CASEBOOK_CACHE_DIR ?? './node_modules/.astro',
  markdown: {
    shikiConfig: {
      themes: { light: 'github-light', dark: 'github-dark' },
      defaultColor: false,
      wrap: false,
    },
  },
  integrations: [mdx({ remarkPlugins })],
  devToolbar: { enabled: false },
});

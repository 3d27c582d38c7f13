/**
 * The baseline the benchmark compares Casebook with: a minimal Astro + MDX project that
 * builds the same case-study pages with none of Casebook's layouts, components, remark
 * plugins, diagram pipeline, OG images, search index or taxonomy pages. The MDX
 * components are trivial stand-ins so every study compiles unchanged. The markdown
 * processor is Astro's default; the shiki settings are Casebook's (passed in), so the
 * ratio measures Casebook's own work rather than a different highlighting setup.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Casebook's shiki settings when its config cannot be read: dual GitHub themes. */
export const DEFAULT_SHIKI_CONFIG = {
  themes: { light: 'github-light', dark: 'github-dark' },
  defaultColor: false,
  wrap: false,
};

export interface PlainProjectOptions {
  /** `markdown.shikiConfig` to use (JSON-serialisable: themes by name). */
  shikiConfig?: unknown;
}

/** Every file of the plain project except node_modules and content, by relative path. */
export function plainProjectFiles(options: PlainProjectOptions = {}): Record<string, string> {
  const shiki = JSON.stringify(options.shikiConfig ?? DEFAULT_SHIKI_CONFIG);
  const stub = (markup: string, props = '') => `---\n${props}---\n${markup}\n`;
  return {
    'package.json': JSON.stringify({ name: 'casebook-bench-plain', private: true, type: 'module' }, null, 2) + '\n',
    'astro.config.mjs': `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  site: 'https://example.com',
  trailingSlash: 'always',
  build: { format: 'directory' },
  cacheDir: process.env.CASEBOOK_CACHE_DIR ?? './node_modules/.astro',
  markdown: { shikiConfig: ${shiki} },
  integrations: [mdx()],
  devToolbar: { enabled: false },
});
`,
    'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

export const collections = {
  'case-studies': defineCollection({
    loader: glob({ pattern: '**/*.mdx', base: './content/case-studies' }),
    schema: z.looseObject({ title: z.string() }),
  }),
};
`,
    'src/pages/case-studies/[slug].astro': `---
import { getCollection, render } from 'astro:content';
import Callout from '../../components/Callout.astro';
import WhyCard from '../../components/WhyCard.astro';
import CardGrid from '../../components/CardGrid.astro';
import Metrics from '../../components/Metrics.astro';
import Metric from '../../components/Metric.astro';
import Diagram from '../../components/Diagram.astro';

export async function getStaticPaths() {
  const studies = await getCollection('case-studies');
  return studies.map((study) => ({ params: { slug: study.id }, props: { study } }));
}
const { study } = Astro.props;
const { Content } = await render(study);
---
<html lang="en">
  <head><meta charset="utf-8" /><title>{study.data.title}</title></head>
  <body>
    <main>
      <h1>{study.data.title}</h1>
      <Content components={{ Callout, WhyCard, CardGrid, Metrics, Metric, Diagram }} />
    </main>
  </body>
</html>
`,
    'src/components/Callout.astro': stub('<aside data-type={Astro.props.type}><p>{Astro.props.title}</p><slot /></aside>'),
    'src/components/WhyCard.astro': stub('<section><h3>{Astro.props.question}</h3><slot /></section>'),
    'src/components/CardGrid.astro': stub('<div><slot /></div>'),
    'src/components/Metrics.astro': stub('<dl><slot /></dl>'),
    'src/components/Metric.astro': stub('<div><dt>{Astro.props.label}</dt><dd>{Astro.props.value}</dd></div>'),
    'src/components/Diagram.astro': stub(
      '<figure data-diagram={Astro.props.name}><figcaption>{Astro.props.caption}</figcaption></figure>',
    ),
  };
}

export function writePlainProject(dir: string, options: PlainProjectOptions = {}): void {
  for (const [path, text] of Object.entries(plainProjectFiles(options))) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

/**
 * Casebook's `markdown.shikiConfig`, read by loading its astro.config.mjs, without its
 * transformers (functions, and Casebook's own features: the plain project has none); the
 * default if the config cannot be loaded.
 */
export async function casebookShikiConfig(configFile: string): Promise<unknown> {
  try {
    const mod = (await import(pathToFileURL(configFile).href)) as { default?: { markdown?: { shikiConfig?: unknown } } };
    const config = mod.default?.markdown?.shikiConfig;
    if (config === undefined || config === null || typeof config !== 'object') return DEFAULT_SHIKI_CONFIG;
    const { transformers: _transformers, ...data } = config as Record<string, unknown>;
    return JSON.parse(JSON.stringify(data)) as unknown;
  } catch {
    return DEFAULT_SHIKI_CONFIG;
  }
}

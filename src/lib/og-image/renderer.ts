/**
 * Turns a card into a 1200x630 PNG: satori lays the tree out to SVG with the shipped
 * fonts, resvg rasterises it. Rendering costs tens of milliseconds per image, so results
 * are cached on disk under the hash of everything that affects the pixels (the card tree,
 * which includes the design, the font files and the library versions): a rebuild with
 * unchanged case studies reads PNGs from disk and renders nothing.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { OG_IMAGE_SIZE } from '../seo/og-paths.ts';
import { cardTree, type OgCardData } from './card.ts';
import { loadFonts } from './fonts.ts';

/** Bump to invalidate every cached image when the pipeline changes in a way the key misses. */
const PIPELINE_VERSION = 1;

export interface OgRendererOptions {
  /** Where PNGs are cached; `null` disables the cache. */
  cacheDir: string | null;
  /** Project root, for finding fonts and library versions. Default: the working directory. */
  root?: string;
}

export interface OgRenderStats {
  /** Images rendered with satori + resvg. */
  rendered: number;
  /** Images served from the disk cache. */
  fromCache: number;
}

export interface OgRenderer {
  render(card: OgCardData): Promise<Uint8Array>;
  readonly stats: OgRenderStats;
}

/**
 * `CASEBOOK_CACHE_DIR` (which also holds Astro's cache, so parallel builds stay apart)
 * or node_modules/.cache/casebook/og.
 */
export function defaultOgCacheDir(env: NodeJS.ProcessEnv = process.env, root: string = process.cwd()): string {
  return env.CASEBOOK_CACHE_DIR
    ? join(env.CASEBOOK_CACHE_DIR, 'og')
    : join(root, 'node_modules', '.cache', 'casebook', 'og');
}

function libraryVersions(root: string): string {
  const require = createRequire(resolve(root, 'package.json'));
  return ['satori', '@resvg/resvg-js']
    .map((name) => {
      try {
        return `${name}@${(require(`${name}/package.json`) as { version: string }).version}`;
      } catch {
        return `${name}@unknown`;
      }
    })
    .join(',');
}

/** satori + resvg, no cache. */
export async function renderCardPng(card: OgCardData, root: string = process.cwd()): Promise<Uint8Array> {
  const { fonts } = await loadFonts(root);
  // satori's types ask for a React element; its object form ({ type, props }) is what
  // JSX compiles to and is documented as accepted without React.
  const svg = await satori(cardTree(card) as unknown as Parameters<typeof satori>[0], {
    width: OG_IMAGE_SIZE.width,
    height: OG_IMAGE_SIZE.height,
    fonts,
  });
  // Text is already converted to paths by satori, so resvg needs no fonts at all.
  const image = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render();
  return image.asPng();
}

export function createOgRenderer(options: OgRendererOptions): OgRenderer {
  const root = options.root ?? process.cwd();
  const stats: OgRenderStats = { rendered: 0, fromCache: 0 };
  let keyPrefix: Promise<string> | undefined;

  const keyOf = async (card: OgCardData) => {
    keyPrefix ??= loadFonts(root).then((f) => `${PIPELINE_VERSION}|${libraryVersions(root)}|${f.digest}|`);
    return createHash('sha256')
      .update(await keyPrefix)
      .update(JSON.stringify(cardTree(card)))
      .digest('hex');
  };

  return {
    stats,
    async render(card) {
      if (options.cacheDir === null) {
        stats.rendered++;
        return renderCardPng(card, root);
      }
      const file = join(options.cacheDir, `${await keyOf(card)}.png`);
      const cached = await readFile(file).catch(() => undefined);
      if (cached) {
        stats.fromCache++;
        return new Uint8Array(cached);
      }
      const png = await renderCardPng(card, root);
      stats.rendered++;
      // Write then rename, so a parallel build never reads a half-written file.
      await mkdir(options.cacheDir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, png);
      await rename(tmp, file);
      return png;
    },
  };
}

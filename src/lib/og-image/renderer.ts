/**
 * Turns a card into a 1200x630 PNG (satori + resvg, in rasterise.mjs) and caches the result
 * on disk under the hash of everything that affects the pixels: the card tree (which
 * includes the design), the font files and the library versions. A rebuild with unchanged
 * case studies reads PNGs from disk and renders nothing.
 *
 * Cold renders cost ~25-30 ms of CPU each. `prefetch` queues a whole set of cards on a pool
 * of worker threads so they render on every core while the build waits for the first one
 * (when there are enough to repay starting the workers); otherwise, or if the workers fail
 * to start, cards render on the calling thread.
 */
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { bytesFormat, cacheDir, cacheKey, DiskCache } from '../cache.ts';
import { OG_IMAGE_SIZE } from '../seo/og-paths.ts';
import { timeWorkAsync } from '../build-phases.ts';
import { cardTree, type OgCardData } from './card.ts';
import { loadFonts } from './fonts.ts';
import { rasterise } from './rasterise.mjs';
import { RenderPool } from './worker-pool.ts';

/**
 * Starting a worker costs ~0.8 s of CPU (satori's WebAssembly and the fonts), about 30
 * cards' worth, so workers are only used when at least this many cards need rendering.
 */
export const MIN_CARDS_FOR_WORKERS = 50;

export interface OgRendererOptions {
  /** Where PNGs are cached; `null` disables the cache. */
  cacheDir: string | null;
  /** Project root, for finding fonts, the worker script and library versions. Default: cwd. */
  root?: string;
  /** Worker threads for cold renders; 0 (the default) renders on the calling thread. */
  workers?: number;
  /** The worker entry; default `<root>/src/lib/og-image/render-worker.mjs`. */
  workerScript?: string;
}

export interface OgRenderStats {
  /** Images rendered with satori + resvg. */
  rendered: number;
  /** Images served from the disk cache. */
  fromCache: number;
  /** Of the rendered images, how many a worker thread drew. */
  onWorkers: number;
}

export interface OgRenderer {
  render(card: OgCardData): Promise<Uint8Array>;
  /** Starts rendering every uncached card in the background; `render` then awaits the same work. */
  prefetch(cards: OgCardData[]): void;
  readonly stats: OgRenderStats;
  /** Stops the worker threads, if any. */
  close(): Promise<void>;
}

/** The `og` folder of the shared cache (src/lib/cache.ts: `$CASEBOOK_CACHE_DIR/og` or node_modules/.cache/casebook/og). */
export function defaultOgCacheDir(env: NodeJS.ProcessEnv = process.env, root: string = process.cwd()): string {
  return cacheDir('og', env, root);
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

/** satori + resvg on the calling thread, no cache. */
export async function renderCardPng(card: OgCardData, root: string = process.cwd()): Promise<Uint8Array> {
  const { fonts } = await loadFonts(root);
  return rasterise(cardTree(card), fonts, OG_IMAGE_SIZE.width, OG_IMAGE_SIZE.height);
}

export function createOgRenderer(options: OgRendererOptions): OgRenderer {
  const root = options.root ?? process.cwd();
  const stats: OgRenderStats = { rendered: 0, fromCache: 0, onWorkers: 0 };
  const inflight = new Map<string, Promise<Uint8Array>>();
  let keyParts: Promise<string[]> | undefined;
  const cache = options.cacheDir === null ? undefined : new DiskCache(options.cacheDir, bytesFormat('.png'));
  let pool: Promise<RenderPool> | undefined;
  /** Set by prefetch when enough cards are missing to be worth starting workers. */
  let useWorkers = false;

  const getPool = () =>
    (pool ??= loadFonts(root).then(
      ({ fonts }) =>
        new RenderPool(
          options.workerScript ?? join(resolve(root), 'src', 'lib', 'og-image', 'render-worker.mjs'),
          options.workers ?? 0,
          fonts,
        ),
    ));

  const keyOf = async (tree: unknown) => {
    keyParts ??= loadFonts(root).then((f) => [libraryVersions(root), f.digest]);
    return cacheKey('og', ...(await keyParts), JSON.stringify(tree));
  };

  /** Rasterise on a worker when there are any, else (or if they fail) on this thread. */
  const draw = async (tree: unknown): Promise<Uint8Array> => {
    const { width, height } = OG_IMAGE_SIZE;
    if (useWorkers) {
      const workers = await getPool();
      if (workers.usable) {
        try {
          const png = await workers.run(tree, width, height);
          stats.onWorkers++;
          return png;
        } catch {
          // A worker that cannot start (e.g. the script is missing from a trimmed copy of
          // the project) must not fail the build: fall through to this thread.
        }
      }
    }
    const { fonts } = await loadFonts(root);
    return timeWorkAsync('share images', () => rasterise(tree, fonts, width, height));
  };

  const renderAndStore = async (tree: unknown, key: string, store: DiskCache<Uint8Array>): Promise<Uint8Array> => {
    const png = await draw(tree);
    stats.rendered++;
    await store.write(key, png);
    return png;
  };

  const render = async (card: OgCardData): Promise<Uint8Array> => {
    const tree = cardTree(card);
    if (!cache) {
      const png = await draw(tree);
      stats.rendered++;
      return png;
    }
    const key = await keyOf(tree);
    const pending = inflight.get(key);
    if (pending) return pending;
    const cached = await cache.read(key);
    if (cached) {
      stats.fromCache++;
      return cached;
    }
    // Check again: another call may have started this card while we read the disk.
    const started = inflight.get(key);
    if (started) return started;
    const work = renderAndStore(tree, key, cache).finally(() => inflight.delete(key));
    inflight.set(key, work);
    return work;
  };

  return {
    stats,
    render,
    prefetch(cards) {
      if (!cache || (options.workers ?? 0) === 0) return;
      void (async () => {
        const missing: OgCardData[] = [];
        for (const card of cards) {
          if (!cache.has(await keyOf(cardTree(card)))) missing.push(card);
        }
        if (missing.length < MIN_CARDS_FOR_WORKERS) return;
        useWorkers = true;
        // Errors surface when the page's own render() awaits the same work.
        for (const card of missing) render(card).catch(() => undefined);
      })().catch(() => undefined);
    },
    async close() {
      if (pool) await (await pool).close();
    },
  };
}

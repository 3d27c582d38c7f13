/**
 * Mermaid fences -> SVG with the official `mermaid` package, in headless Chromium.
 *
 * Mermaid lays diagrams out with the browser's text metrics (getBBox), so it runs where
 * those exist: a page of the shared browser (browser.ts), with mermaid's own bundle and the
 * Inter font loaded from node_modules over an intercepted, offline origin. Each page is
 * prepared once and renders many diagrams, one at a time (mermaid keeps global state); the
 * pool renders on up to two pages in parallel.
 *
 * What a fence costs: a hit in the committed render cache (render-store.ts) costs a file
 * read and the theming below, no browser. A miss starts the browser (once per build) and
 * stores mermaid's raw SVG before anything is done to it.
 *
 * Options: mermaid's `base` theme with sentinel colours (mermaid-theme.ts), labels as SVG
 * <text> (`htmlLabels: false`), `securityLevel: 'strict'`, deterministic ids (the same
 * source gives the same bytes). An author's front matter or `%%{init}%%` may change
 * anything but the theme and font, so the site keeps one look.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { BrowserPool, NoBrowserError, sharedPool } from './browser.ts';
import { MERMAID_C4_COLOURS, MERMAID_ROOT_ID as ROOT_ID, MERMAID_THEME_VARIABLES, themeMermaidSvg } from './mermaid-theme.ts';
import { packageVersion } from './package-version.ts';
import { sharedStore, storeKey, type RenderStore } from './render-store.ts';
import { DIAGRAM_FONT } from './theme.ts';
import { TextDiagramError, type RenderedTextDiagram, type TextDiagramRenderer } from './types.ts';
import { canonicalMermaidIds } from './mermaid-ids.ts';


/** mermaid.initialize() options. Part of the render-cache key. */
export const MERMAID_CONFIG = {
  startOnLoad: false,
  securityLevel: 'strict',
  theme: 'base',
  themeVariables: MERMAID_THEME_VARIABLES,
  fontFamily: DIAGRAM_FONT,
  htmlLabels: false,
  flowchart: { htmlLabels: false },
  c4: MERMAID_C4_COLOURS,
  deterministicIds: true,
  deterministicIDSeed: 'casebook',
  // Rough.js (mermaid's shape drawing, also in the classic look) draws from Math.random when
  // this is 0, mermaid's default: rounded shapes came back with different path data on every
  // render. A fixed seed makes a render a function of its source. In `secure`, so an init
  // directive cannot set it back to 0.
  handDrawnSeed: 1,
  suppressErrorRendering: true,
  maxTextSize: 200_000,
  // Mermaid's own secure keys, plus the ones that make the site's look.
  secure: ['secure', 'securityLevel', 'startOnLoad', 'maxTextSize', 'suppressErrorRendering', 'maxEdges', 'theme', 'fontFamily', 'themeCSS', 'handDrawnSeed'],
} as const;

/** Bump when the page setup changes the raw output (fonts, wrapper); part of the key. */
const PAGE_REVISION = 1;

export const MERMAID_VERSION = packageVersion('mermaid');

/** The render-cache key of a (normalised) fence body. */
export function mermaidStoreKey(source: string): string {
  return storeKey({
    renderer: `mermaid@${MERMAID_VERSION}/chromium/page-${PAGE_REVISION}`,
    options: JSON.stringify({ ...MERMAID_CONFIG, fallback: HTML_LABELS_FALLBACK }),
    source,
  });
}

const ORIGIN = 'http://casebook-diagrams.invalid';

function moduleFile(specifier: string): string {
  return createRequire(import.meta.url).resolve(specifier);
}

/** The blank page mermaid renders in: Inter (regular, semibold, bold) and mermaid's bundle. */
function pageAssets(): Map<string, { body: Buffer; type: string }> {
  const mermaidDir = dirname(moduleFile('mermaid'));
  const interDir = join(dirname(moduleFile('@fontsource/inter/LICENSE')), 'files');
  const faces = [400, 600, 700]
    .map((w) => `@font-face{font-family:Inter;font-style:normal;font-weight:${w};src:url(/inter-${w}.woff2) format("woff2")}`)
    .join('');
  const html =
    `<!doctype html><html><head><meta charset="utf-8"><style>${faces}body{margin:0;font-family:${DIAGRAM_FONT}}</style>` +
    `<script src="/mermaid.min.js"></script></head><body><div id="work"></div></body></html>`;
  const assets = new Map<string, { body: Buffer; type: string }>([
    ['/index.html', { body: Buffer.from(html), type: 'text/html' }],
    ['/mermaid.min.js', { body: readFileSync(join(mermaidDir, 'mermaid.min.js')), type: 'text/javascript' }],
  ]);
  for (const w of [400, 600, 700]) {
    assets.set(`/inter-${w}.woff2`, { body: readFileSync(join(interDir, `inter-latin-${w}-normal.woff2`)), type: 'font/woff2' });
  }
  return assets;
}

let assets: ReturnType<typeof pageAssets> | undefined;

/** Loads the fonts and mermaid into a fresh page and initialises mermaid with `config`. */
async function preparePageWith(page: Page, config: Record<string, unknown>): Promise<void> {
  assets ??= pageAssets();
  const served = assets;
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    const asset = url.origin === ORIGIN ? served.get(url.pathname) : undefined;
    // Offline: nothing but the assets above, whatever a diagram asks for.
    if (asset) await route.fulfill({ status: 200, body: asset.body, contentType: asset.type });
    else await route.abort();
  });
  await page.goto(`${ORIGIN}/index.html`);
  await page.evaluate(async (config) => {
    await Promise.all([400, 600, 700].map((w) => document.fonts.load(`${w} 16px Inter`)));
    const m = (globalThis as unknown as { mermaid: { initialize(c: unknown): void } }).mermaid;
    m.initialize(config);
  }, config);
}

const preparePage = (page: Page): Promise<void> => preparePageWith(page, MERMAID_CONFIG as unknown as Record<string, unknown>);

/** What the page returns for one fence. */
export type PageResult = { ok: true; svg: string; type: string } | { ok: false; message: string; line: number | null };

/**
 * Runs in the page: parse (for the error and the type), then render. When the render (not
 * the parse) fails and `fallback` is given, it is tried once more with those options:
 * mermaid cannot draw some labels as SVG text (Markdown strings with line breaks), which
 * it draws fine as HTML labels, so Casebook falls back to HTML labels for that diagram
 * rather than fail where the official renderer does not. The first error is the one
 * reported when both fail.
 */
export async function renderInPage(page: Page, source: string, fallback?: Record<string, unknown>): Promise<PageResult> {
  const result = await renderInPageRaw(page, source, fallback);
  return result.ok ? { ...result, svg: canonicalMermaidIds(result.svg) } : result;
}

function renderInPageRaw(page: Page, source: string, fallback?: Record<string, unknown>): Promise<PageResult> {
  return page.evaluate(
    // No named inner functions here: tsx's keepNames would wrap them in a helper (__name)
    // that does not exist in the page.
    async ({ source, id, fallback }) => {
      interface MermaidError {
        message?: string;
        hash?: { loc?: { first_line?: number }; line?: number };
      }
      const m = (globalThis as unknown as {
        mermaid: {
          parse(text: string): Promise<{ diagramType: string }>;
          render(id: string, text: string, container?: Element): Promise<{ svg: string }>;
          initialize(config: unknown): void;
          mermaidAPI: { getSiteConfig(): unknown };
        };
      }).mermaid;
      const work = document.getElementById('work') ?? undefined;
      let parsed: { diagramType: string } | undefined;
      let firstError: unknown;
      for (const attempt of fallback ? [0, 1] : [0]) {
        const site = attempt === 1 ? m.mermaidAPI.getSiteConfig() : undefined;
        try {
          if (attempt === 1) m.initialize({ ...(site as object), ...fallback });
          parsed ??= await m.parse(source);
          const { svg } = await m.render(id, source, work);
          return { ok: true as const, svg, type: parsed.diagramType };
        } catch (err) {
          firstError ??= err;
          if (!parsed) break; // a syntax error: the fallback would fail the same way
        } finally {
          document.getElementById(id)?.remove();
          document.getElementById(`d${id}`)?.remove();
          if (attempt === 1) m.initialize(site);
        }
      }
      const e = (firstError ?? {}) as MermaidError;
      const line = e.hash?.loc?.first_line ?? (typeof e.hash?.line === 'number' ? e.hash.line + 1 : null);
      return { ok: false as const, message: String(e.message ?? firstError), line };
    },
    { source, id: ROOT_ID, fallback },
  );
}

/** The fallback for diagrams mermaid cannot draw with SVG text labels. Part of the key. */
export const HTML_LABELS_FALLBACK = { htmlLabels: true, flowchart: { htmlLabels: true } } as const;

/**
 * Mermaid's message, on one line, and the line of the fence it names. Jison grammars say
 * "Parse error on line N: <excerpt> ---^ Expecting ..., got 'X'"; Langium ones (pie,
 * gitGraph, architecture...) "Parsing failed: ... line N, column C ...".
 */
export function mermaidError(message: string, line: number | null): TextDiagramError {
  const lines = message.split('\n').map((l) => l.trim()).filter(Boolean);
  let where = line ?? undefined;
  const said = /\bline (\d+)/i.exec(message);
  if (where === undefined && said) where = Number(said[1]);
  let reason: string;
  const jison = /^(Parse|Lexical) error on line \d+:?/i.exec(lines[0] ?? '');
  if (jison) {
    // The excerpt mermaid prints (with newlines folded) is left out: the caller shows the line.
    const expecting = lines.find((l) => /^Expecting\b|^Unrecognized text/i.test(l));
    reason = expecting ? `${jison[1]} error: ${expecting}` : `${jison[1]} error`;
  } else if (/No diagram type detected/i.test(message)) {
    reason = `the first line does not name a diagram type Mermaid knows (flowchart, sequenceDiagram, classDiagram, stateDiagram-v2, erDiagram, gantt, pie, ...)`;
    where = 1;
  } else {
    reason = lines.slice(0, 3).join(' ').replace(/\s+/g, ' ');
  }
  return new TextDiagramError('mermaid', reason.slice(0, 400), where);
}

/**
 * Original line numbers of the lines mermaid's parser sees. Before parsing, mermaid drops
 * the front matter, turns each `%%{...}%%` directive into an empty line, drops `%%`
 * comment lines (with the blank lines just before them) and leading blank lines, so its
 * "line N" counts lines of what is left; `result[N - 1]` is that line in the fence.
 */
export function mermaidParsedLines(source: string): number[] {
  let items = source.replace(/\r\n?/g, '\n').split('\n').map((text, i) => ({ text, n: i + 1 }));
  const front = /^-{3}\s*\n[\s\S]*?\n-{3}\s*\n+/.exec(items.map((l) => l.text).join('\n'));
  if (front) items = items.slice((front[0].match(/\n/g) ?? []).length);
  const kept: typeof items = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (/^\s*%%\{/.test(item.text)) {
      let j = i;
      while (j < items.length - 1 && !items[j]!.text.includes('}%%')) j++;
      if (/\}%%\s*$/.test(items[j]!.text)) {
        kept.push({ text: '', n: items[j]!.n });
        i = j;
        continue;
      }
    }
    if (/^\s*%%(?!\{)\S/.test(item.text) || /^\s*%%(?!\{).+/.test(item.text)) {
      while (kept.length > 0 && kept[kept.length - 1]!.text.trim() === '') kept.pop();
      continue;
    }
    kept.push(item);
  }
  while (kept.length > 0 && kept[0]!.text.trim() === '') kept.shift();
  return kept.map((l) => l.n);
}

export interface MermaidRendererOptions {
  store?: RenderStore;
  pool?: BrowserPool;
}

/** Raw mermaid SVG for a source: from the store, else rendered (and stored). */
export async function rawMermaidSvg(source: string, options: MermaidRendererOptions = {}): Promise<{ svg: string; cached: boolean }> {
  const store = options.store ?? sharedStore();
  const key = mermaidStoreKey(source);
  const hit = store.get(key);
  if (hit) return { svg: hit, cached: true };
  const pool = options.pool ?? mermaidPool();
  let result: PageResult;
  try {
    result = await pool.run((page) => renderInPage(page, source, HTML_LABELS_FALLBACK));
  } catch (err) {
    if (err instanceof NoBrowserError) {
      throw new TextDiagramError(
        'mermaid',
        `this diagram is new or changed, so it is not in the render cache (${store.dir.replace(`${process.cwd()}/`, '')}/), and rendering it needs a browser: ${err.message}; then run \`npm run diagrams:render\` and commit the new files`,
      );
    }
    throw err;
  }
  if (!result.ok) {
    const err = mermaidError(result.message, result.line);
    const line = err.line === undefined ? undefined : mermaidParsedLines(source)[err.line - 1] ?? err.line;
    throw line === err.line ? err : new TextDiagramError('mermaid', err.reason, line);
  }
  store.set(key, result.svg);
  return { svg: result.svg, cached: false };
}

/** The process-wide pool mermaid renders on. */
export function mermaidPool(): BrowserPool {
  return sharedPool('mermaid', preparePage);
}

/**
 * A pool of its own (tests, benchmarks): its own browser, closed with `pool.close()`.
 * `config` replaces Casebook's mermaid options, e.g. `{ startOnLoad: false }` for mermaid's
 * own defaults, to measure what the official renderer does on its own.
 */
export function createMermaidPool(size?: number, config?: Record<string, unknown>): BrowserPool {
  return new BrowserPool(config ? (page) => preparePageWith(page, config) : preparePage, size);
}

/** The diagram type from the first meaningful line (after front matter and directives). */
export function mermaidType(source: string): string {
  const body = source.replace(/^\s*---\n[\s\S]*?\n---\s*\n/, '').replace(/%%\{[\s\S]*?\}%%/g, '');
  for (const line of body.split('\n')) {
    const t = line.trim();
    if (t === '' || t.startsWith('%%')) continue;
    return /^[A-Za-z][\w-]*/.exec(t)?.[0] ?? 'unknown';
  }
  return 'unknown';
}

export function createMermaidRenderer(options: MermaidRendererOptions = {}): TextDiagramRenderer {
  return {
    lang: 'mermaid',
    // The service's own (node_modules) cache holds themed output: theming is in the version,
    // and so are mermaid's options and sentinel theme (the render-cache key of an empty
    // source), so changing them cannot serve output themed from the old ones.
    version: `mermaid@${MERMAID_VERSION}/theming-${THEMING_REVISION}/options-${mermaidStoreKey('').slice(0, 12)}`,
    async render(source: string): Promise<RenderedTextDiagram> {
      if (source.trim() === '') throw new TextDiagramError('mermaid', 'the diagram is empty', 1);
      const { svg } = await rawMermaidSvg(source, options);
      return { lang: 'mermaid', type: mermaidType(source), svg: themeMermaidSvg(svg, source), warnings: [] };
    },
  };
}

/** Bump when themeMermaidSvg changes its output (no re-render needed: raw SVG is cached). */
export const THEMING_REVISION = 2;

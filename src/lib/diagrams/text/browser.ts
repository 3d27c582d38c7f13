/**
 * The headless Chromium that renders Mermaid (the official renderer needs a browser's
 * layout engine), started at most once per process and only when a fence is not in the
 * render cache, then shared by every render of the build.
 *
 * Which browser: `CASEBOOK_CHROMIUM` (an explicit path) > one installed with
 * `npx playwright install chromium` > the system's `/usr/bin/chromium`. The end-to-end tests
 * use the same choice (tests/support/chromium.ts re-exports it).
 *
 * The pool is kept on `globalThis`: Astro loads the Markdown plugins through Vite, so the
 * build and the CLI that started it may hold two copies of this module; they must share one
 * browser, and the CLI's `closeBrowser()` must close the one the build opened.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** See `armIdleClose`: long enough that a build's quiet phases do not restart the browser. */
const IDLE_CLOSE_MS = 30_000;

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Flags that keep a sandboxed, offline machine from stalling on background services. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function playwrightHasOwnBrowser(): boolean {
  try {
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

/**
 * The executable to launch: a path, or undefined for Playwright's own download. Throws
 * `NoBrowserError` when there is none.
 */
export function chromiumExecutablePath(): string | undefined {
  const explicit = process.env.CASEBOOK_CHROMIUM;
  if (explicit) {
    if (!existsSync(explicit)) throw new NoBrowserError(`CASEBOOK_CHROMIUM=${explicit} does not exist`);
    return explicit;
  }
  if (playwrightHasOwnBrowser()) return undefined;
  const system = SYSTEM_CHROMIUM.find((p) => existsSync(p));
  if (system) return system;
  throw new NoBrowserError('no Chromium was found');
}

/** How to get a browser, for every message that needs one. */
export const GET_A_BROWSER =
  'install one with `npx playwright install chromium`, or point CASEBOOK_CHROMIUM at a Chromium or Chrome executable';

export class NoBrowserError extends Error {
  override name = 'NoBrowserError';
  constructor(readonly why: string) {
    super(`${why}; ${GET_A_BROWSER}`);
  }
}

export interface PageSetup {
  /** Prepares a fresh page (loads the renderer's script); run once per page. */
  (page: Page): Promise<void>;
}

export interface BrowserStats {
  /** Milliseconds from launch to a connected browser; undefined if it never started. */
  launchMs: number | undefined;
  /** Milliseconds spent preparing pages (loading mermaid into each), summed. */
  pageSetupMs: number;
  pagesOpened: number;
  /** Tasks run in a page (renders). */
  tasks: number;
}

/**
 * A lazily launched browser with at most `size` pages, each prepared once and reused:
 * `run(task)` waits for a free page, so renders go in parallel up to `size`.
 */
export class BrowserPool {
  private browser: Promise<Browser> | undefined;
  private idle: Page[] = [];
  private waiting: Array<(page: Page) => void> = [];
  private opened = 0;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  readonly stats: BrowserStats = { launchMs: undefined, pageSetupMs: 0, pagesOpened: 0, tasks: 0 };

  constructor(
    private readonly setup: PageSetup,
    readonly size: number = defaultPoolSize(),
  ) {}

  get started(): boolean {
    return this.browser !== undefined;
  }

  private launch(): Promise<Browser> {
    this.browser ??= (async () => {
      const executablePath = chromiumExecutablePath();
      const t0 = performance.now();
      try {
        const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: chromiumArgs });
        this.stats.launchMs = performance.now() - t0;
        return browser;
      } catch (err) {
        const reason = err instanceof Error ? err.message.split('\n')[0] ?? err.message : String(err);
        throw new NoBrowserError(`Chromium${executablePath ? ` at ${executablePath}` : ''} did not start (${reason})`);
      }
    })();
    // A failed launch is not retried by every fence; the same error is reported for each.
    return this.browser;
  }

  private async acquire(): Promise<Page> {
    const free = this.idle.pop();
    if (free) return free;
    if (this.opened < this.size) {
      this.opened++;
      try {
        const browser = await this.launch();
        const t0 = performance.now();
        const page = await browser.newPage();
        await this.setup(page);
        this.stats.pageSetupMs += performance.now() - t0;
        this.stats.pagesOpened++;
        return page;
      } catch (err) {
        this.opened--;
        throw err;
      }
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(page: Page): void {
    const next = this.waiting.shift();
    if (next) next(page);
    else this.idle.push(page);
    this.armIdleClose();
  }

  /**
   * A safety net, not the normal way out: whoever starts a build closes the browser at its
   * end (`closeBrowsers`). If a caller forgets, the open browser would keep Node alive, so a
   * pool with nothing to do for IDLE_CLOSE_MS closes itself (and relaunches if needed).
   */
  private armIdleClose(): void {
    clearTimeout(this.idleTimer);
    if (this.idle.length < this.opened) return; // something is still rendering
    this.idleTimer = setTimeout(() => void this.close(), IDLE_CLOSE_MS);
    this.idleTimer.unref?.();
  }

  async run<T>(task: (page: Page) => Promise<T>): Promise<T> {
    const page = await this.acquire();
    this.stats.tasks++;
    try {
      return await task(page);
    } finally {
      this.release(page);
    }
  }

  /** Closes the browser (if it was started); the pool can be used again afterwards. */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const pending = this.browser;
    this.browser = undefined;
    this.idle = [];
    this.opened = 0;
    if (!pending) return;
    try {
      await (await pending).close();
    } catch {
      /* it never started, or is already gone */
    }
  }
}

/** Pages rendering at once: `CASEBOOK_DIAGRAM_PAGES`, default 2 (the machines are small). */
export function defaultPoolSize(): number {
  const n = Number(process.env.CASEBOOK_DIAGRAM_PAGES);
  return Number.isInteger(n) && n > 0 ? n : 2;
}

const POOLS = Symbol.for('casebook.diagrams.text.browser-pools');
type WithPools = typeof globalThis & { [POOLS]?: Map<string, BrowserPool> };

/** The process-wide pool for one renderer (by name), created on first use. */
export function sharedPool(name: string, setup: PageSetup): BrowserPool {
  const g = globalThis as WithPools;
  const pools = (g[POOLS] ??= new Map());
  let pool = pools.get(name);
  if (!pool) {
    pool = new BrowserPool(setup);
    pools.set(name, pool);
  }
  return pool;
}

/** Closes every shared browser; the build, `validate` and `diagrams:render` call it at the end. */
export async function closeBrowsers(): Promise<void> {
  const pools = (globalThis as WithPools)[POOLS];
  if (!pools) return;
  await Promise.all([...pools.values()].map((p) => p.close()));
}

/**
 * The optional check of links to other sites (`npm run check:links -- --external`).
 *
 * Polite and bounded: a global concurrency limit, at most `perHost` requests at a time and
 * one request per `hostIntervalMs` to each host, a timeout per request, HEAD first with a GET
 * fallback for servers that refuse HEAD. Results are cached on disk with a TTL so repeated runs
 * do not hammer the same servers. Failures are reported as warnings unless the caller decides
 * otherwise (`--external-fail`).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface ExternalResult {
  url: string;
  ok: boolean;
  /** HTTP status, or undefined for network errors and timeouts. */
  status?: number;
  /** Why it failed, in words. */
  reason?: string;
  /** Whether the answer came from the cache. */
  cached: boolean;
}

export interface ExternalCheckOptions {
  concurrency?: number;
  perHost?: number;
  hostIntervalMs?: number;
  timeoutMs?: number;
  /** Path of the JSON cache file; undefined disables caching. */
  cacheFile?: string;
  /** How long a cached answer is trusted. */
  cacheTtlMs?: number;
  /** For tests. */
  now?: () => number;
  fetchImpl?: typeof fetch;
}

interface CacheEntry {
  ok: boolean;
  status?: number;
  reason?: string;
  checkedAt: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function checkExternalLinks(urls: Iterable<string>, options: ExternalCheckOptions = {}): Promise<ExternalResult[]> {
  const {
    concurrency = 8,
    perHost = 2,
    hostIntervalMs = 250,
    timeoutMs = 10_000,
    cacheFile,
    cacheTtlMs = 24 * 60 * 60 * 1000,
    now = Date.now,
    fetchImpl = fetch,
  } = options;
  const cache = cacheFile ? await loadCache(cacheFile) : {};
  const results: ExternalResult[] = [];
  const queue: string[] = [];
  for (const url of new Set(urls)) {
    const hit = cache[url];
    if (hit && now() - hit.checkedAt < cacheTtlMs) {
      results.push({ url, ok: hit.ok, ...(hit.status !== undefined && { status: hit.status }), ...(hit.reason && { reason: hit.reason }), cached: true });
    } else {
      queue.push(url);
    }
  }

  const activePerHost = new Map<string, number>();
  const nextSlotPerHost = new Map<string, number>();

  async function acquireHost(host: string): Promise<void> {
    for (;;) {
      const active = activePerHost.get(host) ?? 0;
      const wait = (nextSlotPerHost.get(host) ?? 0) - now();
      if (active < perHost && wait <= 0) {
        activePerHost.set(host, active + 1);
        nextSlotPerHost.set(host, now() + hostIntervalMs);
        return;
      }
      await sleep(Math.max(wait, 10));
    }
  }

  async function checkOne(url: string): Promise<ExternalResult> {
    const host = new URL(url).host;
    await acquireHost(host);
    try {
      let response = await request(fetchImpl, url, 'HEAD', timeoutMs);
      if (response.status === 405 || response.status === 403 || response.status === 501) {
        response = await request(fetchImpl, url, 'GET', timeoutMs);
      }
      const ok = response.status < 400;
      return { url, ok, status: response.status, ...(!ok && { reason: `HTTP ${response.status}` }), cached: false };
    } catch (error) {
      const reason =
        (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError'
          ? `no answer within ${timeoutMs} ms`
          : `network error: ${(error as Error).message}`;
      return { url, ok: false, reason, cached: false };
    } finally {
      activePerHost.set(host, (activePerHost.get(host) ?? 1) - 1);
    }
  }

  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
    while (next < queue.length) {
      const url = queue[next++]!;
      const result = await checkOne(url);
      results.push(result);
      cache[url] = {
        ok: result.ok,
        ...(result.status !== undefined && { status: result.status }),
        ...(result.reason && { reason: result.reason }),
        checkedAt: now(),
      };
    }
  });
  await Promise.all(workers);
  if (cacheFile) await saveCache(cacheFile, cache);
  return results.sort((a, b) => a.url.localeCompare(b.url));
}

async function request(fetchImpl: typeof fetch, url: string, method: string, timeoutMs: number): Promise<Response> {
  const response = await fetchImpl(url, {
    method,
    redirect: 'follow',
    signal: AbortSignal.timeout(timeoutMs),
    headers: { 'user-agent': 'casebook-link-check (+https://github.com)' },
  });
  await response.body?.cancel();
  return response;
}

async function loadCache(file: string): Promise<Record<string, CacheEntry>> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Record<string, CacheEntry>;
  } catch {
    return {};
  }
}

async function saveCache(file: string, cache: Record<string, CacheEntry>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(cache, null, 2)}\n`);
}

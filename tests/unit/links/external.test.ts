import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { checkExternalLinks } from '../../../src/tools/links/external.ts';

// A local server standing in for other sites (loopback only).
let server: Server;
let origin: string;
let requests: string[] = [];
let inFlight = 0;
let maxInFlight = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    // Concurrency is measured on the /page-N requests of the rate-limit test only.
    const counted = req.url?.startsWith('/page-') ?? false;
    if (counted) inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const done = (status: number) => {
      if (counted) inFlight--;
      res.writeHead(status).end();
    };
    if (req.url === '/slow') return void setTimeout(() => done(200), 1_000);
    if (req.url === '/no-head' && req.method === 'HEAD') return done(405);
    if (req.url?.startsWith('/missing')) return done(404);
    setTimeout(() => done(200), 30);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('checkExternalLinks', () => {
  it('reports status codes and timeouts, falls back to GET when HEAD is refused', async () => {
    requests = [];
    const results = await checkExternalLinks([`${origin}/ok`, `${origin}/missing`, `${origin}/no-head`, `${origin}/slow`], {
      timeoutMs: 300,
      hostIntervalMs: 0,
    });
    expect(results.map(({ url, ok, reason }) => ({ path: url.slice(origin.length), ok, reason }))).toEqual([
      { path: '/missing', ok: false, reason: 'HTTP 404' },
      { path: '/no-head', ok: true, reason: undefined },
      { path: '/ok', ok: true, reason: undefined },
      { path: '/slow', ok: false, reason: 'no answer within 300 ms' },
    ]);
    expect(requests).toContain('GET /no-head');
  });

  it('keeps to the per-host limits', async () => {
    maxInFlight = 0;
    requests = [];
    const urls = Array.from({ length: 12 }, (_, i) => `${origin}/page-${i}`);
    const started = performance.now();
    await checkExternalLinks(urls, { concurrency: 8, perHost: 2, hostIntervalMs: 20 });
    expect(requests).toHaveLength(12);
    expect(maxInFlight).toBeLessThanOrEqual(2);
    // 12 requests, one start per 20 ms to this host: at least 11 intervals.
    expect(performance.now() - started).toBeGreaterThanOrEqual(11 * 20 - 5);
  });

  it('answers from the on-disk cache within the TTL, and asks again after it', async () => {
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'casebook-link-cache-'));
    onTestFinished(() => rm(cacheDir, { recursive: true, force: true }));
    const cacheFile = path.join(cacheDir, 'link-cache.json');
    let clock = 1_000_000;
    const options = { cacheFile, cacheTtlMs: 60_000, now: () => clock, hostIntervalMs: 0 };
    requests = [];
    await checkExternalLinks([`${origin}/ok`, `${origin}/missing-cached`], options);
    expect(requests).toHaveLength(2);
    expect(Object.keys(JSON.parse(await readFile(cacheFile, 'utf8')) as object)).toHaveLength(2);

    const again = await checkExternalLinks([`${origin}/ok`, `${origin}/missing-cached`], options);
    expect(requests).toHaveLength(2);
    expect(again.map((r) => [r.ok, r.cached])).toEqual([
      [false, true],
      [true, true],
    ]);

    clock += 61_000;
    await checkExternalLinks([`${origin}/ok`], options);
    expect(requests).toHaveLength(3);
  });
});

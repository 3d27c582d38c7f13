/** The shared disk cache (src/lib/cache.ts): one folder convention, keys, misses, atomic writes. */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesFormat, cacheDir, cacheKey, DiskCache, jsonFormat } from '../../src/lib/cache.ts';

const isNote = (v: unknown): v is { note: string } => typeof v === 'object' && v !== null && typeof (v as { note?: unknown }).note === 'string';

describe('shared disk cache', () => {
  it('lives in node_modules/.cache/casebook/<cache>, or under CASEBOOK_CACHE_DIR for parallel builds', () => {
    expect(cacheDir('diagrams', {}, '/site')).toBe('/site/node_modules/.cache/casebook/diagrams');
    expect(cacheDir('text-diagrams', { CASEBOOK_CACHE_DIR: '/tmp/mine' }, '/site')).toBe('/tmp/mine/text-diagrams');
    expect(cacheDir('og', { CASEBOOK_CACHE_DIR: '/tmp/mine' }, '/site')).toBe('/tmp/mine/og');
  });

  it('a key depends on the cache and on every part, and parts cannot run together', () => {
    const key = cacheKey('diagrams', 'flow', 'svg');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheKey('diagrams', 'flow', 'svg')).toBe(key);
    expect(cacheKey('text-diagrams', 'flow', 'svg')).not.toBe(key);
    expect(cacheKey('diagrams', 'flows', 'vg')).not.toBe(key);
    expect(cacheKey('diagrams', 'flow', 'svg!')).not.toBe(key);
  });

  it('stores and reads back values, sync and async, leaving no temporary files', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'casebook-cache-')), 'nested');
    const cache = new DiskCache(dir, jsonFormat(isNote));
    expect(cache.get('k')).toBeUndefined();
    expect(cache.has('k')).toBe(false);
    cache.set('k', { note: 'hello' });
    expect(cache.get('k')).toEqual({ note: 'hello' });
    await cache.write('k2', { note: 'again' });
    expect(await cache.read('k2')).toEqual({ note: 'again' });
    expect(readdirSync(dir).sort()).toEqual(['k.json', 'k2.json']);

    const png = new DiskCache(dir, bytesFormat('.png'));
    await png.write('p', new Uint8Array([137, 80, 78, 71]));
    expect([...((await png.read('p')) ?? [])]).toEqual([137, 80, 78, 71]);
  });

  it('a corrupt or wrongly shaped entry is a miss; an unwritable folder only costs speed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebook-cache-'));
    const cache = new DiskCache(dir, jsonFormat(isNote));
    writeFileSync(join(dir, 'bad.json'), '{not json');
    writeFileSync(join(dir, 'shape.json'), '{"other":1}');
    expect(cache.get('bad')).toBeUndefined();
    expect(cache.get('shape')).toBeUndefined();
    const blocked = join(dir, 'bad.json', 'below-a-file');
    expect(() => new DiskCache(blocked, jsonFormat(isNote)).set('k', { note: 'x' })).not.toThrow();
  });
});

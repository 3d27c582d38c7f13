/**
 * The sitemap's drafts and dates (src/lib/seo/sitemap-filter.ts) are read from each study's
 * frontmatter; unchanged YAML is taken from the stored table instead of being parsed again,
 * and changed, added or removed studies update it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskFrontmatterStore, readStudies, type FrontmatterDates, type FrontmatterStore } from '../../../src/lib/seo/sitemap-filter.ts';

function memoryStore(initial: Record<string, FrontmatterDates> = {}) {
  const saves: Record<string, FrontmatterDates>[] = [];
  let table = initial;
  const store: FrontmatterStore = { load: () => table, save: (t) => void (saves.push(t), (table = t)) };
  return { store, saves, table: () => table };
}

const study = (fm: string) => `---\n${fm}\n---\n\n# Body\n`;

describe('sitemap frontmatter table', () => {
  it('parses new YAML once, stores it, and a fresh process reads the stored value instead of parsing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebook-sitemap-'));
    writeFileSync(join(dir, 'a.mdx'), study('date: 2024-01-02\ndraft: true'));
    writeFileSync(join(dir, 'b.md'), study("date: '2024-03-04'\nupdated: 2024-05-06"));
    const { store, saves, table } = memoryStore();
    const first = readStudies(dir, store);
    expect(first.map((s) => [s.slug, s.draft, s.date, s.updated])).toEqual([
      ['a', true, '2024-01-02', undefined],
      ['b', false, '2024-03-04', '2024-05-06'],
    ]);
    expect(saves).toHaveLength(1);
    expect(Object.values(table())).toHaveLength(2);

    // Another directory with the same YAML (another process, as far as the memory knows):
    // the stored value is used, which a doctored table shows.
    const other = mkdtempSync(join(tmpdir(), 'casebook-sitemap-'));
    writeFileSync(join(other, 'a.mdx'), study('date: 2024-01-02\ndraft: true'));
    const doctored = Object.fromEntries(Object.entries(table()).map(([d, v]) => [d, v.draft ? { ...v, date: '1999-09-09' } : v]));
    const second = memoryStore(doctored);
    expect(readStudies(other, second.store)[0]!.date).toBe('1999-09-09');
    // Only a's digest was seen: the table is rewritten without b.
    expect(Object.keys(second.table())).toHaveLength(1);
  });

  it('an edited frontmatter is parsed again, a removed study leaves the table', () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebook-sitemap-'));
    writeFileSync(join(dir, 'a.mdx'), study('date: 2024-01-02'));
    writeFileSync(join(dir, 'b.mdx'), study('date: 2024-02-02'));
    const { store, saves, table } = memoryStore();
    readStudies(dir, store);
    writeFileSync(join(dir, 'a.mdx'), study('date: 2024-01-02\ndraft: true'));
    expect(readStudies(dir, store).find((s) => s.slug === 'a')!.draft).toBe(true);
    expect(saves).toHaveLength(2);
    rmSync(join(dir, 'b.mdx'));
    readStudies(dir, store);
    expect(Object.keys(table())).toHaveLength(1);
    // Nothing changed: nothing is written.
    readStudies(dir, store);
    expect(saves).toHaveLength(3);
  });

  it('the disk store round-trips the table and ignores a damaged file', () => {
    const cache = mkdtempSync(join(tmpdir(), 'casebook-sitemap-cache-'));
    const disk = diskFrontmatterStore(process.cwd(), cache);
    expect(disk.load()).toEqual({});
    disk.save({ d1: { draft: false, date: '2024-01-01' } });
    expect(diskFrontmatterStore(process.cwd(), cache).load()).toEqual({ d1: { draft: false, date: '2024-01-01' } });
    disk.save({ d1: { draft: 'yes' } as unknown as FrontmatterDates });
    expect(disk.load()).toEqual({});
  });
});

/** The quiet build log: Astro's directive warning dropped, nothing else; a long diagram report summarised. */
import { describe, expect, it } from 'vitest';
import type { ProcessedDiagram } from '../../src/lib/diagrams/pipeline.ts';
import { formatReport, SHORT_REPORT_ROWS, verboseFromEnv } from '../../src/lib/diagrams/report.ts';
import { onBundlerLog } from '../../src/tools/build/vite-log.ts';

describe('Rolldown log filter', () => {
  const passed: string[] = [];
  const handler = (level: string, log: { message: string }) => void passed.push(`${level}: ${log.message}`);

  it("drops only Astro's own 'use astro:head-inject' warning", () => {
    const astro = 'The semantics of the module level directive "use astro:head-inject" in "content/case-studies/a.mdx?astroPropagatedAssets" may be changed';
    const other = 'The semantics of the module level directive "use client" in "src/x.ts" may be changed';
    onBundlerLog('warn', { code: 'MODULE_LEVEL_DIRECTIVE', message: astro }, handler);
    onBundlerLog('warn', { code: 'MODULE_LEVEL_DIRECTIVE', message: other }, handler);
    onBundlerLog('warn', { code: 'UNRESOLVED_IMPORT', message: 'cannot resolve "x"' }, handler);
    onBundlerLog('info', { message: astro }, handler);
    expect(passed).toEqual([`warn: ${other}`, 'warn: cannot resolve "x"', `info: ${astro}`]);
  });
});

function row(i: number, warnings: string[] = []) {
  const diagram = { name: `d${i}`, bytesIn: 2000 + i * 100, bytesOut: 1000 + i * 100, warnings } as unknown as ProcessedDiagram;
  return { diagram, cached: false };
}

describe('diagram report', () => {
  it('lists every diagram of a short report', () => {
    const text = formatReport([row(1), row(2)]);
    expect(text.trim().split('\n')).toHaveLength(3);
    expect(text).toMatch(/^ {2}d1 /m);
  });

  it('summarises a long one: totals, the largest, the first warnings, and how to see all', () => {
    const rows = Array.from({ length: 40 }, (_, i) => row(i, i % 2 ? [`diagrams/d${i}.svg: removed a script`] : []));
    const text = formatReport(rows);
    const lines = text.trim().split('\n');
    expect(lines[0]).toMatch(/^\[diagrams\] 40 diagram\(s\)/);
    expect(lines[1]).toBe('  largest: d39 4.8 KB, d38 4.7 KB, d37 4.6 KB');
    expect(lines.filter((l) => l.startsWith('  warning: '))).toHaveLength(SHORT_REPORT_ROWS);
    expect(text).toContain(`  ... and ${20 - SHORT_REPORT_ROWS} more warning(s)`);
    expect(lines.at(-1)).toBe('  (every diagram and warning: npm run build -- --verbose)');
    expect(lines.length).toBeLessThanOrEqual(SHORT_REPORT_ROWS + 5);
    const full = formatReport(rows, { verbose: true }).trim().split('\n');
    expect(full).toHaveLength(1 + 40 + 20);
  });

  it('--verbose reaches the report through CASEBOOK_VERBOSE', () => {
    expect(verboseFromEnv({ CASEBOOK_VERBOSE: '1' })).toBe(true);
    expect(verboseFromEnv({})).toBe(false);
  });
});

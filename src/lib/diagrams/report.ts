/**
 * The build report: each diagram's size before and after, and any warnings.
 *
 * Printed once per build by the registry (see registry.ts) so the author sees what the
 * pipeline did and notices a diagram that grew or carries stripped content. A long report
 * (more than SHORT_REPORT_ROWS diagrams, or warnings) is summarised so the build log fits a
 * screen: the totals, the largest diagrams and the first warnings, with how to see it all
 * (`npm run build -- --verbose`, which sets CASEBOOK_VERBOSE=1).
 */
import { kb, type ProcessedDiagram } from './pipeline.ts';

export interface ReportRow {
  diagram: ProcessedDiagram;
  cached: boolean;
}

/** Up to this many diagrams (and warnings) are listed one by one. */
export const SHORT_REPORT_ROWS = 10;

export interface ReportOptions {
  /** Every row and every warning, however many. */
  verbose?: boolean | undefined;
}

/** Whether the build was asked for the full report (`npm run build -- --verbose`). */
export function verboseFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CASEBOOK_VERBOSE === '1';
}

export function formatReport(rows: readonly ReportRow[], options: ReportOptions = {}): string {
  if (rows.length === 0) return '\n[diagrams] no diagrams in diagrams/';
  const width = Math.max(...rows.map((r) => r.diagram.name.length));
  const totalIn = rows.reduce((s, r) => s + r.diagram.bytesIn, 0);
  const totalOut = rows.reduce((s, r) => s + r.diagram.bytesOut, 0);
  const lines = rows.map(({ diagram: d, cached }) =>
    `  ${d.name.padEnd(width)}  ${kb(d.bytesIn).padStart(9)} -> ${kb(d.bytesOut).padStart(9)}  (${change(d.bytesIn, d.bytesOut)})${gzip(d)}${cached ? '  cached' : ''}`);
  const warnings = rows.flatMap((r) => r.diagram.warnings).map((w) => `  warning: ${w}`);
  const cachedCount = rows.filter((r) => r.cached).length;
  const heading = `[diagrams] ${rows.length} diagram(s), ${kb(totalIn)} -> ${kb(totalOut)} (${change(totalIn, totalOut)}), ${cachedCount} from cache`;
  const long = rows.length > SHORT_REPORT_ROWS || warnings.length > SHORT_REPORT_ROWS;
  if (options.verbose || !long) return ['', heading, ...lines, ...warnings].join('\n');
  const largest = [...rows]
    .sort((a, b) => b.diagram.bytesOut - a.diagram.bytesOut)
    .slice(0, 3)
    .map((r) => `${r.diagram.name} ${kb(r.diagram.bytesOut)}`);
  const hidden = warnings.length - Math.min(warnings.length, SHORT_REPORT_ROWS);
  return [
    '',
    heading,
    `  largest: ${largest.join(', ')}`,
    ...warnings.slice(0, SHORT_REPORT_ROWS),
    ...(hidden > 0 ? [`  ... and ${hidden} more warning(s)`] : []),
    '  (every diagram and warning: npm run build -- --verbose)',
  ].join('\n');
}

/** `-42%` for a smaller file, `+3%` for a larger one. */
export function change(before: number, after: number): string {
  if (before === 0) return '+0%';
  const pct = Math.round(((after - before) / before) * 100);
  return `${pct > 0 ? '+' : pct < 0 ? '-' : '+'}${Math.abs(pct)}%`;
}

/** `  gzip 2.3 KB -> 2.1 KB` when the sizes are known. */
function gzip(d: ProcessedDiagram): string {
  if (d.gzipBytesIn === undefined || d.gzipBytesOut === undefined) return '';
  return `  gzip ${kb(d.gzipBytesIn)} -> ${kb(d.gzipBytesOut)}`;
}

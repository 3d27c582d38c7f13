/**
 * The build report: each diagram's size before and after, and any warnings.
 *
 * Printed once per build by the registry (see registry.ts) so the author sees what the
 * pipeline did and notices a diagram that grew or carries stripped content.
 */
import { kb, type ProcessedDiagram } from './pipeline.ts';

export interface ReportRow {
  diagram: ProcessedDiagram;
  cached: boolean;
}

export function formatReport(rows: readonly ReportRow[]): string {
  if (rows.length === 0) return '\n[diagrams] no diagrams in diagrams/';
  const width = Math.max(...rows.map((r) => r.diagram.name.length));
  const totalIn = rows.reduce((s, r) => s + r.diagram.bytesIn, 0);
  const totalOut = rows.reduce((s, r) => s + r.diagram.bytesOut, 0);
  const lines = rows.map(({ diagram: d, cached }) =>
    `  ${d.name.padEnd(width)}  ${kb(d.bytesIn).padStart(9)} -> ${kb(d.bytesOut).padStart(9)}  (${change(d.bytesIn, d.bytesOut)})${gzip(d)}${cached ? '  cached' : ''}`);
  const warnings = rows.flatMap((r) => r.diagram.warnings).map((w) => `  warning: ${w}`);
  const cachedCount = rows.filter((r) => r.cached).length;
  return [
    '',
    `[diagrams] ${rows.length} diagram(s), ${kb(totalIn)} -> ${kb(totalOut)} (${change(totalIn, totalOut)}), ${cachedCount} from cache`,
    ...lines,
    ...warnings,
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

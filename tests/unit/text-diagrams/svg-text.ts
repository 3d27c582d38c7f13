/**
 * Reads the visible labels of an SVG the way a reader (or a screen reader) gets them:
 * the character data of every <text> element, tspans joined, entities decoded.
 */
export function textLabels(svg: string): string[] {
  const labels: string[] = [];
  for (const m of svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)) {
    const inner = (m[1] ?? '').replace(/<[^>]+>/g, ' ');
    const decoded = inner
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;|&apos;/g, "'")
      .replace(/&#45;/g, '-')
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      .trim();
    if (decoded) labels.push(decoded);
  }
  return labels;
}

/**
 * Finds the line an element or attribute sits on in the original SVG text.
 *
 * svgo's tree carries no positions, so when the sanitiser rejects an element it looks the
 * element up again in the source to tell the author which line to fix. Best effort: the
 * first match of the tag (and attribute value, when given) wins.
 */

export function lineOfOffset(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

/** 1-based line of `<tag` (optionally the first one whose text contains `needle`). */
export function lineOfElement(source: string, tag: string, needle?: string): number | undefined {
  const escaped = tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`<(?:[\\w-]+:)?${escaped}(?=[\\s/>])[^>]*>?`, 'gi');
  for (const match of source.matchAll(pattern)) {
    if (needle === undefined || match[0].includes(needle)) return lineOfOffset(source, match.index);
  }
  if (needle !== undefined) {
    const at = source.indexOf(needle);
    if (at >= 0) return lineOfOffset(source, at);
  }
  return undefined;
}

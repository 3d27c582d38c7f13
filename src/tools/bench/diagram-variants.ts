/**
 * Distinct copies of the example diagrams for the benchmark site. A thousand studies that
 * all reference the same three files would let a content-hash cache hide the diagram
 * pipeline's cost; variants give svgo and the sanitiser distinct inputs (a different title
 * and one extra marker), while staying as valid and as safe as the originals.
 */
export interface DiagramVariant {
  /** File name without `.svg`, as written in `<Diagram name="...">`. */
  name: string;
  svg: string;
}

/** `count` variants, cycling through the example diagrams; names are `bench-<base>-v<k>`. */
export function diagramVariants(examples: readonly DiagramVariant[], count: number): DiagramVariant[] {
  if (examples.length === 0) return [];
  const out: DiagramVariant[] = [];
  for (let k = 0; k < count; k++) {
    const base = examples[k % examples.length] as DiagramVariant;
    out.push({ name: `bench-${base.name}-v${k + 1}`, svg: variantOf(base.svg, k + 1) });
  }
  return out;
}

/** The SVG with "(variant k)" appended to its first <title> and a small marker circle added. */
export function variantOf(svg: string, k: number): string {
  let out = svg.replace(/(<title\b[^>]*>)([\s\S]*?)(<\/title>)/, (_m, open: string, text: string, close: string) => `${open}${text} (variant ${k})${close}`);
  const marker = `<circle cx="${8 + (k % 20) * 3}" cy="${8 + (k % 7) * 3}" r="3" fill="var(--cb-diagram-accent, #2357c6)"/>`;
  const end = out.lastIndexOf('</svg>');
  if (end >= 0) out = out.slice(0, end) + marker + '\n' + out.slice(end);
  return out;
}

/**
 * The site's diagram colours as CSS references, for the text-diagram renderers.
 *
 * Every renderer's output is rewritten to use these instead of fixed colours, so one SVG
 * follows light and dark mode through the `--cb-diagram-*` custom properties the site
 * defines (brief point 9). The fallbacks are the light theme, which is what a reader sees
 * when the standalone file (/diagrams/<name>.svg) is opened outside the site.
 */

export const DIAGRAM_COLOURS = {
  fg: 'var(--cb-diagram-fg, #1b2230)',
  muted: 'var(--cb-diagram-muted, #5b6475)',
  bg: 'var(--cb-diagram-bg, #ffffff)',
  surface: 'var(--cb-diagram-surface, #ffffff)',
  border: 'var(--cb-diagram-border, #6b7385)',
  accent: 'var(--cb-diagram-accent, #2563eb)',
  danger: 'var(--cb-diagram-danger, #c2410c)',
  ok: 'var(--cb-diagram-ok, #15803d)',
} as const;

export type DiagramColourRole = keyof typeof DIAGRAM_COLOURS;

/** Font stack for diagram text: the site's Inter first, then what every system has. */
export const DIAGRAM_FONT = 'Inter, system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif';

/**
 * Replaces colour values in SVG markup: attribute values (`fill="#fff"`) and CSS
 * declarations (`fill:#fff;`) alike. `map` keys are lower-case colours as the renderer
 * writes them (hex or keyword); colours not in the map (chosen by the author) are kept.
 */
export function recolour(svg: string, map: ReadonlyMap<string, string>): string {
  const swap = (value: string): string => map.get(value.trim().toLowerCase()) ?? value;
  return svg
    .replace(
      /\b(fill|stroke|color|stop-color|background-color)="([^"]*)"/g,
      (_m, attr: string, value: string) => `${attr}="${swap(value)}"`,
    )
    .replace(
      /\b(fill|stroke|color|stop-color|background-color)\s*:\s*(#[0-9a-fA-F]{3,8}|[a-zA-Z]+)\s*(?=[;}"])/g,
      (_m, prop: string, value: string) => `${prop}:${swap(value)}`,
    );
}

/**
 * The diagram palette, for places where the site's stylesheet is absent.
 *
 * Inline diagrams take `--cb-diagram-*` from the page (src/styles/global.css defines them
 * for both schemes). A diagram opened on its own (`/diagrams/<name>.svg`) has no page
 * around it, so the standalone file carries this small stylesheet: the same values, switched
 * by `prefers-color-scheme`. Keep the two in step when the palette changes.
 */

export const DIAGRAM_VARIABLES = ['fg', 'muted', 'bg', 'surface', 'border', 'accent', 'danger', 'ok'] as const;
export type DiagramVariable = (typeof DIAGRAM_VARIABLES)[number];
export type Palette = Record<DiagramVariable, string>;

export const LIGHT_PALETTE: Palette = {
  fg: '#1b2230', muted: '#5a6478', bg: '#ffffff', surface: '#f6f8fb',
  border: '#44506a', accent: '#2357c6', danger: '#b42318', ok: '#1a7f37',
};

export const DARK_PALETTE: Palette = {
  fg: '#e6e9ef', muted: '#a4adbd', bg: '#0f1420', surface: '#182033',
  border: '#8a96ad', accent: '#7aa2ff', danger: '#ff7b72', ok: '#56d364',
};

export function paletteDeclarations(p: Palette): string {
  return DIAGRAM_VARIABLES.map((v) => `--cb-diagram-${v}:${p[v]}`).join(';');
}

/**
 * CSS for a standalone diagram. `:root` (0,1,0) loses to the diagram's own scoped rules
 * (`#<name>-root`, 1,0,0), so a diagram that sets its own variables keeps them.
 */
export function standaloneThemeCss(): string {
  return (
    `:root{color-scheme:light dark;${paletteDeclarations(LIGHT_PALETTE)};color:var(--cb-diagram-fg);background:var(--cb-diagram-bg)}` +
    `@media (prefers-color-scheme:dark){:root{${paletteDeclarations(DARK_PALETTE)}}}`
  );
}

/**
 * The diagram viewer's geometry, as pure functions (the DOM part is
 * src/scripts/diagram-viewer.ts). A view is `translate(x, y) scale(scale)` applied to the
 * diagram's layer with `transform-origin: 0 0`, in CSS pixels of the stage; at scale 1 the
 * diagram fits the stage. Zooming keeps the point under the pointer (or the stage's centre)
 * where it is, the way map and image viewers behave.
 */
export interface View {
  scale: number;
  x: number;
  y: number;
}

export const MIN_SCALE = 0.5;
export const MAX_SCALE = 8;
/** One keyboard or button zoom step. */
export const ZOOM_STEP = 1.25;
/** One arrow-key pan step, in CSS pixels (Shift pans four times as far). */
export const PAN_STEP = 48;

export const IDENTITY: View = { scale: 1, x: 0, y: 0 };

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/** Zoom by `factor` about the stage point (px, py), within MIN_SCALE..MAX_SCALE. */
export function zoomAt(view: View, factor: number, px: number, py: number): View {
  if (!Number.isFinite(factor) || factor <= 0) return view;
  const scale = clamp(view.scale * factor, MIN_SCALE, MAX_SCALE);
  const k = scale / view.scale;
  return { scale, x: px - (px - view.x) * k, y: py - (py - view.y) * k };
}

export function panBy(view: View, dx: number, dy: number): View {
  return { ...view, x: view.x + dx, y: view.y + dy };
}

/**
 * A wheel event's zoom factor: smooth for trackpads (small deltas) and mice (±100 per notch
 * gives 1.22×), with line and page deltas converted to pixels first.
 */
export function wheelFactor(deltaY: number, deltaMode: number): number {
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  return Math.exp(-clamp(pixels, -200, 200) * 0.002);
}

/** The zoom level as readers see it: "100%". */
export function zoomLabel(view: View): string {
  return `${Math.round(view.scale * 100)}%`;
}

export type ViewerKeyAction =
  | { kind: 'zoom'; factor: number }
  | { kind: 'pan'; dx: number; dy: number }
  | { kind: 'reset' };

/**
 * What a key does in the viewer: `+`/`=` zoom in, `-`/`_` zoom out, `0` back to fit, arrows
 * pan (the picture moves the way the arrow points to show what is beyond). Esc is the
 * dialog's own. Keys with Ctrl/Alt/Meta stay the browser's (Ctrl+`+` is page zoom).
 */
export function keyAction(key: string, mods: { shift: boolean; ctrl: boolean; alt: boolean; meta: boolean }): ViewerKeyAction | undefined {
  if (mods.ctrl || mods.alt || mods.meta) return undefined;
  const step = mods.shift ? PAN_STEP * 4 : PAN_STEP;
  switch (key) {
    case '+':
    case '=':
      return { kind: 'zoom', factor: ZOOM_STEP };
    case '-':
    case '_':
      return { kind: 'zoom', factor: 1 / ZOOM_STEP };
    case '0':
      return { kind: 'reset' };
    case 'ArrowLeft':
      return { kind: 'pan', dx: step, dy: 0 };
    case 'ArrowRight':
      return { kind: 'pan', dx: -step, dy: 0 };
    case 'ArrowUp':
      return { kind: 'pan', dx: 0, dy: step };
    case 'ArrowDown':
      return { kind: 'pan', dx: 0, dy: -step };
    default:
      return undefined;
  }
}

/** Two-finger pinch: the scale change and the midpoint between the two pointers. */
export function pinch(a: [number, number], b: [number, number], a0: [number, number], b0: [number, number]) {
  const d = Math.hypot(a[0] - b[0], a[1] - b[1]);
  const d0 = Math.hypot(a0[0] - b0[0], a0[1] - b0[1]);
  return {
    factor: d0 > 0 ? d / d0 : 1,
    mid: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] as [number, number],
    mid0: [(a0[0] + b0[0]) / 2, (a0[1] + b0[1]) / 2] as [number, number],
  };
}

export function cssTransform(view: View): string {
  return `translate(${view.x.toFixed(2)}px, ${view.y.toFixed(2)}px) scale(${view.scale.toFixed(4)})`;
}

/**
 * The full-screen diagram viewer: a modal <dialog> with the figure's diagram, zoomable and
 * pannable with the wheel, a pinch, a drag, double-click, buttons and the keyboard
 * (+ - 0, arrows; Esc closes). Loaded on demand by src/components/DiagramViewer.astro the first time a
 * reader asks for it, so pages pay nothing until then.
 *
 * Hand-written rather than @beoe/pan-zoom, which was considered: it is built for diagrams
 * inline in a page, so it zooms only with Ctrl+wheel and pans only with two fingers (to leave
 * page scrolling alone). In a full-screen dialog there is no page to scroll, and readers expect
 * the plain wheel to zoom and one finger to pan; its handlers cannot be told so. The geometry
 * lives in src/lib/viewer/view.ts (unit-tested); this file only wires it to the DOM.
 *
 * A modal dialog (showModal) makes the rest of the page inert, so focus stays inside it and
 * assistive technology announces a dialog named after the diagram; closing returns focus to
 * the link that opened it.
 */
import { cssTransform, IDENTITY, keyAction, panBy, pinch, wheelFactor, zoomAt, zoomLabel, ZOOM_STEP, type View } from '../lib/viewer/view.ts';

interface Viewer {
  dialog: HTMLDialogElement;
  title: HTMLElement;
  stage: HTMLElement;
  layer: HTMLElement;
  level: HTMLOutputElement;
  standalone: HTMLAnchorElement;
}

let viewer: Viewer | undefined;
let view: View = IDENTITY;
let opener: HTMLElement | undefined;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

/** A button with a visible symbol and a spoken name. */
function button(action: string, symbol: string, name: string): HTMLButtonElement {
  return el('button', { type: 'button', 'data-viewer-action': action }, el('span', { 'aria-hidden': 'true' }, symbol), el('span', { class: 'visually-hidden' }, name));
}

function render() {
  if (!viewer) return;
  viewer.layer.style.transform = cssTransform(view);
  viewer.level.value = zoomLabel(view);
}

function stagePoint(e: { clientX: number; clientY: number }): [number, number] {
  const r = viewer!.stage.getBoundingClientRect();
  return [e.clientX - r.left, e.clientY - r.top];
}

function stageCentre(): [number, number] {
  const r = viewer!.stage.getBoundingClientRect();
  return [r.width / 2, r.height / 2];
}

function zoom(factor: number, at = stageCentre()) {
  view = zoomAt(view, factor, at[0], at[1]);
  render();
}

function build(): Viewer {
  const title = el('h2', { id: 'diagram-viewer-title' });
  const level = el('output', { 'aria-live': 'polite', 'aria-label': 'Zoom level' }, '100%');
  const standalone = el('a', { href: '#', class: 'viewer-file' }, 'Open SVG');
  const tools = el(
    'div',
    { class: 'viewer-tools', role: 'group', 'aria-label': 'Zoom' },
    button('out', '−', 'Zoom out'),
    level,
    button('in', '+', 'Zoom in'),
    button('reset', 'Fit', 'Fit to screen'),
  );
  const close = el('button', { type: 'button', class: 'viewer-close', 'data-viewer-action': 'close' }, 'Close');
  const layer = el('div', { class: 'viewer-layer' });
  const help = el('p', { id: 'diagram-viewer-help', class: 'viewer-help' }, 'Drag to move, wheel or pinch to zoom. Keys: + and − zoom, 0 fits, arrows move, Esc closes.');
  const stage = el('div', { class: 'viewer-stage', tabindex: '0', role: 'group', 'aria-roledescription': 'zoomable diagram', 'aria-describedby': help.id }, layer);
  const dialog = el(
    'dialog',
    { class: 'diagram-viewer', 'aria-labelledby': title.id, 'data-diagram-viewer': '' },
    el('div', { class: 'viewer-bar' }, title, tools, standalone, close),
    stage,
    help,
  );
  document.body.append(dialog);

  dialog.addEventListener('click', (e) => {
    const action = (e.target as Element).closest<HTMLElement>('[data-viewer-action]')?.dataset.viewerAction;
    if (action === 'in') zoom(ZOOM_STEP);
    else if (action === 'out') zoom(1 / ZOOM_STEP);
    else if (action === 'reset') ((view = IDENTITY), render());
    else if (action === 'close') dialog.close();
  });
  dialog.addEventListener('keydown', (e) => {
    // A modal dialog already makes the page inert; this keeps Tab from leaving for the
    // browser's own toolbar too, wrapping from the last control to the first and back.
    if (e.key === 'Tab') {
      const stops = [...dialog.querySelectorAll<HTMLElement>('button, a[href], [tabindex="0"]')];
      const first = stops[0];
      const last = stops[stops.length - 1];
      if (e.shiftKey && document.activeElement === first) (e.preventDefault(), last?.focus());
      else if (!e.shiftKey && document.activeElement === last) (e.preventDefault(), first?.focus());
      return;
    }
    const action = keyAction(e.key, { shift: e.shiftKey, ctrl: e.ctrlKey, alt: e.altKey, meta: e.metaKey });
    if (!action) return;
    e.preventDefault();
    if (action.kind === 'zoom') zoom(action.factor);
    else if (action.kind === 'reset') view = IDENTITY;
    else view = panBy(view, action.dx, action.dy);
    render();
  });
  dialog.addEventListener('close', () => {
    layer.replaceChildren();
    view = IDENTITY;
    opener?.focus();
    opener = undefined;
  });

  stage.addEventListener(
    'wheel',
    (e) => {
      e.preventDefault();
      zoom(wheelFactor(e.deltaY, e.deltaMode), stagePoint(e));
    },
    { passive: false },
  );
  stage.addEventListener('dblclick', (e) => zoom(2, stagePoint(e)));

  // One pointer drags, two pinch; pointer events cover mouse, pen and touch alike.
  const pointers = new Map<number, [number, number]>();
  stage.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    try {
      stage.setPointerCapture(e.pointerId);
    } catch {
      // A pointer the browser no longer tracks cannot be captured; dragging still works inside.
    }
    pointers.set(e.pointerId, stagePoint(e));
    stage.classList.add('is-dragging');
  });
  stage.addEventListener('pointermove', (e) => {
    const previous = pointers.get(e.pointerId);
    if (!previous) return;
    const now = stagePoint(e);
    if (pointers.size === 1) {
      view = panBy(view, now[0] - previous[0], now[1] - previous[1]);
    } else if (pointers.size === 2) {
      const other = [...pointers].find(([id]) => id !== e.pointerId)![1];
      const p = pinch(now, other, previous, other);
      view = panBy(zoomAt(view, p.factor, p.mid0[0], p.mid0[1]), p.mid[0] - p.mid0[0], p.mid[1] - p.mid0[1]);
    }
    pointers.set(e.pointerId, now);
    render();
  });
  const lift = (e: PointerEvent) => {
    pointers.delete(e.pointerId);
    if (pointers.size === 0) stage.classList.remove('is-dragging');
  };
  stage.addEventListener('pointerup', lift);
  stage.addEventListener('pointercancel', lift);

  return { dialog, title, stage, layer, level, standalone };
}

/** The diagram to show: a copy of the figure's inline SVG, else its picture, else the file. */
function contentFor(figure: Element | null, href: string, label: string): Element {
  const svg = figure?.querySelector('.canvas svg');
  if (svg) {
    const copy = svg.cloneNode(true) as SVGSVGElement;
    // The copy is named directly: its <title>/<desc> ids would otherwise exist twice.
    copy.removeAttribute('aria-labelledby');
    copy.removeAttribute('aria-describedby');
    copy.setAttribute('aria-label', label);
    for (const node of copy.querySelectorAll('title[id], desc[id]')) node.removeAttribute('id');
    return copy;
  }
  const img = figure?.querySelector<HTMLImageElement>('.canvas img');
  const picture = el('img', { src: img?.currentSrc || href, alt: label, draggable: 'false' });
  return picture;
}

function labelFor(figure: Element | null, link: HTMLElement): string {
  const svg = figure?.querySelector('.canvas svg');
  const named =
    svg?.getAttribute('aria-label') ??
    (svg?.getAttribute('aria-labelledby') ? document.getElementById(svg.getAttribute('aria-labelledby')!)?.textContent : undefined) ??
    figure?.querySelector('.canvas img')?.getAttribute('alt') ??
    figure?.querySelector('figcaption')?.textContent ??
    link.textContent;
  return named?.trim() || 'Diagram';
}

export function openViewer(link: HTMLAnchorElement) {
  viewer ??= build();
  const figure = link.closest('figure[data-diagram]');
  const label = labelFor(figure, link);
  viewer.title.textContent = label;
  viewer.standalone.href = link.href;
  viewer.layer.replaceChildren(contentFor(figure, link.href, label));
  view = IDENTITY;
  render();
  opener = link;
  viewer.dialog.showModal();
  viewer.stage.focus();
}

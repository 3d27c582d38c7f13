/** The diagram viewer's geometry: zoom about a point, limits, wheel, keys, pinch. */
import { describe, expect, it } from 'vitest';
import { cssTransform, IDENTITY, keyAction, MAX_SCALE, MIN_SCALE, panBy, pinch, wheelFactor, zoomAt, zoomLabel } from '../../../src/lib/viewer/view.ts';
import { bundleScript } from '../../../src/tools/client-bundle/bundle.ts';
import { BUDGETS } from '../../../src/tools/page-weight/budgets.ts';
import { VIEWER_ENTRY } from '../../../src/lib/viewer/files.ts';

describe('zoomAt', () => {
  it('keeps the point under the pointer where it is', () => {
    const v = zoomAt(panBy(IDENTITY, 30, -10), 2, 200, 100);
    // Diagram point under (200, 100) before: ((200-30)/1, (100+10)/1) = (170, 110); after: same.
    expect(((200 - v.x) / v.scale)).toBeCloseTo(170);
    expect(((100 - v.y) / v.scale)).toBeCloseTo(110);
    expect(v.scale).toBe(2);
  });
  it('stays within the limits and ignores nonsense factors', () => {
    expect(zoomAt(IDENTITY, 1000, 0, 0).scale).toBe(MAX_SCALE);
    expect(zoomAt(IDENTITY, 0.0001, 0, 0).scale).toBe(MIN_SCALE);
    expect(zoomAt(IDENTITY, 0, 5, 5)).toEqual(IDENTITY);
    expect(zoomAt(IDENTITY, Number.NaN, 5, 5)).toEqual(IDENTITY);
    // At the limit, zooming further does not drift the picture.
    const max = zoomAt(IDENTITY, 1000, 50, 50);
    expect(zoomAt(max, 2, 80, 10)).toEqual(max);
  });
});

describe('input', () => {
  it('the wheel zooms in when scrolled up, out when down, whatever the delta unit', () => {
    expect(wheelFactor(-100, 0)).toBeGreaterThan(1);
    expect(wheelFactor(100, 0)).toBeLessThan(1);
    expect(wheelFactor(-3, 1)).toBeCloseTo(wheelFactor(-48, 0));
    // One huge trackpad fling does not jump to the limit.
    expect(wheelFactor(-100000, 0)).toBeCloseTo(wheelFactor(-200, 0));
  });
  it('keys: + - 0 and arrows; browser shortcuts left alone', () => {
    const none = { shift: false, ctrl: false, alt: false, meta: false };
    expect(keyAction('+', none)).toEqual({ kind: 'zoom', factor: 1.25 });
    expect(keyAction('=', none)).toEqual({ kind: 'zoom', factor: 1.25 });
    expect(keyAction('-', none)).toEqual({ kind: 'zoom', factor: 0.8 });
    expect(keyAction('0', none)).toEqual({ kind: 'reset' });
    expect(keyAction('ArrowLeft', none)).toEqual({ kind: 'pan', dx: 48, dy: 0 });
    expect(keyAction('ArrowDown', { ...none, shift: true })).toEqual({ kind: 'pan', dx: 0, dy: -192 });
    expect(keyAction('+', { ...none, ctrl: true })).toBeUndefined();
    expect(keyAction('Escape', none)).toBeUndefined();
    expect(keyAction('a', none)).toBeUndefined();
  });
  it('a pinch reports the spread and the midpoints', () => {
    expect(pinch([0, 0], [200, 0], [50, 0], [150, 0])).toEqual({ factor: 2, mid: [100, 0], mid0: [100, 0] });
    expect(pinch([0, 0], [0, 0], [0, 0], [0, 0]).factor).toBe(1);
  });
  it('prints the transform and the zoom level', () => {
    expect(cssTransform({ scale: 1.5, x: 10, y: -4 })).toBe('translate(10.00px, -4.00px) scale(1.5000)');
    expect(zoomLabel({ scale: 1.5625, x: 0, y: 0 })).toBe('156%');
  });
});

describe('the bundled viewer', () => {
  it('is one self-contained ES module within its budget', async () => {
    const code = await bundleScript(VIEWER_ENTRY);
    expect(code).toMatch(/export\s*\{[^}]*openViewer/);
    expect(code).not.toMatch(/^\s*import\s/m);
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(BUDGETS.diagramViewerJsBytes);
  });
});

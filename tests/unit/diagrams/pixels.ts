/**
 * Pixel comparison of two PNG screenshots for the diagram fidelity check (pngjs decodes,
 * pixelmatch counts differing pixels, ignoring anti-aliasing noise).
 */
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

export interface PixelDiff {
  width: number;
  height: number;
  /** Pixels that differ beyond pixelmatch's colour threshold. */
  differing: number;
  /** differing / all pixels. */
  ratio: number;
  /** A PNG highlighting the differences, for a human to look at when the check fails. */
  diffPng: Buffer;
}

export function comparePngs(before: Buffer, after: Buffer): PixelDiff {
  const a = PNG.sync.read(before);
  const b = PNG.sync.read(after);
  if (a.width !== b.width || a.height !== b.height) {
    throw new Error(`screenshots differ in size: ${a.width}x${a.height} before, ${b.width}x${b.height} after`);
  }
  const diff = new PNG({ width: a.width, height: a.height });
  const differing = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.1 });
  return { width: a.width, height: a.height, differing, ratio: differing / (a.width * a.height), diffPng: PNG.sync.write(diff) };
}

/**
 * A case study's `cover.image` as the picture on its share card. satori draws PNG and
 * JPEG only, and the card tree is also the cache key, so the picture is scaled down with
 * sharp to the size it is drawn at (twice that for sharpness would be wasted: the card is
 * rasterised at 1200x630) and embedded as a PNG data URI.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { coverImageKey } from '../cover-images.ts';
import { PICTURE_BORDER, PICTURE_BOX, type CardPicture } from './card.ts';

/** The largest size with the picture's own proportions that fits inside the panel's frame. */
export function fitPicture(width: number, height: number): { width: number; height: number } {
  const maxW = PICTURE_BOX.width - 2 * PICTURE_BORDER;
  const maxH = PICTURE_BOX.height - 2 * PICTURE_BORDER;
  const scale = Math.min(maxW / width, maxH / height, 1);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * `studyFile` is the study's path from the project root (`content/case-studies/x.md`),
 * `image` its `cover.image` (`./x/shot.png`). The validator has already checked that the
 * file exists; a picture sharp cannot read fails with the study's name.
 */
export async function coverPicture(studyFile: string, image: string, root: string = process.cwd()): Promise<CardPicture> {
  const file = path.join(root, coverImageKey(studyFile, image));
  try {
    const input = sharp(await readFile(file));
    const meta = await input.metadata();
    if (!meta.width || !meta.height) throw new Error('the picture has no size');
    const size = fitPicture(meta.width, meta.height);
    const png = await input.resize(size.width, size.height).flatten({ background: '#ffffff' }).png().toBuffer();
    return { src: `data:image/png;base64,${png.toString('base64')}`, ...size };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${studyFile}: cover.image: could not read "${image}" for the share card: ${reason}`);
  }
}

/** A study with `cover.image` shows that picture on its share card, beside the text. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PICTURE_BOX } from '../../../src/lib/og-image/card.ts';
import { caseStudyCard } from '../../../src/lib/og-image/cards.ts';
import { coverPicture, fitPicture } from '../../../src/lib/og-image/cover-picture.ts';
import { renderCardPng } from '../../../src/lib/og-image/renderer.ts';
import { siteConfig } from '../../../src/site.config.ts';

const study = { title: 'Sizing a worker pool', category: 'Capacity Planning', status: 'production' as const, stack: ['Go'] };
const ORANGE = { r: 230, g: 120, b: 20 };
let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'casebook-cover-'));
  await mkdir(path.join(root, 'content/case-studies/pool'), { recursive: true });
  const shot = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: ORANGE } }).png().toBuffer();
  await writeFile(path.join(root, 'content/case-studies/pool/shot.png'), shot);
  await writeFile(path.join(root, 'content/case-studies/pool/broken.png'), 'not a picture');
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** The colour of the card at the centre of the picture panel (right of the text column). */
async function panelCentre(png: Uint8Array) {
  const image = PNG.sync.read(Buffer.from(png));
  // Accent bar 16 + padding 72 on the left; the panel is the last PICTURE_BOX.width before the right padding.
  const x = image.width - 72 - PICTURE_BOX.width / 2;
  const y = Math.round(image.height / 2);
  const i = (y * image.width + x) * 4;
  return { r: image.data[i]!, g: image.data[i + 1]!, b: image.data[i + 2]! };
}

describe('cover.image on the share card', () => {
  it('keeps the picture\'s proportions inside the panel and never enlarges it', () => {
    const wide = fitPicture(1600, 1000);
    expect(wide.width).toBeLessThanOrEqual(PICTURE_BOX.width);
    expect(wide.height).toBeLessThanOrEqual(PICTURE_BOX.height);
    expect(wide.width / wide.height).toBeCloseTo(1.6, 1);
    expect(fitPicture(120, 80)).toEqual({ width: 120, height: 80 });
  });

  it('draws the picture where a card without one is blank', async () => {
    const picture = await coverPicture('content/case-studies/pool.md', './pool/shot.png', root);
    expect(picture.src.startsWith('data:image/png;base64,')).toBe(true);
    const withPicture = await panelCentre(await renderCardPng(caseStudyCard(study, siteConfig, picture)));
    const without = await panelCentre(await renderCardPng(caseStudyCard(study, siteConfig)));
    expect(withPicture).toEqual(ORANGE);
    expect(without).not.toEqual(ORANGE);
  });

  it('names the study and the picture when the file is not an image', async () => {
    await expect(coverPicture('content/case-studies/pool.md', './pool/broken.png', root)).rejects.toThrow(
      /content\/case-studies\/pool\.md: cover\.image: could not read "\.\/pool\/broken\.png"/,
    );
  });
});

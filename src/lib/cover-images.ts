/**
 * `cover.image`: a picture next to the case study (`./dashboard.png`), resolved to Astro's
 * image metadata so cards and the share card use the optimised file. Every image under
 * content/case-studies/ is known to Vite through one glob; a study's path is resolved
 * against its own folder, as images in the body are.
 */
import path from 'node:path';
import type { ImageMetadata } from 'astro';

const IMAGES = import.meta.glob<{ default: ImageMetadata }>('/content/case-studies/**/*.{png,jpg,jpeg,webp,avif,gif,PNG,JPG,JPEG,WEBP}');

/** `content/case-studies/x.md` + `./shots/a.png` -> `/content/case-studies/shots/a.png`. */
export function coverImageKey(studyFile: string, image: string): string {
  return path.posix.normalize(`/${path.posix.join(path.posix.dirname(studyFile.replace(/\\/g, '/')), image)}`);
}

export async function coverImage(studyFile: string, image: string): Promise<ImageMetadata> {
  const key = coverImageKey(studyFile, image);
  const load = IMAGES[key];
  if (!load) throw new Error(`${studyFile}: cover.image: found "${image}", which does not exist (looked for ${key.slice(1)}) — put the picture next to the case study`);
  return (await load()).default;
}

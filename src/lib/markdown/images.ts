/**
 * Which image references in a case study are local files (optimised by Astro, and required
 * to exist) and which are remote (left as they are, never fetched).
 */
import { Parser } from 'htmlparser2';

/** `./x.png`, `figures/x.png`, `../shared/x.png`; not `/x.png` (public/), URLs or data: URIs. */
export function isRelativeImage(src: string): boolean {
  return src !== '' && !src.startsWith('/') && !src.startsWith('#') && !/^[a-z][a-z0-9+.-]*:/i.test(src);
}

export function isRemoteImage(src: string): boolean {
  return /^(https?:)?\/\//i.test(src);
}

/** The `src` of every `<img>` in a fragment of HTML. */
export function htmlImageSources(html: string): string[] {
  const sources: string[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'img' && attributes['src'] !== undefined) sources.push(attributes['src']);
    },
  });
  parser.write(html);
  parser.end();
  return sources;
}

/**
 * The sitemap check: every <loc> in dist/sitemap*.xml must be a page that exists, on this
 * site's origin and under its base path; a sitemap index must point at sitemaps that exist.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import type { BrokenLink, SiteIndex } from './site-index.ts';

function locs(xml: string): string[] {
  const found: string[] = [];
  let inLoc = false;
  let text = '';
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'loc') {
          inLoc = true;
          text = '';
        }
      },
      ontext(chunk) {
        if (inLoc) text += chunk;
      },
      onclosetag(name) {
        if (name === 'loc') {
          inLoc = false;
          found.push(text.trim());
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return found;
}

export async function checkSitemaps(index: SiteIndex, distDir: string): Promise<BrokenLink[]> {
  const sitemaps = [...index.files].filter((f) => /^sitemap[^/]*\.xml$/.test(f)).sort();
  const broken: BrokenLink[] = [];
  for (const file of sitemaps) {
    const page = `${index.base}${file}`;
    const xml = await readFile(path.join(distDir, file), 'utf8');
    for (const loc of locs(xml)) {
      let url: URL;
      try {
        url = new URL(loc);
      } catch {
        broken.push({ page, target: loc, reason: 'not an absolute URL', via: '<loc>' });
        continue;
      }
      if (url.origin !== index.origin) {
        broken.push({ page, target: loc, reason: `not on this site (${index.origin})`, via: '<loc>' });
        continue;
      }
      const resolved = index.resolve(loc, page);
      if (resolved.kind === 'broken') broken.push({ page, target: loc, reason: resolved.reason, via: '<loc>' });
      else if (resolved.kind === 'internal' && !resolved.file) {
        const what = file.includes('index') ? 'a sitemap' : 'a page';
        broken.push({ page, target: loc, reason: `the sitemap lists ${what} that does not exist`, via: '<loc>' });
      }
    }
  }
  return broken;
}

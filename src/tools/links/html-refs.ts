/**
 * Reads one HTML page: the ids/names a fragment can point at, and every URL it references.
 *
 * Uses htmlparser2's streaming callbacks (no DOM is built), which is what keeps a
 * thousand-page check down to about a second.
 */
import { Parser } from 'htmlparser2';

export interface PageRef {
  /** The attribute value as written (for srcset: one candidate URL). */
  url: string;
  /** Where it came from, e.g. `<img srcset>`, for the report. */
  via: string;
}

export interface PageScan {
  /** Values of every id and <a name>, the targets of #fragments. */
  anchors: Set<string>;
  refs: PageRef[];
}

/** Attributes holding one URL, per element. */
const URL_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href'],
  area: ['href'],
  img: ['src'],
  source: ['src'],
  script: ['src'],
  iframe: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
};

/** <link rel> values whose href is a resource the page needs or points readers/robots to. */
const CHECKED_LINK_RELS = new Set([
  'stylesheet',
  'icon',
  'shortcut',
  'apple-touch-icon',
  'mask-icon',
  'manifest',
  'alternate',
  'canonical',
  'preload',
  'modulepreload',
  'prefetch',
  'sitemap',
  'search',
  'prev',
  'next',
]);

/** <meta> whose content is a URL worth checking when it is on this site (social cards). */
const URL_METAS = new Set(['og:image', 'og:url', 'twitter:image', 'og:image:secure_url']);

/**
 * The URLs of a srcset ("a.png 1x, b.png 2x" → [a.png, b.png]), following the HTML spec's
 * parsing: a URL is a run of non-spaces (trailing commas end the candidate), and descriptors
 * run to the next comma.
 */
export function srcsetUrls(srcset: string): string[] {
  const urls: string[] = [];
  let i = 0;
  const n = srcset.length;
  while (i < n) {
    while (i < n && (srcset[i] === ',' || /\s/.test(srcset[i]!))) i++;
    const start = i;
    while (i < n && !/\s/.test(srcset[i]!)) i++;
    let url = srcset.slice(start, i);
    if (url === '') break;
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      while (i < n && srcset[i] !== ',') i++; // skip descriptors
    }
    if (url !== '') urls.push(url);
  }
  return urls;
}

export function scanHtml(html: string): PageScan {
  const anchors = new Set<string>();
  const refs: PageRef[] = [];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (attribs['id']) anchors.add(attribs['id']);
        if (name === 'a' && attribs['name']) anchors.add(attribs['name']);
        for (const attr of URL_ATTRIBUTES[name] ?? []) {
          const value = attribs[attr];
          if (value !== undefined) refs.push({ url: value, via: `<${name} ${attr}>` });
        }
        if ((name === 'img' || name === 'source') && attribs['srcset']) {
          for (const url of srcsetUrls(attribs['srcset'])) refs.push({ url, via: `<${name} srcset>` });
        }
        if (name === 'link' && attribs['href'] !== undefined) {
          const rels = (attribs['rel'] ?? '').toLowerCase().split(/\s+/);
          if (rels.some((r) => CHECKED_LINK_RELS.has(r))) refs.push({ url: attribs['href'], via: `<link rel="${attribs['rel']}">` });
          if (attribs['imagesrcset']) for (const url of srcsetUrls(attribs['imagesrcset'])) refs.push({ url, via: '<link imagesrcset>' });
        }
        if (name === 'meta') {
          const key = attribs['property'] ?? attribs['name'];
          if (key && URL_METAS.has(key) && attribs['content']) refs.push({ url: attribs['content'], via: `<meta ${key}>` });
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return { anchors, refs };
}

/** The ids in an SVG file (targets of sprite references such as icons.svg#logo). */
export function scanSvgIds(svg: string): Set<string> {
  const ids = new Set<string>();
  const parser = new Parser(
    {
      onopentag(_name, attribs) {
        if (attribs['id']) ids.add(attribs['id']);
      },
    },
    { xmlMode: true },
  );
  parser.end(svg);
  return ids;
}

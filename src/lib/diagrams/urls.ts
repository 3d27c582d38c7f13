/**
 * What kind of thing a URL in a diagram points at.
 *
 * The sanitiser allows URLs by kind, never by a list of bad schemes: browsers ignore tabs,
 * newlines and case in schemes (`jav&#9;ascript:`), so the value is normalised first and
 * then anything that is not clearly inert is treated as active.
 */

export type UrlKind =
  /** `#id`: a reference inside the same diagram. */
  | 'fragment'
  /** `data:image/png|jpeg|gif|webp|avif|svg+xml`: an embedded picture (inert in an image context). */
  | 'embedded-image'
  /** `data:font/...` or `data:application/font-...`: an embedded font for `@font-face`. */
  | 'embedded-font'
  /** `http(s):`, `mailto:` or a scheme-less path: a link or a resource outside the file. */
  | 'external'
  /** `javascript:`, `vbscript:`, `data:text/html` and every other scheme: never allowed. */
  | 'active';

const EMBEDDED_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif|svg\+xml)[;,]/;
const EMBEDDED_FONT =
  /^data:(?:font\/(?:woff2?|ttf|otf|sfnt|collection)|application\/(?:font-woff2?|x-font-ttf|x-font-otf|font-sfnt|vnd\.ms-fontobject|octet-stream))[;,]/;
const SCHEME = /^([a-z][a-z0-9+.-]*):/;

/** Lower-cased, with the whitespace and control characters browsers skip removed. */
export function normaliseUrl(raw: string): string {
  // eslint-disable-next-line no-control-regex
  return raw.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '').toLowerCase();
}

export function classifyUrl(raw: string): UrlKind {
  const url = normaliseUrl(raw);
  if (url.startsWith('#')) return 'fragment';
  if (EMBEDDED_IMAGE.test(url)) return 'embedded-image';
  if (EMBEDDED_FONT.test(url)) return 'embedded-font';
  const scheme = SCHEME.exec(url)?.[1];
  if (scheme === undefined || scheme === 'http' || scheme === 'https' || scheme === 'mailto') {
    return 'external';
  }
  return 'active';
}

/** Shortens long (data:) URLs for messages. */
export function describeUrl(raw: string): string {
  const trimmed = raw.trim();
  return trimmed.length > 60 ? `${trimmed.slice(0, 57)}...` : trimmed;
}

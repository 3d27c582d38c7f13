/**
 * The built site as a set of files, and how a URL written on one of its pages resolves to one
 * of them (or is external, ignored or broken). Shared by the page check (check-site.ts) and the
 * sitemap check (sitemap.ts), which both depend on it and not on each other.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

export interface SiteIndexOptions {
  /** The base path the site is served under, "/" or "/repo/". */
  base: string;
  /** The absolute URL of the site (without base); absolute links to it count as internal. */
  siteUrl: string;
}

export interface BrokenLink {
  /** The page (URL path, with base) or file holding the link. */
  page: string;
  /** The link as written. */
  target: string;
  /** Why it is broken. */
  reason: string;
  /** Where it came from, e.g. `<img srcset>`. */
  via: string;
}

/** A reference resolved against the site: a file in dist/ plus an optional fragment. */
export type Resolution =
  | { kind: 'internal'; file: string | undefined; candidates: string[]; fragment: string | undefined; urlPath: string }
  | { kind: 'external'; url: string }
  | { kind: 'ignored' }
  | { kind: 'broken'; reason: string };

const IGNORED_PROTOCOLS = new Set(['mailto:', 'tel:', 'sms:', 'data:', 'blob:', 'javascript:', 'about:']);

export class SiteIndex {
  readonly files: Set<string>;
  private readonly anchorsByFile = new Map<string, Set<string>>();
  readonly origin: string;
  readonly base: string;

  constructor(files: Iterable<string>, options: SiteIndexOptions) {
    this.files = new Set(files);
    this.origin = new URL(options.siteUrl).origin;
    this.base = options.base.endsWith('/') ? options.base : `${options.base}/`;
  }

  setAnchors(file: string, anchors: Set<string>): void {
    this.anchorsByFile.set(file, anchors);
  }

  anchorsOf(file: string): Set<string> | undefined {
    return this.anchorsByFile.get(file);
  }

  /** The URL path (with base) a dist/ file is served at: case-studies/x/index.html → /base/case-studies/x/. */
  urlPathOf(file: string): string {
    return this.base + file.replace(/(^|\/)index\.html$/, '$1');
  }

  /** Resolves `href` as written on the page served at `pageUrlPath`. */
  resolve(href: string, pageUrlPath: string): Resolution {
    const trimmed = href.trim();
    if (trimmed === '') return { kind: 'ignored' };
    let url: URL;
    try {
      url = new URL(trimmed, this.origin + pageUrlPath);
    } catch {
      return { kind: 'broken', reason: 'not a valid URL' };
    }
    if (IGNORED_PROTOCOLS.has(url.protocol)) return { kind: 'ignored' };
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'ignored' };
    if (url.origin !== this.origin) return { kind: 'external', url: url.href };

    const fragment = url.hash ? safeDecode(url.hash.slice(1)) : undefined;
    let pathname = safeDecode(url.pathname);
    if (!pathname.startsWith(this.base) && `${pathname}/` !== this.base) {
      return { kind: 'broken', reason: `outside the base path ${this.base}` };
    }
    pathname = pathname.slice(this.base.length);
    // A directory URL serves its index.html; an extension-less path is served by static hosts
    // as <path>/index.html or <path>.html; a path with an extension is only itself.
    const candidates =
      pathname === '' || pathname.endsWith('/')
        ? [`${pathname}index.html`]
        : /\.[a-z0-9]+$/i.test(pathname)
          ? [pathname]
          : [pathname, `${pathname}/index.html`, `${pathname}.html`];
    const file = candidates.find((c) => this.files.has(c));
    return { kind: 'internal', file, candidates, fragment, urlPath: url.pathname };
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Every file under `dir`, relative, with forward slashes. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

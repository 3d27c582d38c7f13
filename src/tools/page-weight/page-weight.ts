/**
 * What one built page costs a visitor: HTML and linked CSS (gzip), JavaScript (inline and
 * external), and scripts that block rendering in <head>. Reads files from dist/ only, so
 * the budget test and the benchmark measure the same thing without a browser.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  page: string;
  htmlCssGzipBytes: number;
  jsBytes: number;
  headBlockingScripts: number;
  webFonts: number;
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}=["']([^"']+)["']`, 'i').exec(tag)?.[1];

/** Resolve a site URL (with base path) to a file in dist/. */
function fileFor(distDir: string, base: string, url: string): string | undefined {
  if (/^[a-z]+:/i.test(url) || url.startsWith('//')) return undefined;
  const path = url.split(/[?#]/)[0]!;
  const rel = path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, '');
  const file = join(distDir, rel);
  return existsSync(file) ? file : undefined;
}

export function measurePage(distDir: string, htmlFile: string, base = '/'): PageWeight {
  const html = readFileSync(join(distDir, htmlFile), 'utf8');
  let cssText = '';
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    if (!/rel=["']?stylesheet/i.test(tag)) continue;
    const file = fileFor(distDir, base, attr(tag, 'href') ?? '');
    if (file) cssText += readFileSync(file, 'utf8');
  }
  let jsBytes = 0;
  let headBlockingScripts = 0;
  const head = html.slice(0, html.search(/<\/head>/i) + 1 || undefined);
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1] ?? '';
    if (/type=["']application\/(ld\+)?json["']/i.test(attrs)) continue;
    const src = attr(`<s ${attrs}>`, 'src');
    if (src) {
      const file = fileFor(distDir, base, src);
      jsBytes += file ? readFileSync(file).byteLength : 0;
    } else {
      jsBytes += Buffer.byteLength(m[2] ?? '');
    }
    const inHead = m.index !== undefined && m.index < head.length;
    const deferred = /\b(defer|async)\b|type=["']module["']/i.test(attrs);
    if (inHead && !deferred) headBlockingScripts += 1;
  }
  const webFonts = (cssText.match(/@font-face/g) ?? []).length;
  return {
    page: htmlFile,
    htmlCssGzipBytes: gzipSync(html + cssText).byteLength,
    jsBytes,
    headBlockingScripts,
    webFonts,
  };
}

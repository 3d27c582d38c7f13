/**
 * Lossless shrinking of what diagrams embed: raster images and fonts.
 *
 * Base64 PNGs (draw.io, Figma, Excalidraw) and whole font files (Excalidraw, Inkscape, D2)
 * are most of the bytes of the largest exports, and svgo does not touch them.
 *
 * - PNG: re-encoded as lossless WebP and as a maximally compressed PNG (sharp); the smallest
 *   is kept only if it is smaller and decodes to exactly the same pixels (fully transparent
 *   pixels compare by alpha only, as they draw nothing). PNGs carrying a colour profile or
 *   gamma (iCCP, gAMA, cHRM) are left alone: a re-encode would drop them and the browser
 *   would show other colours. JPEG is left alone: every re-encode decodes it, and browsers
 *   decode JPEG slightly differently, so nothing re-encoded is provably the same picture.
 * - Fonts (`data:font/...` in `@font-face`): subset (subset-font, HarfBuzz) to the characters
 *   the diagram's text uses (both letter cases, as CSS may transform them), same format,
 *   kept only when smaller.
 *
 * The pipeline is synchronous and these libraries are not, so `shrinkEmbeddedAssetsSync`
 * runs this module in a child process (embedded-assets-child.ts), only for files that embed
 * something; the registry's content-hash cache means each file pays once. Any failure leaves
 * the file as it was: this is an optimisation, never a reason to fail a build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'htmlparser2';

export interface ShrinkResult {
  source: string;
  /** One line per asset changed, e.g. `PNG 120x40: 18.2 KB -> 9.1 KB (webp)`. */
  notes: string[];
}

const PNG_DATA = /data:image\/png;base64,([A-Za-z0-9+/=\s]+)/g;
const FONT_DATA = /data:(font\/(?:woff2|woff|ttf|otf|sfnt)|application\/(?:font-woff2?|x-font-ttf|x-font-otf|font-sfnt|octet-stream))(;charset=[\w-]+)?;base64,([A-Za-z0-9+/=\s]+)/g;

export function embedsAssets(source: string): boolean {
  return /data:image\/png;base64,/.test(source) || /data:(?:font\/|application\/(?:x-)?font-|application\/octet-stream)[^;,]*;base64,/.test(source);
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

/** PNG chunk types present, to spot colour-managed images. */
function pngChunks(png: Buffer): Set<string> {
  const types = new Set<string>();
  let at = 8;
  while (at + 8 <= png.length) {
    const length = png.readUInt32BE(at);
    types.add(png.toString('latin1', at + 4, at + 8));
    at += 12 + length;
  }
  return types;
}

async function samePixels(a: Buffer, b: Buffer): Promise<boolean> {
  const { default: sharp } = await import('sharp');
  const [x, y] = await Promise.all([a, b].map((buf) => sharp(buf).ensureAlpha().raw().toBuffer({ resolveWithObject: true })));
  if (!x || !y || x.info.width !== y.info.width || x.info.height !== y.info.height || x.data.length !== y.data.length) return false;
  for (let i = 0; i < x.data.length; i += 4) {
    if (x.data[i + 3] !== y.data[i + 3]) return false;
    if (x.data[i + 3] === 0) continue;
    if (x.data[i] !== y.data[i] || x.data[i + 1] !== y.data[i + 1] || x.data[i + 2] !== y.data[i + 2]) return false;
  }
  return true;
}

async function shrinkPng(base64: string): Promise<{ mime: string; base64: string; note: string } | undefined> {
  const { default: sharp } = await import('sharp');
  const original = Buffer.from(base64.replace(/\s+/g, ''), 'base64');
  const chunks = pngChunks(original);
  if (chunks.has('iCCP') || chunks.has('gAMA') || chunks.has('cHRM') || chunks.has('acTL')) return undefined;
  const meta = await sharp(original).metadata();
  if (meta.depth !== 'uchar' || (meta.pages ?? 1) > 1) return undefined;
  const candidates: { mime: string; data: Buffer }[] = [
    { mime: 'image/webp', data: await sharp(original).webp({ lossless: true, effort: 6 }).toBuffer() },
    { mime: 'image/png', data: await sharp(original).png({ compressionLevel: 9, adaptiveFiltering: true, effort: 10 }).toBuffer() },
  ];
  candidates.sort((p, q) => p.data.length - q.data.length);
  for (const c of candidates) {
    if (c.data.length >= original.length) break;
    if (await samePixels(original, c.data)) {
      return { mime: c.mime, base64: c.data.toString('base64'), note: `PNG ${meta.width}x${meta.height}: ${kb(original.length)} -> ${kb(c.data.length)} (${c.mime.slice(6)}, same pixels)` };
    }
  }
  return undefined;
}

/** Every character the diagram can draw: its text, in both letter cases, and CSS `content`. */
export function drawnCharacters(source: string): string {
  const chars = new Set<string>([' ', '\u00a0', '\u2026']);
  interface Node { type: string; name?: string; data?: string; children?: Node[] }
  const walk = (n: Node): void => {
    if (n.type === 'text' || n.type === 'cdata') for (const c of n.data ?? '') chars.add(c);
    if (n.name === 'style' || n.name === 'script') return;
    for (const c of n.children ?? []) walk(c);
  };
  walk(parseDocument(source, { xmlMode: true, decodeEntities: true }) as unknown as Node);
  for (const m of source.matchAll(/content\s*:\s*(["'])(.*?)\1/g)) for (const c of m[2] ?? '') chars.add(c);
  for (const c of [...chars]) {
    chars.add(c.toUpperCase());
    chars.add(c.toLowerCase());
  }
  return [...chars].join('');
}

async function shrinkFont(base64: string, text: string): Promise<{ base64: string; note: string } | undefined> {
  const { default: subsetFont } = await import('subset-font');
  const original = Buffer.from(base64.replace(/\s+/g, ''), 'base64');
  const subset = await subsetFont(original, text);
  if (subset.length >= original.length) return undefined;
  return { base64: Buffer.from(subset).toString('base64'), note: `font: ${kb(original.length)} -> ${kb(subset.length)} (subset to ${text.length} characters)` };
}

async function replaceAsync(text: string, pattern: RegExp, replace: (m: RegExpExecArray) => Promise<string | undefined>): Promise<string> {
  const parts: string[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    const replacement = await replace(m as RegExpExecArray);
    if (replacement === undefined) continue;
    parts.push(text.slice(last, m.index), replacement);
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

export async function shrinkEmbeddedAssets(source: string): Promise<ShrinkResult> {
  const notes: string[] = [];
  let out = await replaceAsync(source, PNG_DATA, async (m) => {
    const done = await shrinkPng(m[1] ?? '').catch(() => undefined);
    if (!done) return undefined;
    notes.push(done.note);
    return `data:${done.mime};base64,${done.base64}`;
  });
  if (new RegExp(FONT_DATA.source).test(out)) {
    const text = drawnCharacters(out);
    out = await replaceAsync(out, FONT_DATA, async (m) => {
      const done = await shrinkFont(m[3] ?? '', text).catch(() => undefined);
      if (!done) return undefined;
      notes.push(done.note);
      return `data:${m[1]}${m[2] ?? ''};base64,${done.base64}`;
    });
  }
  return { source: out, notes };
}

/** The child process that runs `shrinkEmbeddedAssets` for the synchronous pipeline. */
const CHILD = join('src', 'lib', 'diagrams', 'embedded-assets-child.ts');

export function shrinkEmbeddedAssetsSync(source: string, root = process.cwd()): ShrinkResult {
  if (!embedsAssets(source)) return { source, notes: [] };
  const child = join(root, CHILD);
  if (!existsSync(child)) return { source, notes: [] };
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', child], {
      cwd: root, input: source, maxBuffer: 256 * 1024 * 1024, timeout: 120_000, stdio: ['pipe', 'pipe', 'ignore'],
    });
    const parsed = JSON.parse(out.toString('utf8')) as ShrinkResult;
    return typeof parsed.source === 'string' && Array.isArray(parsed.notes) ? parsed : { source, notes: [] };
  } catch {
    return { source, notes: [] };
  }
}

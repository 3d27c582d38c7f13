/**
 * D2 icons (`icon: ./icons/lambda.svg`, `shape: image`): D2 only writes the path into an
 * `<image href>`; the build is offline and a diagram must not load anything, so Casebook
 * embeds each local icon into the SVG as a `data:` URL and refuses remote ones.
 *
 * A relative icon path is looked up next to the case study first, then in the project's
 * `diagrams/` folder, and may not leave that folder. SVG icons go through the same
 * sanitise/optimise pipeline as any diagram before they are embedded; PNG, JPEG, GIF and
 * WebP icons are embedded as they are (the pipeline's image rules then apply to the whole
 * diagram). Every refusal is a `TextDiagramError` naming the icon and its line in the fence.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { processSvg } from '../pipeline.ts';
import { TextDiagramError } from './types.ts';

const IMAGE_HREF = /(<image\b[^>]*?\shref=")([^"]*)(")/g;

const RASTER_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};

/** Icons above this size are refused: a diagram is not the place for a photograph. */
export const MAX_ICON_BYTES = 512 * 1024;

function decodeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Whether an href points off this machine (a scheme other than data:, or `//host`). */
export function isRemoteIcon(href: string): boolean {
  return /^\/\//.test(href) || (/^[a-z][a-z0-9+.-]*:/i.test(href) && !/^data:/i.test(href));
}

/** The 1-based line of the fence that names the icon (D2 writes it as the author did). */
export function iconLine(source: string, href: string): number | undefined {
  const lines = source.split('\n');
  const candidates = [href, safeDecode(href)];
  const index = lines.findIndex((l) => candidates.some((c) => c !== '' && l.includes(c)));
  return index < 0 ? undefined : index + 1;
}

function safeDecode(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

/** The message for a remote icon: the build cannot fetch it, and says how to fix that. */
export function remoteIconError(href: string, source: string): TextDiagramError {
  const last = href.replace(/[?#].*$/, '').split('/').filter(Boolean).pop() ?? 'icon.svg';
  let decoded = last;
  try {
    decoded = decodeURIComponent(last); // icons.terrastruct.com writes `dev%2Fgo.svg`
  } catch {
    /* keep it as written */
  }
  const name = (decoded.split('/').pop() || 'icon.svg').replace(/[^\w.-]+/g, '-');
  return new TextDiagramError(
    'd2',
    `the icon "${href}" is a remote file and the build is offline (a diagram never loads anything): save it next to the case study and write \`icon: ./icons/${name}\``,
    iconLine(source, href),
  );
}

export interface IconFolders {
  /** Folders a relative icon path is resolved against, in order (the study's, then diagrams/). */
  dirs: readonly string[];
  /** Project root, for the paths in messages. */
  root: string;
}

function findIcon(path: string, folders: IconFolders): string | undefined {
  for (const dir of folders.dirs) {
    const file = resolve(dir, path);
    const inside = relative(dir, file);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) continue;
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return undefined;
}

function dataUrl(file: string, folders: IconFolders): string {
  const ext = extname(file).toLowerCase();
  const shown = relative(folders.root, file).split(sep).join('/');
  const size = statSync(file).size;
  if (size > MAX_ICON_BYTES) throw new Error(`${shown} is ${Math.round(size / 1024)} KB; icons may be at most ${MAX_ICON_BYTES / 1024} KB`);
  if (ext === '.svg') {
    const processed = processSvg(readFileSync(file, 'utf8'), { name: 'icon', file: shown });
    return `data:image/svg+xml;base64,${Buffer.from(processed.svg).toString('base64')}`;
  }
  const type = RASTER_TYPES[ext];
  if (!type) throw new Error(`${shown} is not an SVG, PNG, JPEG, GIF or WebP file`);
  return `data:${type};base64,${readFileSync(file).toString('base64')}`;
}

/**
 * Replaces every local icon of a rendered D2 SVG by an embedded copy. `source` is the
 * fence's D2, for the line numbers of errors.
 */
export function embedD2Icons(svg: string, source: string, folders: IconFolders): string {
  return svg.replace(IMAGE_HREF, (match, before: string, rawHref: string, after: string) => {
    const href = decodeAttribute(rawHref);
    if (/^data:/i.test(href)) return match;
    if (isRemoteIcon(href)) throw remoteIconError(href, source);
    const line = iconLine(source, href);
    const path = safeDecode(href.replace(/[?#].*$/, ''));
    const file = findIcon(path, folders);
    if (!file) {
      const where = folders.dirs.map((d) => relative(folders.root, d).split(sep).join('/') || '.').join(' or ');
      throw new TextDiagramError('d2', `the icon "${href}" was not found in ${where} (paths are relative to the case study, then to diagrams/)`, line);
    }
    try {
      return `${before}${dataUrl(file, folders)}${after}`;
    } catch (err) {
      throw new TextDiagramError('d2', `the icon "${href}" cannot be embedded: ${err instanceof Error ? err.message : String(err)}`, line);
    }
  });
}

/**
 * The fonts baked into Open Graph images. Inter comes from @fontsource/inter (already a
 * dependency, OFL-1.1 licensed) as .woff files: satori reads TTF/OTF/WOFF but not WOFF2.
 * They are read from disk, never fetched, so the build works offline. Latin plus
 * Latin Extended covers titles with accents; other scripts fall back to missing glyphs.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

export interface OgFont {
  name: string;
  data: Buffer;
  weight: 400 | 600 | 700;
  style: 'normal';
}

export interface FontSet {
  fonts: OgFont[];
  /** Hash of every font file, so a font upgrade invalidates cached images. */
  digest: string;
}

const FILES: { file: string; weight: OgFont['weight'] }[] = [
  { file: 'inter-latin-400-normal.woff', weight: 400 },
  { file: 'inter-latin-ext-400-normal.woff', weight: 400 },
  { file: 'inter-latin-600-normal.woff', weight: 600 },
  { file: 'inter-latin-ext-600-normal.woff', weight: 600 },
  { file: 'inter-latin-700-normal.woff', weight: 700 },
  { file: 'inter-latin-ext-700-normal.woff', weight: 700 },
];

/**
 * The package's files/ folder. Resolved from the project root (not from this module,
 * which Astro bundles into dist/), through the one non-CSS file the package exports.
 */
function interFilesDir(root: string): string {
  const require = createRequire(resolve(root, 'package.json'));
  try {
    return join(dirname(require.resolve('@fontsource/inter/LICENSE')), 'files');
  } catch {
    throw new Error(
      `Open Graph images: the font package @fontsource/inter was not found from ${resolve(root)}; expected it in node_modules (run npm install).`,
    );
  }
}

/** Read once per project root and process. */
const loaded = new Map<string, Promise<FontSet>>();

export function loadFonts(root: string = process.cwd()): Promise<FontSet> {
  const cached = loaded.get(root);
  if (cached) return cached;
  const set = (async () => {
    const dir = interFilesDir(root);
    const hash = createHash('sha256');
    const fonts = await Promise.all(
      FILES.map(async ({ file, weight }) => {
        const path = join(dir, file);
        const data = await readFile(path).catch(() => {
          throw new Error(
            `Open Graph images: font file ${path} was not found; expected @fontsource/inter to be installed (run npm install).`,
          );
        });
        return { name: 'Inter', data, weight, style: 'normal' as const };
      }),
    );
    for (const f of fonts) hash.update(f.data);
    return { fonts, digest: hash.digest('hex') };
  })();
  loaded.set(root, set);
  return set;
}

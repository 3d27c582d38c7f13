/**
 * Embedded PNGs and fonts shrink losslessly (embedded-assets.ts): a re-encoded image decodes
 * to the same pixels, a colour-managed one is left alone, a font keeps the glyphs drawn.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { drawnCharacters, shrinkEmbeddedAssets, shrinkEmbeddedAssetsSync } from '../../../src/lib/diagrams/embedded-assets.ts';

async function loosePng(withProfile = false): Promise<Buffer> {
  // A gradient stored with no compression, as some exporters write it.
  const width = 96, height = 48;
  const raw = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) raw.set([i % width * 2, Math.floor(i / width) * 4, 128, 255], i * 4);
  let img = sharp(raw, { raw: { width, height, channels: 4 } });
  if (withProfile) img = img.withIccProfile('p3');
  return img.png({ compressionLevel: 0 }).toBuffer();
}

const svgWith = (png: Buffer): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 48"><image width="96" height="48" href="data:image/png;base64,${png.toString('base64')}"/></svg>`;

describe('embedded PNG', () => {
  it('comes out smaller and decodes to exactly the same pixels', async () => {
    const png = await loosePng();
    const { source, notes } = await shrinkEmbeddedAssets(svgWith(png));
    const [, mime = '', data = ''] = /data:(image\/\w+);base64,([^"]+)/.exec(source) ?? [];
    const after = Buffer.from(data, 'base64');
    expect(after.length).toBeLessThan(png.length);
    expect(['image/webp', 'image/png']).toContain(mime);
    const pixels = async (b: Buffer) => sharp(b).ensureAlpha().raw().toBuffer();
    expect((await pixels(after)).equals(await pixels(png))).toBe(true);
    expect(notes[0]).toMatch(/^PNG 96x48: [\d.]+ KB -> [\d.]+ KB \((?:webp|png), same pixels\)$/);
  });

  it('with a colour profile is left as it is (a re-encode would change its colours)', async () => {
    const svg = svgWith(await loosePng(true));
    expect(await shrinkEmbeddedAssets(svg)).toEqual({ source: svg, notes: [] });
  });

  it('that is not a PNG at all changes nothing and fails nothing', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><image href="data:image/png;base64,bm90IGEgcG5n"/></svg>';
    expect(shrinkEmbeddedAssetsSync(svg)).toEqual({ source: svg, notes: [] });
  });
});

describe('embedded font', () => {
  it('is subset to the characters the diagram draws, in both cases', async () => {
    const font = readFileSync(join(process.cwd(), 'node_modules/@fontsource/inter/files/inter-latin-400-normal.woff2'));
    const svg = `<svg xmlns="http://www.w3.org/2000/svg"><style>@font-face{font-family:I;src:url(data:font/woff2;base64,${font.toString('base64')})}</style><text font-family="I">Queue &amp; API</text></svg>`;
    const { source, notes } = await shrinkEmbeddedAssets(svg);
    const after = Buffer.from(/base64,([^)]+)\)/.exec(source)?.[1] ?? '', 'base64');
    expect(after.length).toBeLessThan(font.length / 2);
    expect(after.subarray(0, 4).toString('latin1')).toBe('wOF2');
    expect(notes[0]).toMatch(/^font: [\d.]+ KB -> [\d.]+ KB \(subset to \d+ characters\)$/);
  });

  it('counts the text of the drawing, not of the stylesheet', () => {
    const chars = drawnCharacters('<svg><style>.x{fill:red}</style><text>Ab</text><tspan>&#x2192;</tspan></svg>');
    for (const c of ['A', 'a', 'b', 'B', '\u2192']) expect(chars).toContain(c);
    expect(chars).not.toContain('{');
  });
});

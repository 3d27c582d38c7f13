/**
 * Card tree -> PNG bytes: satori lays the tree out to SVG (text becomes paths, using the
 * fonts passed in), resvg rasterises it. Plain JavaScript rather than TypeScript because
 * worker threads (render-worker.mjs) load it directly, without a TS loader; the build's
 * own thread imports the same file, so both paths draw identical pixels.
 */
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';

/**
 * @param {unknown} tree satori's object form of an element ({ type, props }).
 * @param {{ name: string; data: Buffer | ArrayBuffer; weight: number; style: string }[]} fonts
 * @param {number} width
 * @param {number} height
 * @returns {Promise<Uint8Array>}
 */
export async function rasterise(tree, fonts, width, height) {
  // satori's types ask for a React element; the object form is what JSX compiles to.
  const svg = await satori(/** @type {any} */ (tree), { width, height, fonts: /** @type {any} */ (fonts) });
  // Text is already paths, so resvg needs no fonts (and skipping the system scan is faster).
  return new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
}

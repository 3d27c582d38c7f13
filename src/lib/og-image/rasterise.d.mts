/** Types for rasterise.mjs (plain JS so worker threads can load it without a TS loader). */
export interface RasterFont {
  name: string;
  data: Buffer | ArrayBuffer;
  weight: number;
  style: string;
}
export function rasterise(tree: unknown, fonts: RasterFont[], width: number, height: number): Promise<Uint8Array>;

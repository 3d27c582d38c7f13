/**
 * Width and height of a PNG read from its IHDR chunk (the first chunk, right after the
 * 8-byte signature), so tests check real image dimensions without decoding pixels.
 */
export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function isPng(bytes: Uint8Array): boolean {
  return PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  if (!isPng(bytes)) throw new Error('not a PNG: the 8-byte signature is missing');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunkType = String.fromCharCode(...bytes.subarray(12, 16));
  if (chunkType !== 'IHDR') throw new Error(`not a PNG: expected the IHDR chunk first, found ${chunkType}`);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

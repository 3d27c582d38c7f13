/**
 * Child process for embedded-assets.ts: reads an SVG on stdin, writes
 * `{ source, notes }` as JSON on stdout. Run by `shrinkEmbeddedAssetsSync`, not by hand.
 */
import { shrinkEmbeddedAssets } from './embedded-assets.ts';

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const result = await shrinkEmbeddedAssets(Buffer.concat(chunks).toString('utf8'));
process.stdout.write(JSON.stringify(result));

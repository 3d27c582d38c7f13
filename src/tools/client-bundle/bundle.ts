/**
 * Bundles one browser script (TypeScript, with its imports) into a single minified ES module,
 * for code that a page loads only on demand with `import(url)`.
 *
 * Why not an ordinary Astro <script>: Vite wraps every dynamic import in its module-preload
 * helper (about 1.8 KB), which alone would push a content page over its JavaScript budget
 * (src/tools/page-weight/budgets.ts) before the viewer is even asked for. Bundled here and
 * served as its own file (src/pages/diagram-viewer.js.ts), the page carries only a
 * few-hundred-byte loader. esbuild is what Astro and Vite already install and use.
 */
import { build } from 'esbuild';
import path from 'node:path';

const cache = new Map<string, Promise<string>>();

/** `entry` is relative to the project root (the build's working folder). */
export function bundleScript(entry: string, root = process.cwd()): Promise<string> {
  const file = path.resolve(root, entry);
  let result = cache.get(file);
  if (!result) {
    result = build({
      entryPoints: [file],
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2022',
      platform: 'browser',
      write: false,
      legalComments: 'none',
      logLevel: 'silent',
    }).then((out) => out.outputFiles[0]!.text);
    cache.set(file, result);
  }
  return result;
}

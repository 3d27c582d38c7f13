/**
 * The installed version of a renderer package, read from its package.json.
 *
 * Part of every cache key, so upgrading mermaid, @viz-js/viz or @terrastruct/d2
 * re-renders every diagram instead of serving output of the old version. Reads the file
 * instead of importing `<pkg>/package.json` because the packages' export maps forbid that.
 */
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  // Walk the same node_modules folders Node would search, without going through the
  // package's export map (which hides package.json and may only offer `import`).
  for (const dir of require.resolve.paths(name) ?? []) {
    const file = join(dir, name, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { version?: string };
    if (pkg.version) return pkg.version;
  }
  return 'unknown';
}

/**
 * `npm run diagrams:render`: renders every Mermaid fence in content/ into the committed
 * render cache (diagrams/.rendered/) and removes entries no fence uses. Commit the folder:
 * builds then need no browser. `--no-prune` keeps unused entries.
 */
import { parseArgs } from 'node:util';
import { closeBrowsers } from '../lib/diagrams/text/browser.ts';
import { prerenderMermaid } from '../lib/diagrams/text/prerender.ts';

const { values } = parseArgs({ options: { 'no-prune': { type: 'boolean', default: false } } });

async function main(): Promise<number> {
  const t0 = performance.now();
  const result = await prerenderMermaid({ root: process.cwd(), prune: !values['no-prune'] });
  for (const p of result.problems) console.error(p);
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(
    `Mermaid: ${result.fences} fences, ${result.rendered} rendered, ${result.cached} already in diagrams/.rendered/, ` +
      `${result.pruned.length} unused entries removed (${seconds} s).`,
  );
  if (result.problems.length > 0) {
    console.error(`\n${result.problems.length} fence${result.problems.length === 1 ? '' : 's'} did not render; fix ${result.problems.length === 1 ? 'it' : 'them'} and run again.`);
    return 1;
  }
  return 0;
}

try {
  process.exitCode = await main();
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
} finally {
  await closeBrowsers();
}

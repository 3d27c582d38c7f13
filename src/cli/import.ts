/**
 * `npm run import -- PATH... [--out DIR] [--force] [--dry-run]`: converts Hugo, Jekyll,
 * Docusaurus, Astro and Next posts into case studies (see src/tools/import/).
 */
import { parseArgs } from 'node:util';
import { runImport } from '../tools/import/run-import.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string' }, force: { type: 'boolean', default: false }, 'dry-run': { type: 'boolean', default: false } },
});
if (positionals.length === 0) {
  console.error('Usage: npm run import -- PATH... [--out DIR] [--force] [--dry-run]\n  PATH: a post (.md, .markdown, .mdx) or a folder of posts.');
  process.exitCode = 1;
} else {
  const result = await runImport({
    root: process.cwd(),
    paths: positionals,
    force: values.force,
    dryRun: values['dry-run'],
    ...(values.out ? { out: values.out } : {}),
  });
  process.exitCode = result.failed > 0 ? 1 : 0;
}

/**
 * `npm run new -- "Title"`: scaffolds content/case-studies/<slug>.mdx and says what to do next.
 * With no title and a terminal, it asks for one; with no title and no terminal, it explains usage.
 */
import { createInterface } from 'node:readline/promises';
import { siteConfig } from '../site.config.ts';
import { joinBase, routes } from '../lib/urls.ts';
import { createCaseStudy, ScaffoldError } from '../tools/scaffold/create-case-study.ts';

async function askTitle(): Promise<string | undefined> {
  if (!process.stdin.isTTY) return undefined;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question('Title of the new case study: ');
  } finally {
    rl.close();
  }
}

const title = process.argv.slice(2).join(' ').trim() || (await askTitle());
if (!title) {
  console.error('Usage: npm run new -- "Zero-Trust Service Mesh"\n(expected the title of the new case study as the argument)');
  process.exitCode = 1;
} else {
  try {
    const { slug, file } = await createCaseStudy({ root: process.cwd(), title });
    console.log(`Created ${file} (a draft: it shows in \`npm run dev\` only).

Next steps:
  1. npm run dev, then open http://localhost:4321${joinBase(siteConfig.base, routes.caseStudy(slug))}
  2. Replace the placeholders in ${file}; \`npm run validate\` checks it.
  3. Set \`draft: false\` to publish, then \`npm run build\` and \`npm run check:links\`.`);
  } catch (error) {
    if (!(error instanceof ScaffoldError)) throw error;
    console.error(`Cannot create the case study: ${error.message}`);
    process.exitCode = 1;
  }
}

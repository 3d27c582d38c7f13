/**
 * `npm run schema`: writes schema/case-study.schema.json from the zod content schema.
 * `npm run schema -- --check` exits 1 (writing nothing) when the committed file is stale.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CASE_STUDY_SCHEMA_FILE, renderCaseStudyJsonSchema } from '../tools/schema/json-schema.ts';

const target = path.resolve(CASE_STUDY_SCHEMA_FILE);
const fresh = renderCaseStudyJsonSchema();
const current = await readFile(target, 'utf8').catch(() => undefined);

if (process.argv.includes('--check')) {
  if (current === fresh) {
    console.log(`${CASE_STUDY_SCHEMA_FILE} is up to date.`);
  } else {
    console.error(`${CASE_STUDY_SCHEMA_FILE} is out of date with src/content.config.ts: run \`npm run schema\` and commit the result.`);
    process.exitCode = 1;
  }
} else if (current === fresh) {
  console.log(`${CASE_STUDY_SCHEMA_FILE} is already up to date.`);
} else {
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, fresh);
  console.log(`Wrote ${CASE_STUDY_SCHEMA_FILE}.`);
}

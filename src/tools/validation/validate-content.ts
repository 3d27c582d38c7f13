/**
 * Validates every case study before Astro runs, and collects every problem in one pass.
 *
 * Astro stops at the first invalid entry and prints a stack trace; authors fixing five typos
 * would need five builds. This reads content/case-studies/ itself, and checks for each
 * `.md`, `.markdown` and `.mdx` file: YAML syntax, the frontmatter against `caseStudySchema`
 * (the same schema Astro uses), Markdown/MDX syntax, unknown components, unknown diagram
 * names, text-diagram fences that do not render, math, images and code languages
 * (markdown-features.ts); across files, duplicate slugs and series with a part missing or claimed
 * twice; and any other file in the folder
 * that is not an image, since Astro would silently skip it. Nothing here throws for an author's mistake: everything becomes a `Problem`.
 */
import { access, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'astro/zod';
import { caseStudySchema } from '../../content.config.ts';
import { MDX_COMPONENT_NAMES } from '../../components/mdx/names.ts';
import { brokenDiagramProblems } from './broken-diagrams.ts';
import type { Code } from 'mdast';
import { visit } from 'unist-util-visit';
import { listDiagramFolder, namesForCaseStudy } from '../../lib/diagrams/catalogue.ts';
import { parseFrontmatter, type ParsedFrontmatter } from './frontmatter.ts';
import { checkMdxBody } from './mdx-body.ts';
import { markdownFeatureProblems } from './markdown-features.ts';
import { isRelativeImage } from '../../lib/markdown/images.ts';
import { ASSET_EXTENSIONS, formatOf, type SourceFormat } from '../../lib/markdown/features.ts';
import { describeValue, diagramProblem, foundExpected, uniqueProblems, type Problem } from './problem.ts';
import { duplicateSlugProblems } from './slugs.ts';
import { issuesToProblems } from './zod-issues.ts';
import { textDiagramProblems } from './text-diagram-fences.ts';
import { componentPropProblems } from './component-props.ts';
import pLimit from 'p-limit';
import { createReportCache, type ReportCache } from './result-cache.ts';
import { seriesProblems, type SeriesClaim } from '../../lib/series.ts';

export const CASE_STUDIES_DIR = 'content/case-studies';

/** Case studies validated at once (each holds its source and parse tree until done). */
const FILES_IN_FLIGHT = 8;


export interface ValidateOptions {
  /** Project root (the folder with content/ and diagrams/). */
  root: string;
  schema?: z.ZodType;
  componentNames?: readonly string[];
  /**
   * Reuse reports of unchanged files from the disk cache (result-cache.ts). Default: on,
   * unless a custom schema is given (code the cache cannot fingerprint).
   */
  cache?: boolean;
}

export interface ValidationResult {
  /** Project-relative paths of the files checked. */
  files: string[];
  problems: Problem[];
}

export async function validateContent(options: ValidateOptions): Promise<ValidationResult> {
  const root = path.resolve(options.root);
  const collectionDir = path.join(root, CASE_STUDIES_DIR);
  const { studies: relativePaths, others } = await listCollection(collectionDir);
  const entries = relativePaths.map((relativePath) => ({
    relativePath,
    file: `${CASE_STUDIES_DIR}/${relativePath}`,
  }));
  const componentNames = options.componentNames ?? MDX_COMPONENT_NAMES;
  const useCache = options.cache ?? options.schema === undefined;
  const cache: ReportCache | undefined = useCache ? createReportCache({ root, componentNames }) : undefined;
  // A few files at a time: with every file in flight at once, 10,000 sources and their parse
  // trees were all in memory together.
  const limit = pLimit(FILES_IN_FLIGHT);
  const perFile = await Promise.all(
    entries.map(({ file }) => limit(async () => {
      const source = await readFile(path.join(root, file), 'utf8');
      const cached = cache?.get(file, source);
      if (cached) return cached;
      const report = await validateCaseStudy({
        root,
        file,
        source,
        schema: options.schema ?? caseStudySchema,
        componentNames,
      });
      cache?.set(file, source, report);
      return report;
    })),
  );
  const referenced = perFile.flatMap((r) => r.diagrams);
  return {
    files: entries.map((e) => e.file),
    // A use of a refused file's name reports that file's refusal, once with the folder's.
    problems: uniqueProblems([
      ...perFile.flatMap((r) => r.problems),
      ...others.map((relativePath) => notACaseStudy(`${CASE_STUDIES_DIR}/${relativePath}`)),
      ...duplicateSlugProblems(entries),
      ...seriesProblems(perFile.flatMap((r) => (r.series ? [r.series] : []))),
      ...listDiagramFolder(root).refused.map(diagramProblem),
      ...(await brokenDiagramProblems(root, referenced)),
    ]),
  };
}

export interface CaseStudyCheck {
  root: string;
  /** Project-relative path, used in messages. */
  file: string;
  source: string;
  schema: z.ZodType;
  componentNames: readonly string[];
}

export interface CaseStudyReport {
  problems: Problem[];
  /** Diagram names the file uses that exist (for the broken-diagram check). */
  diagrams: string[];
  /** Its well-formed `series` field, with the line of `part` (for the cross-file series check). */
  series?: SeriesClaim | undefined;
}

/** All problems of one case study file. */
export async function validateCaseStudy(check: CaseStudyCheck): Promise<CaseStudyReport> {
  const { file, source } = check;
  const problems: Problem[] = [];
  const diagrams: string[] = [];
  let series: SeriesClaim | undefined;
  const fm = parseFrontmatter(source);

  if (!fm.present) {
    problems.push({
      file,
      line: 1,
      subject: 'frontmatter',
      message: foundExpected(
        'no frontmatter',
        'the file to start with a --- line, the fields (title, summary, date, category, status), and a closing --- line',
        'run `npm run new -- "Title"` for a template',
      ),
    });
  }
  for (const error of fm.syntaxErrors) {
    problems.push({ file, line: error.line, column: error.column, subject: 'frontmatter YAML', message: error.message });
  }
  if (fm.present && fm.syntaxErrors.length === 0) {
    if (fm.data === null || typeof fm.data !== 'object' || Array.isArray(fm.data)) {
      problems.push({
        file,
        line: 2,
        subject: 'frontmatter',
        message: foundExpected(describeValue(fm.data), 'key: value lines such as `title: My system`'),
      });
    } else {
      const result = check.schema.safeParse(fm.data);
      if (!result.success) {
        problems.push(...issuesToProblems(result.error.issues, { file, data: fm.data, lineOf: fm.lineOf, schema: check.schema }));
      }
      series = seriesClaim(file, fm);
      problems.push(...impossibleDates(file, fm));
    }
  }

  const format: SourceFormat = formatOf(file) ?? 'mdx';
  const body = await checkMdxBody({ file, body: fm.body, componentNames: check.componentNames, format });
  problems.push(...body.problems);
  problems.push(...componentPropProblems(file, body.jsx));
  if (body.tree) {
    problems.push(...(await markdownFeatureProblems({ root: check.root, file, body: fm.body, tree: body.tree })));
    problems.push(...(await textDiagramProblems(file, body.tree)));
    const fences: Code[] = [];
    visit(body.tree, 'code', (node: Code) => void fences.push(node));
    const known = namesForCaseStudy(check.root, fences);
    for (const use of body.jsx.filter((u) => u.name === 'Diagram')) {
      const name = use.attributes['name'];
      if (!('name' in use.attributes)) {
        problems.push({
          file,
          line: use.line,
          column: use.column,
          subject: '<Diagram name>',
          message: foundExpected('no name attribute', 'name="<a file in diagrams/ without .svg>"'),
        });
      } else if (name !== undefined) {
        const error = known.check(name, { file, line: use.line, element: `<Diagram name="${name}">` });
        if (error) problems.push(error.file === file ? { ...diagramProblem(error), column: use.column } : diagramProblem(error));
        else diagrams.push(name);
      }
    }
    const cover = (fm.data as { cover?: { diagram?: unknown } } | undefined)?.cover?.diagram;
    if (typeof cover === 'string' && cover.trim() !== '') {
      const error = known.check(cover.trim(), { file, line: fm.lineOf(['cover', 'diagram']), element: 'cover.diagram' });
      if (error) problems.push(diagramProblem(error));
      else diagrams.push(cover.trim());
    }
  }
  problems.push(...(await coverImageProblems(check.root, file, fm)));
  return { problems, diagrams, series };
}

/** `cover.image` must be a picture next to the case study (the build optimises it; it fetches nothing). */
async function coverImageProblems(root: string, file: string, fm: ParsedFrontmatter): Promise<Problem[]> {
  const image = (fm.data as { cover?: { image?: unknown } } | undefined)?.cover?.image;
  if (typeof image !== 'string' || image.trim() === '') return [];
  const src = image.trim();
  const line = fm.lineOf(['cover', 'image']);
  if (!isRelativeImage(src)) {
    return [{ file, line, subject: 'cover.image', message: foundExpected(`"${src}"`, 'a path relative to this file, e.g. ./screenshot.png next to it', 'remote and site-absolute pictures cannot be optimised for cards') }];
  }
  const target = path.resolve(path.dirname(path.join(root, file)), decodeURI(src));
  const exists = await access(target).then(() => true, () => false);
  if (exists) return [];
  const shown = path.relative(root, target).split(path.sep).join('/');
  return [{ file, line, subject: 'cover.image', message: foundExpected(`"${src}", which does not exist (looked for ${shown})`, 'a picture next to the case study, e.g. ./screenshot.png') }];
}

/** The file's `series` field when its name and part are usable (the schema reports the rest). */
function seriesClaim(file: string, fm: ParsedFrontmatter): SeriesClaim | undefined {
  const field = (fm.data as { series?: { name?: unknown; part?: unknown } }).series;
  const name = typeof field?.name === 'string' ? field.name.trim() : '';
  const part = field?.part;
  if (!name || typeof part !== 'number' || !Number.isInteger(part) || part < 1) return undefined;
  return { file, line: fm.lineOf(['series', 'part']), name, part };
}

const DATE_FIELDS = ['date', 'updated'] as const;

/**
 * YAML (and so Astro) reads `2024-13-45` as a timestamp and rolls it over to 2025-02-14
 * without complaint; an author almost certainly meant something else.
 */
function impossibleDates(file: string, fm: ParsedFrontmatter): Problem[] {
  const problems: Problem[] = [];
  for (const field of DATE_FIELDS) {
    const written = fm.sourceOf([field]);
    const value = (fm.data as Record<string, unknown>)[field];
    const ymd = written ? /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(written) : null;
    if (!ymd || !(value instanceof Date)) continue;
    const sameDay =
      value.getUTCFullYear() === Number(ymd[1]) &&
      value.getUTCMonth() + 1 === Number(ymd[2]) &&
      value.getUTCDate() === Number(ymd[3]);
    if (!sameDay) {
      problems.push({
        file,
        line: fm.lineOf([field]),
        subject: field,
        message: foundExpected(`${written}, which is not a calendar date`, 'a real date like 2024-11-20 (YYYY-MM-DD)'),
      });
    }
  }
  return problems;
}

/**
 * The collection folder's files, relative to it, sorted: case studies (`.md`, `.markdown`,
 * `.mdx`), and every other file that is not an image beside them or a dotfile.
 */
async function listCollection(dir: string): Promise<{ studies: string[]; others: string[] }> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { studies: [], others: [] };
    throw error;
  }
  const studies: string[] = [];
  const others: string[] = [];
  for (const e of entries) {
    if (!e.isFile()) continue;
    const relative = path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/');
    if (relative.split('/').some((segment) => segment.startsWith('.'))) continue;
    if (formatOf(e.name)) studies.push(relative);
    else if (!ASSET_EXTENSIONS.some((ext) => e.name.toLowerCase().endsWith(ext))) others.push(relative);
  }
  return { studies: studies.sort(), others: others.sort() };
}

function notACaseStudy(file: string): Problem {
  const ext = path.extname(file) || 'no extension';
  return {
    file,
    subject: 'file',
    message: foundExpected(
      `a file that is not a case study (${ext}), which would produce no page`,
      'case studies as .md, .markdown or .mdx, and beside them only the images they use',
      'rename it to .md if it is a write-up, or move it out of content/case-studies/',
    ),
  };
}

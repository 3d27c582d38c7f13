/**
 * The diagram catalogue: the one place that knows which diagrams exist and what they are
 * called. Everything else (the `<Diagram>` component, the Markdown plugins, the
 * /diagrams/<name>.svg route, the validator, the bench) asks here.
 *
 * A diagram is either
 * - an SVG file directly in `diagrams/` (`diagrams/checkout-flow.svg` is "checkout-flow"), or
 * - a text-diagram fence in a case study, ```mermaid / ```d2 / ```dot (alias ```graphviz),
 *   in any letter case, named by its `name="..."` option or `<slug>-<lang>-<n>` by default.
 * A file wins over a fence of the same name.
 *
 * Rules, each written once below:
 * - the name rule (`DIAGRAM_NAME`): it prefixes ids inside the page and names the file
 *   /diagrams/<name>.svg, so lower-case letters, digits and hyphens;
 * - the listing of `diagrams/` (`listDiagramFolder`): subfolders are refused with a message
 *   saying where to move the file, because a `/` cannot be part of a name (it would be a
 *   different URL and not a valid id prefix). Every listed file goes through
 *   `checkDiagramFile`, the single per-file check;
 * - the language table (`fenceLang`) and the fence's option string (`parseFenceMeta`);
 * - "unknown diagram" (`unknownDiagramError`), with the one did-you-mean (src/lib/did-you-mean.ts).
 *
 * The queries `names()`, `get(name)` and `require(name, where)` need the processed diagrams.
 * Their loaders (registry.ts for files, text/collect.ts for fences) are imported when first
 * asked for, because those modules themselves read the rules above from this module: this
 * file imports nothing of the processing at load time, so there is no import cycle.
 */
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { closestMatch } from '../did-you-mean.ts';
import { formatOf } from '../markdown/features.ts';
import { DiagramError } from './errors.ts';
import { allocateIdPrefixes, idPrefix, SHORT_PREFIX_LENGTH } from './id-prefix.ts';
import { fileRuleProblem } from './safety/files.ts';
import type { ProcessedDiagram } from './pipeline.ts';

// ---------------------------------------------------------------------------------------
// Names

/** Lower-case letters, digits and hyphens: what a file name and an id prefix can both hold. */
export const DIAGRAM_NAME = /^[a-z0-9][a-z0-9-]*$/;

/** The name rule in words, for messages. */
export const DIAGRAM_NAME_RULE = 'lower-case letters, digits and hyphens, e.g. "checkout-flow"';

/** Whether `name` follows the name rule. */
export function isDiagramName(name: string): boolean {
  return DIAGRAM_NAME.test(name);
}

// ---------------------------------------------------------------------------------------
// The diagrams/ folder

/** The folder of hand-authored SVG diagrams, relative to the project root. */
export const DIAGRAMS_FOLDER = 'diagrams';

/** One usable SVG file in diagrams/. */
export interface DiagramFile {
  /** The file name without `.svg`. */
  name: string;
  /** Project-relative path with forward slashes, for messages: `diagrams/checkout-flow.svg`. */
  file: string;
  /** Absolute path, for reading. */
  path: string;
}

/** What `diagrams/` holds: the usable files, sorted by name, and every file refused. */
export interface DiagramFolder {
  files: DiagramFile[];
  /** One error per refused file (badly named, in a subfolder, ...), naming the file and the fix. */
  refused: DiagramError[];
}

/** A `.svg` entry found under diagrams/, before the per-file check. */
export interface DiagramFolderEntry {
  /** Path inside diagrams/, forward slashes, e.g. `checkout-flow.svg` or `team/flow.svg`. */
  inFolder: string;
  /** Project-relative path, e.g. `diagrams/team/flow.svg`. */
  file: string;
  /** Absolute path. */
  path: string;
  /** The directory entry (file type, for the file rules). */
  dirent: Dirent;
  /** The project root: a file, after following symlinks, must be inside it. */
  root?: string;
}

/**
 * The single per-file check of the listing: why this entry cannot be a diagram, or undefined
 * when it can. Every `.svg` under diagrams/ comes through here, so a new file rule (links,
 * non-regular files, size) is added in this one function and applies to the build, the
 * validator, `astro dev` and the bench alike.
 */
export function checkDiagramFile(entry: DiagramFolderEntry): DiagramError | undefined {
  const base = entry.inFolder.slice(0, -'.svg'.length);
  if (entry.inFolder.includes('/')) {
    const flat = base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    return new DiagramError({
      file: entry.file,
      found: 'an SVG file in a subfolder of diagrams/ (subfolders are not supported: a name cannot contain "/")',
      expected: `every diagram directly in diagrams/; move it to diagrams/${flat || 'diagram'}.svg and use that name`,
    });
  }
  if (!isDiagramName(base)) {
    return new DiagramError({
      file: entry.file,
      found: `the diagram name "${base}"`,
      expected: `${DIAGRAM_NAME_RULE} (rename the file)`,
    });
  }
  // Symlinks out of the project, directories, devices, pipes (safety/files.ts, #9).
  return fileRuleProblem(entry.path, entry.root ?? process.cwd(), entry.file);
}

/**
 * Every entry under `dir`, recursively, except what is under a dot folder (and dot files):
 * those are never diagrams, and diagrams/.rendered/ holds one file per Mermaid fence of the
 * site, so listing it on every call cost O(fences) per diagram lookup (20 ms per call with
 * 1,000 fences, the top cost of a warm build).
 */
function listEntries(dir: string): Dirent[] {
  const out: Dirent[] = [];
  for (const dirent of readdirSync(dir, { withFileTypes: true })) {
    if (dirent.name.startsWith('.')) continue;
    out.push(dirent);
    if (dirent.isDirectory()) out.push(...listEntries(join(dirent.parentPath, dirent.name)));
  }
  return out;
}

/**
 * Lists `diagrams/` (recursively, so that a file in a subfolder is refused with a message
 * rather than silently missing). Files that are not `.svg` are ignored. Read on every call:
 * the folder is small, and `astro dev` keeps running while the author adds files.
 */
export function listDiagramFolder(root: string = process.cwd(), dir: string = join(root, DIAGRAMS_FOLDER)): DiagramFolder {
  let entries: Dirent[];
  try {
    entries = listEntries(dir);
  } catch {
    return { files: [], refused: [] };
  }
  const files: DiagramFile[] = [];
  const refused: DiagramError[] = [];
  for (const dirent of entries) {
    // A directory named like a diagram (`x.svg/`) is not skipped: the file rules refuse it.
    if (!dirent.name.toLowerCase().endsWith('.svg')) continue;
    const path = join(dirent.parentPath, dirent.name);
    const inFolder = relative(dir, path).split(sep).join('/');
    // Dot folders are not diagrams: diagrams/.rendered/ is the Mermaid render cache.
    if (inFolder.split('/').some((part) => part.startsWith('.'))) continue;
    const file = (relative(root, path) || inFolder).split(sep).join('/');
    const problem = checkDiagramFile({ inFolder, file, path, dirent, root });
    if (problem) refused.push(problem);
    else files.push({ name: inFolder.slice(0, -'.svg'.length), file, path });
  }
  files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  refused.sort((a, b) => a.file.localeCompare(b.file));
  return { files, refused };
}

// ---------------------------------------------------------------------------------------
// Text-diagram fences

/** The languages Casebook renders at build time. */
export const TEXT_DIAGRAM_LANGS = ['mermaid', 'd2', 'dot'] as const;
export type TextDiagramLang = (typeof TEXT_DIAGRAM_LANGS)[number];

/** Fence info strings (compared in lower case) that select a text diagram, and the language that renders them. */
const FENCE_LANGS: Readonly<Record<string, TextDiagramLang>> = {
  mermaid: 'mermaid',
  d2: 'd2',
  dot: 'dot',
  graphviz: 'dot',
};

/** How each language is called in messages and default alt texts. */
export const TEXT_DIAGRAM_LANG_LABEL: Readonly<Record<TextDiagramLang, string>> = { mermaid: 'Mermaid', d2: 'D2', dot: 'Graphviz' };

/** The language a fence's info string selects (```Mermaid counts), or undefined for ordinary code blocks. */
export function fenceLang(lang: string | null | undefined): TextDiagramLang | undefined {
  return lang ? FENCE_LANGS[lang.toLowerCase()] : undefined;
}

const FENCE_OPENING = new RegExp(`^\\s*(\`\`\`|~~~)\\s*(${Object.keys(FENCE_LANGS).join('|')})\\b`, 'im');

/** A cheap test on a file's source before any parse: could it hold a diagram fence? */
export function mayHaveDiagramFence(source: string): boolean {
  return FENCE_OPENING.test(source);
}

/**
 * What a text-diagram fence says about itself in its option string, e.g.
 * ```mermaid title="Charge flow" name="charge-flow":
 * - `title`: the caption and the diagram's accessible name.
 * - `name`: a stable id, used for `data-diagram`, the id prefix, /diagrams/<name>.svg and
 *   a case study's `cover.diagram`. Defaults to `<slug>-<lang>-<n>` (n counts fences of
 *   that language in the file, from 1), which changes if fences are reordered: name a
 *   diagram you link to.
 * - `alt`: a longer text alternative than the title, when the caption is not enough.
 */
export interface FenceOptions {
  title?: string;
  name?: string;
  alt?: string;
}

const KNOWN_KEYS = ['title', 'name', 'alt'] as const;
type KnownKey = (typeof KNOWN_KEYS)[number];

/** A problem with the option string; the caller adds the file and line. */
export class FenceMetaError extends Error {
  override name = 'FenceMetaError';
}

/**
 * Parses `key="value"` / `key='value'` / `key=value` pairs. Unknown keys and malformed
 * names are errors, since a typo (`titel=`) would otherwise silently drop the caption.
 */
export function parseFenceMeta(meta: string | null | undefined): FenceOptions {
  const options: FenceOptions = {};
  if (!meta) return options;
  const pair = /\s*([A-Za-z][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))/y;
  let rest = meta.trim();
  while (rest.length > 0) {
    pair.lastIndex = 0;
    const m = pair.exec(rest);
    if (!m) {
      throw new FenceMetaError(`cannot read the fence options "${rest}"; expected key="value" pairs (title, name, alt)`);
    }
    const key = (m[1] ?? '').toLowerCase();
    const value = (m[2] ?? m[3] ?? m[4] ?? '').trim();
    if (!(KNOWN_KEYS as readonly string[]).includes(key)) {
      throw new FenceMetaError(`unknown fence option "${key}"; expected one of ${KNOWN_KEYS.join(', ')}`);
    }
    if (value === '') throw new FenceMetaError(`fence option ${key} is empty`);
    options[key as KnownKey] = value;
    rest = rest.slice(m[0].length).trim();
  }
  if (options.name !== undefined && !isDiagramName(options.name)) {
    throw new FenceMetaError(`name="${options.name}" is not a valid diagram name; expected ${DIAGRAM_NAME_RULE}`);
  }
  return options;
}

/** `<slug>-<lang>-<n>`, the name of a fence that gives none. */
export function defaultDiagramName(slug: string, lang: TextDiagramLang, n: number): string {
  const safeSlug = slug.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'diagram';
  return `${safeSlug}-${lang}-${n}`;
}

/** The part of a Markdown `code` node a fence is judged by. */
export interface FenceNode {
  lang?: string | null | undefined;
  meta?: string | null | undefined;
}

/**
 * The names that a document's fences give explicitly (`name="..."`), in order. Fences whose
 * options cannot be read give none here; the fence renderer reports them with their line.
 */
export function namedFences(fences: Iterable<FenceNode>): string[] {
  const names: string[] = [];
  for (const fence of fences) {
    if (!fenceLang(fence.lang)) continue;
    try {
      const { name } = parseFenceMeta(fence.meta);
      if (name) names.push(name);
    } catch (err) {
      if (!(err instanceof FenceMetaError)) throw err;
    }
  }
  return names;
}

// ---------------------------------------------------------------------------------------
// Id prefixes

/** Where the case studies live, relative to the project root (as text/collect.ts reads them). */
const CASE_STUDIES_FOLDER = join('content', 'case-studies');

const FENCE_LINE = new RegExp(`(?:\`\`\`|~~~)\\s*(${Object.keys(FENCE_LANGS).join('|')})\\b(.*)$`, 'i');
const LOOSE_NAME = /\bname\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))/i;

/**
 * Every name the diagram fences of one document can have, read line by line from its text:
 * a line holding ``` or ~~~ and a diagram language anywhere (in a list, a quote, a longer
 * fence) counts as a fence, with its `name=` and the default `<slug>-<lang>-<n>` names up to
 * that count. It may find more than the Markdown parser does, never fewer, which is what the
 * id prefixes need: a name found too many costs nothing.
 */
export function fenceNamesInText(slug: string, text: string): string[] {
  const names: string[] = [];
  const counts: Record<TextDiagramLang, number> = { mermaid: 0, d2: 0, dot: 0 };
  for (const line of text.split(/\r\n?|\n/)) {
    const m = FENCE_LINE.exec(line);
    const lang = fenceLang(m?.[1]);
    if (!m || !lang) continue;
    counts[lang] += 1;
    names.push(defaultDiagramName(slug, lang, counts[lang]));
    const meta = (m[2] ?? '').trim();
    let explicit: string | undefined;
    try {
      explicit = parseFenceMeta(meta).name;
    } catch {
      const loose = LOOSE_NAME.exec(meta);
      explicit = loose ? (loose[1] ?? loose[2] ?? loose[3] ?? '').trim() : undefined;
    }
    if (explicit) names.push(explicit);
  }
  return names;
}

function caseStudyFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true }).map(String).filter((f) => formatOf(f) !== undefined).sort();
  } catch {
    return [];
  }
}

/**
 * Every diagram name the site can have: the files of diagrams/ and the
 * fences of every case study (`fenceNamesInText`). Any two of them can share a page (a study
 * shows any file, the architecture page shows covers from every study), so id prefixes are
 * allocated over all of them.
 */
export function siteDiagramNames(root: string = process.cwd()): Set<string> {
  const names = new Set(listDiagramFolder(root).files.map((f) => f.name));
  const studies = join(root, CASE_STUDIES_FOLDER);
  for (const f of caseStudyFiles(studies)) {
    let text: string;
    try {
      text = readFileSync(join(studies, f), 'utf8');
    } catch {
      continue;
    }
    if (!mayHaveDiagramFence(text)) continue;
    const slug = (f.split(/[\\/]/).pop() ?? f).replace(/\.mdx?$/i, '');
    for (const name of fenceNamesInText(slug, text)) names.add(name);
  }
  return names;
}

interface PrefixTable {
  names: Set<string>;
  prefixes: Map<string, string>;
}

const PREFIXES_KEY = Symbol.for('casebook.diagrams.id-prefixes');
type GlobalWithPrefixes = typeof globalThis & { [PREFIXES_KEY]?: Map<string, PrefixTable> };

/**
 * The id prefix of a diagram of this site (id-prefix.ts): allocated over `siteDiagramNames`,
 * read once per process and again when a name it does not hold is asked for (a diagram added
 * while `astro dev` runs). A name the site does not have (a test's) is allocated as if added.
 */
export function sitePrefix(name: string, root: string = process.cwd()): string {
  const g = globalThis as GlobalWithPrefixes;
  const tables = (g[PREFIXES_KEY] ??= new Map());
  let table = tables.get(root);
  if (!table?.names.has(name)) {
    const names = siteDiagramNames(root);
    table = { names, prefixes: allocateIdPrefixes(names) };
    tables.set(root, table);
  }
  return table.prefixes.get(name) ?? allocateIdPrefixes([...table.names, name]).get(name) ?? idPrefix(name);
}

/**
 * What a diagram's prefix takes from the rest of the site: the names whose 3-character code
 * collided, with the longer prefix each got, one `name=prefix` a line (empty when none did).
 * Every other name's prefix is its own code, which depends on the name alone; so a cache of
 * output holding prefixes (compiled MDX) is keyed by this, not by every other study's text.
 */
export function lengthenedPrefixes(root: string = process.cwd()): string {
  const names = siteDiagramNames(root);
  return [...allocateIdPrefixes(names)]
    .filter(([, prefix]) => prefix.length > SHORT_PREFIX_LENGTH)
    .map(([name, prefix]) => `${name}=${prefix}`)
    .sort()
    .join('\n');
}

// ---------------------------------------------------------------------------------------
// Unknown diagrams

/** Where a diagram is asked for, for messages: the file (and line) and the element. */
export interface DiagramUse {
  file: string;
  line?: number | undefined;
  /** e.g. `<Diagram name="checkout-flow">` or `cover.diagram`. */
  element: string;
}

const SHOWN_NAMES = 10;

/** The one "unknown diagram" error: the names there are, and a likely typo fix. */
export function unknownDiagramError(name: string, known: Iterable<string>, where: DiagramUse): DiagramError {
  const names = [...new Set(known)].sort();
  const guess = closestMatch(name, names);
  const shown = names.slice(0, SHOWN_NAMES).join(', ') + (names.length > SHOWN_NAMES ? `, ... (${names.length - SHOWN_NAMES} more)` : '');
  return new DiagramError({
    ...where,
    found: `no diagram named "${name}"`,
    expected:
      names.length === 0
        ? `the name of an SVG file in ${DIAGRAMS_FOLDER}/ (without .svg) or of a named text-diagram fence; there are none yet`
        : `one of: ${shown}${guess ? ` (did you mean "${guess}"?)` : ''}`,
  });
}

/**
 * The names one case study may use (`<Diagram name>`, `cover.diagram`): the files in
 * diagrams/ and the fences named in that same file. `check(name, where)` returns the error
 * for a name that is not among them: the refusal of the file itself when the name is that of
 * a refused file (`team/flow` for diagrams/team/flow.svg), else `unknownDiagramError`.
 */
export function namesForCaseStudy(root: string, fences: Iterable<FenceNode>): {
  names: Set<string>;
  check(name: string, where: DiagramUse): DiagramError | undefined;
} {
  const folder = listDiagramFolder(root);
  const names = new Set([...folder.files.map((f) => f.name), ...namedFences(fences)]);
  return {
    names,
    check(name, where) {
      if (names.has(name)) return undefined;
      const refusal = folder.refused.find((r) => r.file === `${DIAGRAMS_FOLDER}/${name}.svg`);
      return refusal ?? unknownDiagramError(name, names, where);
    },
  };
}

// ---------------------------------------------------------------------------------------
// Queries: the processed diagrams of this project (process.cwd(), the root for `astro build`)

async function loaders() {
  const [registry, collect] = await Promise.all([import('./registry.ts'), import('./text/collect.ts')]);
  return { registry, collect };
}

/** Every diagram name with a standalone file: SVG files, then fences not shadowed by a file. */
export async function names(): Promise<string[]> {
  const { registry, collect } = await loaders();
  const files = registry.listDiagrams();
  const fences = (await collect.listTextDiagrams()).filter((n) => !files.includes(n));
  return [...files, ...fences];
}

/** The processed diagram of that name (a file first, then a fence), or undefined. */
export async function get(name: string): Promise<ProcessedDiagram | undefined> {
  const { registry, collect } = await loaders();
  return registry.findDiagram(name) ?? (await collect.loadTextDiagram(name))?.processed;
}

/** The processed diagram of that name; throws the refusal of its file or `unknownDiagramError`. */
export async function requireDiagram(name: string, where: DiagramUse): Promise<ProcessedDiagram> {
  const found = await get(name);
  if (found) return found;
  const refusal = listDiagramFolder().refused.find((r) => r.file === `${DIAGRAMS_FOLDER}/${name}.svg`);
  throw refusal ?? unknownDiagramError(name, await names(), where);
}

/** `catalogue.require(name, where)` for callers that import the module as a namespace. */
export { requireDiagram as require };

/**
 * Converts a post from another static site generator (Hugo, Jekyll, Docusaurus, Astro, Next)
 * into a Casebook case study: front matter mapped onto the case-study schema, generator
 * markers dropped, shortcodes and Liquid tags converted where Casebook has an equivalent,
 * relative images listed for copying, and everything it could not map reported with the
 * line it is on. Pure: the CLI (src/cli/import.ts) does the file system work.
 */
import path from 'node:path';
import { stringify } from 'yaml';
import { htmlImageSources, isRelativeImage } from '../../lib/markdown/images.ts';
import { readFrontMatter } from './front-matter.ts';

export type Generator = 'hugo' | 'jekyll' | 'docusaurus' | 'astro' | 'next' | 'markdown';

export interface ImportNote {
  line?: number | undefined;
  message: string;
}

export interface ConvertedPost {
  generator: Generator;
  slug: string;
  format: 'md' | 'mdx';
  /** The whole case study file. */
  text: string;
  /** Relative image paths the body uses (to copy next to the new file). */
  images: string[];
  notes: ImportNote[];
}

export interface ConvertInput {
  /** The post's path (for the slug, the date in the file name and messages). */
  file: string;
  source: string;
  /** Today, for posts without any date (injectable for tests). */
  today?: Date;
}

/** Keys that are the same thing under another name, per Casebook field. */
const SUMMARY_KEYS = ['description', 'summary', 'excerpt', 'subtitle', 'abstract'];
const DATE_KEYS = ['date', 'pubDate', 'publishDate', 'published', 'publishedAt', 'created'];
const UPDATED_KEYS = ['lastmod', 'updated', 'updatedDate', 'last_modified_at', 'modified', 'lastUpdated'];
/** Keys that have no meaning in a case study and are dropped without a note. */
const IGNORED_KEYS = new Set(['layout', 'slug', 'permalink', 'url', 'aliases', 'weight', 'type', 'sidebar_position', 'sidebar_label', 'id', 'hide_table_of_contents', 'toc', 'comments', 'share']);

export function convertPost({ file, source, today = new Date() }: ConvertInput): ConvertedPost {
  const fm = readFrontMatter(source);
  const notes: ImportNote[] = [];
  if (fm.error) notes.push({ line: 1, message: `front matter does not parse (${fm.error}); fields were not mapped` });
  const data = fm.data;
  const used = new Set<string>();
  const take = (keys: readonly string[]): unknown => {
    for (const k of keys) if (data[k] !== undefined && data[k] !== null && data[k] !== '') {
      used.add(k);
      return data[k];
    }
    return undefined;
  };

  let body = fm.body;
  const generator = detectGenerator(fm.kind, data, body, file);
  const converted = convertBody(body, fm.bodyLine, notes);
  body = converted.body;

  const title = asText(take(['title'])) ?? firstHeading(body) ?? titleFromFile(file);
  if (!data['title']) notes.push({ message: `no title in the front matter; used "${title}"` });

  let summary = asText(take(SUMMARY_KEYS));
  if (!summary) {
    summary = firstParagraph(body) ?? title;
    notes.push({ message: 'no description/summary in the front matter; the first paragraph is the summary — check it' });
  }
  if (summary.length > 240) {
    summary = `${summary.slice(0, 237).replace(/\s+\S*$/, '')}...`;
    notes.push({ message: 'the summary was longer than 240 characters and was shortened' });
  }

  const date = asDate(take(DATE_KEYS)) ?? dateFromFile(file);
  const finalDate = date ?? today;
  if (!date) notes.push({ message: `no date in the front matter or the file name; used today (${ymd(today)})` });
  const updated = asDate(take(UPDATED_KEYS));

  const categories = asList(take(['categories', 'category']));
  const tags = [...asList(take(['tags'])), ...asList(take(['keywords'])), ...categories.slice(1)];
  const category = categories[0] ?? 'Writing';
  if (categories.length === 0) notes.push({ message: 'no category; used "Writing"' });

  const draftValue = take(['draft']);
  const publishedFlag = data['published'] === false;
  if (publishedFlag) used.add('published');
  const draft = draftValue === true || draftValue === 'true' || publishedFlag;

  const frontmatter: Record<string, unknown> = { title, summary, date: ymd(finalDate) };
  if (updated && updated >= finalDate) frontmatter['updated'] = ymd(updated);
  frontmatter['category'] = category;
  if (tags.length) frontmatter['tags'] = [...new Set(tags)];
  frontmatter['status'] = 'research';
  if (draft) frontmatter['draft'] = true;
  notes.push({ message: 'status set to "research"; pick the one that fits (production, design-exercise, reference-architecture, in-progress, research)' });

  for (const key of Object.keys(data)) {
    if (used.has(key) || IGNORED_KEYS.has(key)) continue;
    notes.push({ line: fm.lines[key], message: `front matter "${key}" has no case-study field; dropped` });
  }

  const format = needsMdx(body) ? 'mdx' : 'md';
  if (format === 'mdx') notes.push({ message: 'the body uses components or imports, so it was saved as .mdx; components other than Casebook\'s need importing' });
  const images = relativeImages(body);
  const text = `---\n${stringify(frontmatter, { lineWidth: 0 }).trimEnd()}\n---\n\n${body.replace(/^\s*\n/, '')}`;
  return { generator, slug: slugOf(file, data), format, text, images, notes };
}

function detectGenerator(kind: string, data: Record<string, unknown>, body: string, file: string): Generator {
  if (kind === 'toml' || /\{\{[<%]/.test(body) || 'lastmod' in data) return 'hugo';
  if (/\{%|\{\{\s*(site|page)\./.test(body) || /(^|\/)_posts\//.test(file)) return 'jekyll';
  if (/<!--\s*truncate\s*-->|\{\/\*\s*truncate\s*\*\/\}/.test(body) || 'authorURL' in data || 'authors' in data) return 'docusaurus';
  if ('pubDate' in data || 'heroImage' in data) return 'astro';
  if ('excerpt' in data || 'coverImage' in data) return 'next';
  return 'markdown';
}

interface BodyResult {
  body: string;
}

/**
 * Line by line, outside code fences: markers dropped, shortcodes and Liquid converted, the
 * rest reported. Multi-line shortcode pairs (mermaid, highlight) become fences.
 */
function convertBody(body: string, firstLine: number, notes: ImportNote[]): BodyResult {
  const lines = body.split('\n');
  const out: string[] = [];
  let fence: string | undefined;
  lines.forEach((line, i) => {
    const at = firstLine + i;
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      out.push(line);
      if (open && open[1]!.startsWith(fence[0]!) && open[1]!.length >= fence.length && line.trim() === open[1]) fence = undefined;
      return;
    }
    if (open) {
      fence = open[1];
      out.push(line);
      return;
    }
    // Read-more markers: Hugo/Jekyll <!--more-->, Docusaurus <!--truncate--> / {/* truncate */}.
    if (/^\s*(<!--\s*(more|truncate)\s*-->|\{\/\*\s*truncate\s*\*\/\})\s*$/i.test(line)) return;
    let text = line;
    // Paired shortcodes and Liquid blocks that are code fences.
    text = text
      .replace(/^\s*\{\{[<%]\s*mermaid[^>%]*[>%]\}\}\s*$/, '```mermaid')
      .replace(/^\s*\{\{[<%]\s*\/mermaid\s*[>%]\}\}\s*$/, '```')
      .replace(/^\s*\{\{[<%]\s*highlight\s+([\w+#-]+)[^>%]*[>%]\}\}\s*$/, '```$1')
      .replace(/^\s*\{\{[<%]\s*\/highlight\s*[>%]\}\}\s*$/, '```')
      .replace(/^\s*\{%-?\s*highlight\s+([\w+#-]+)[^%]*-?%\}\s*$/, '```$1')
      .replace(/^\s*\{%-?\s*endhighlight\s*-?%\}\s*$/, '```')
      .replace(/\{%-?\s*(raw|endraw)\s*-?%\}/g, '');
    // {{< figure src="…" alt="…" caption="…" >}} -> an image, captioned by its title.
    text = text.replace(/\{\{[<%]\s*figure\s+([^>%]*?)\s*\/?[>%]\}\}/g, (_m, attrs: string) => {
      const a = attributes(attrs);
      const src = a['src'] ?? '';
      const alt = a['alt'] ?? a['title'] ?? a['caption'] ?? '';
      const caption = a['caption'] ?? a['title'];
      return `![${escapeAlt(alt)}](${src}${caption ? ` "${caption.replace(/"/g, '\\"')}"` : ''})`;
    });
    // Liquid include of an image (common in Jekyll themes): {% include image.html url="…" description="…" %}
    text = text.replace(/\{%-?\s*include\s+[\w./-]*(?:image|figure|img)[\w./-]*\s+([^%]*?)-?%\}/g, (m, attrs: string) => {
      const a = attributes(attrs);
      const src = a['url'] ?? a['src'] ?? a['file'] ?? a['image'];
      if (!src) return m;
      return `![${escapeAlt(a['alt'] ?? a['description'] ?? a['caption'] ?? '')}](${src})`;
    });
    text = text.replace(/\{\{\s*(site\.baseurl|site\.url|"\/"\s*\|\s*relative_url)\s*\}\}/g, '');
    out.push(text);
    if (text.trim() === '```mermaid' && line !== text) return;
    for (const m of text.matchAll(/\{\{[<%]\s*([\w/.-]+)[^}]*[>%]\}\}/g)) {
      notes.push({ line: at, message: `Hugo shortcode {{< ${m[1]} >}} has no Casebook equivalent; left as text — rewrite it as Markdown` });
    }
    for (const m of text.matchAll(/\{%-?\s*(\w+)[^%]*%\}/g)) {
      notes.push({ line: at, message: `Liquid tag {% ${m[1]} %} has no Casebook equivalent; left as text — rewrite it as Markdown` });
    }
    for (const m of text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)) {
      if (!/^[<%]/.test(m[0].slice(2))) notes.push({ line: at, message: `template variable {{ ${m[1]} }} has no value in Casebook; left as text` });
    }
  });
  return { body: out.join('\n') };
}

function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([\w-]+)=(?:"([^"]*)"|'([^']*)'|(\S+))/g)) out[m[1]!] = m[2] ?? m[3] ?? m[4] ?? '';
  return out;
}

const escapeAlt = (s: string) => s.replace(/[[\]]/g, '\\$&');

/** JSX components, imports or exports outside code: only MDX can keep them. */
export function needsMdx(body: string): boolean {
  const prose = stripCode(body);
  return /^(import|export)\s/m.test(prose) || /<[A-Z][\w.]*[\s/>]/.test(prose);
}

function stripCode(body: string): string {
  return body.replace(/^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1\2[`~]*[ \t]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

function relativeImages(body: string): string[] {
  const prose = stripCode(body);
  const found = new Set<string>();
  for (const m of prose.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) found.add(m[1]!);
  for (const src of htmlImageSources(prose)) found.add(src);
  return [...found].filter(isRelativeImage).map((s) => decodeURI(s.split(/[?#]/)[0]!));
}

function firstHeading(body: string): string | undefined {
  return /^#\s+(.+?)\s*#*\s*$/m.exec(stripCode(body))?.[1];
}

function firstParagraph(body: string): string | undefined {
  for (const block of stripCode(body).split(/\n\s*\n/)) {
    const t = block.trim();
    if (!t || /^(#|!\[|<|>|[-*+] |\d+\.|\||:::)/.test(t)) continue;
    return t.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`]/g, '').replace(/\s+/g, ' ');
  }
  return undefined;
}

function titleFromFile(file: string): string {
  const base = slugOf(file, {});
  return base.replace(/-/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
}

const DATED = /^(\d{4})-(\d{2})-(\d{2})-/;

function dateFromFile(file: string): Date | undefined {
  const parts = file.split(/[\\/]/);
  for (const part of [parts.at(-1)!, parts.at(-2) ?? '']) {
    const m = DATED.exec(part);
    if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  }
  return undefined;
}

/** The new file's name: the front matter's slug, else the file (or folder, for index.md) without a date prefix. */
export function slugOf(file: string, data: Record<string, unknown>): string {
  const fromData = typeof data['slug'] === 'string' ? data['slug'].split('/').filter(Boolean).at(-1) : undefined;
  let base = path.basename(file).replace(/\.(mdx|md|markdown)$/i, '');
  if (base === 'index' || base === '_index') base = path.basename(path.dirname(file));
  const raw = fromData ?? base.replace(DATED, '');
  return raw.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'imported';
}

function asText(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim().replace(/\s+/g, ' ') : undefined;
}

function asList(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x) => typeof x === 'string' || typeof x === 'number').map((x) => String(x).trim()).filter(Boolean);
  if (typeof v === 'string') return v.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean);
  return [];
}

function asDate(v: unknown): Date | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v;
  // A written calendar day is kept as written, whatever the time zone after it.
  const day = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(v.trim()) : null;
  if (day) return new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
  if (typeof v === 'string' || typeof v === 'number') {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? undefined : new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
  }
  // smol-toml returns its own date class with toISOString.
  if (v && typeof v === 'object' && 'toISOString' in v) return asDate((v as { toISOString(): string }).toISOString());
  return undefined;
}

const ymd = (d: Date) => d.toISOString().slice(0, 10);

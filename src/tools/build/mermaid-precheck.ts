/**
 * Whether every Mermaid fence of the content is already in the render cache, decided without
 * a Markdown parse when the files allow it: `npm run build` asks before it starts (an uncached
 * fence means validating first, see src/cli/build.ts), and parsing 1,000 case studies with
 * remark only to answer "yes" took 8.5 s of CPU before the build began.
 *
 * The quick answer reads each file line by line with a strict model of fenced code: every
 * line holding ``` or ~~~ is either a fence opening at column 0 (outside any container: no
 * list indentation, no `>`; no character remark would decode in its info string) or, inside
 * a fence, its closing line; every fence is closed. In that model a line-based reading finds exactly the fences remark finds, with the
 * same bodies. A file outside the model (an indented fence, a fence in a quote, an unclosed
 * one, a lone carriage return) is "unknown", and then the answer comes from the parse as
 * before. The quick reading may also see a fence remark would not (one inside an HTML block of
 * a .md file); it then asks for that render too, which can only send the build down the slow,
 * exact path. So "all cached" is only ever said when the parse would say it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fenceLang } from '../../lib/diagrams/catalogue.ts';
import { normaliseSource } from '../../lib/diagrams/text/render.ts';
import { mermaidStoreKey } from '../../lib/diagrams/text/render-mermaid.ts';
import { uncachedMermaidFences, type ContentFence } from '../../lib/diagrams/text/prerender.ts';
import { defaultStoreDir, RenderStore } from '../../lib/diagrams/text/render-store.ts';
import { blankFrontmatter } from '../../lib/frontmatter.ts';
import { formatOf } from '../../lib/markdown/features.ts';

const OPENING = /^(`{3,}|~{3,})(.*)$/;
const CLOSING = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const MARKER = /`{3,}|~{3,}/;

/**
 * The bodies of the Mermaid fences in one file's text, in order, or undefined when the file
 * is outside the strict model above (then only a parse can say). Any other line holding
 * ``` or ~~~ (an indented fence, one in a list item or a quote, a fence-like line inside a
 * fence, triple backticks in prose) is outside the model: it is the only way a fence remark
 * sees could hide from a line-based reading.
 */
export function scanMermaidFences(text: string): string[] | undefined {
  if (/\r(?!\n)/.test(text)) return undefined;
  const lines = blankFrontmatter(text).split('\n').map((l) => l.replace(/\r$/, ''));
  const bodies: string[] = [];
  let open: { marker: string; mermaid: boolean; from: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!MARKER.test(line)) continue;
    if (open) {
      const close = CLOSING.exec(line);
      if (!close || close[1]![0] !== open.marker[0] || close[1]!.length < open.marker.length) return undefined;
      if (open.mermaid) bodies.push(lines.slice(open.from, i).join('\n'));
      open = undefined;
      continue;
    }
    const m = OPENING.exec(line);
    if (!m) return undefined;
    const [, marker, rest] = m as unknown as [string, string, string];
    const info = rest.trim();
    // A backtick fence's info may not hold a backtick (then it is no fence); escapes and
    // entities are decoded by remark: leave those to it.
    if ((marker[0] === '`' && info.includes('`')) || /[\\&`~]/.test(info)) return undefined;
    open = { marker, mermaid: fenceLang(info.split(/\s+/)[0]) === 'mermaid', from: i + 1 };
  }
  return open ? undefined : bodies;
}

export interface MermaidPrecheck {
  /** The uncached fences (empty: nothing for the browser to do). */
  uncached: ContentFence[];
  /** Whether the answer needed the Markdown parse (some file was outside the quick model, or a fence was uncached). */
  parsed: boolean;
}

/**
 * The content's Mermaid fences missing from the render cache: the quick reading when every
 * file fits it and every fence it finds is cached, else the exact answer from the parse.
 */
export function uncachedMermaid(root: string, store: RenderStore = new RenderStore(defaultStoreDir())): MermaidPrecheck {
  const dir = join(root, 'content');
  let files: string[];
  try {
    files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => formatOf(f) !== undefined);
  } catch {
    files = [];
  }
  for (const f of files) {
    let bodies: string[] | undefined;
    try {
      bodies = scanMermaidFences(readFileSync(join(dir, f), 'utf8'));
    } catch {
      bodies = undefined;
    }
    if (!bodies || bodies.some((b) => store.get(mermaidStoreKey(normaliseSource(b))) === undefined)) {
      return { uncached: uncachedMermaidFences(root, store), parsed: true };
    }
  }
  return { uncached: [], parsed: false };
}

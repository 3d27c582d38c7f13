/**
 * What an ordinary code fence's info string says, in the forms authors bring from other
 * generators: a title or file name (```ts title="app.ts"```, Next's `filename="…"`,
 * VitePress' ```ts:app.ts```, `[app.ts]`), line highlights (`{1,3-5}`, read by shiki's
 * transformerMetaHighlight from the meta string, which is passed through), and languages
 * shiki does not know (`promql`), which are shown as plain text with a warning instead of
 * failing. `diff-js`-style languages (Prism's diff-<lang>) are shown as diffs.
 */
import { bundledLanguages, bundledLanguagesAlias } from 'shiki';

export interface CodeFence {
  /** The language shiki is asked for. */
  lang: string | undefined;
  /** Shown above the block, when given. */
  title: string | undefined;
  /** The language as written, when it was unknown and replaced by plain text. */
  unknownLang: string | undefined;
}

/** Shiki's own names for "no highlighting", and languages Casebook handles elsewhere. */
const PLAIN = new Set(['text', 'txt', 'plain', 'plaintext', 'ansi', 'math']);

export function isKnownLanguage(lang: string): boolean {
  const key = lang.toLowerCase();
  return PLAIN.has(key) || key in bundledLanguages || key in bundledLanguagesAlias;
}

const TITLE_IN_META = /(?:^|\s)(?:title|filename|file)=(?:"([^"]*)"|'([^']*)'|(\S+))/;
const BRACKET_TITLE = /(?:^|\s)\[([^\]]+)\](?=\s|$)/;

export function parseCodeFence(lang: string | null | undefined, meta: string | null | undefined): CodeFence {
  let name = lang ?? undefined;
  let title: string | undefined;
  // ```ts:app.ts (VitePress, Nuxt Content, some Hugo themes)
  const colon = name ? /^([^:\s]+):(.+)$/.exec(name) : null;
  if (colon) {
    name = colon[1];
    title = colon[2];
  }
  if (meta) {
    const m = TITLE_IN_META.exec(meta) ?? BRACKET_TITLE.exec(meta);
    if (m) title = m[1] ?? m[2] ?? m[3];
  }
  let unknownLang: string | undefined;
  if (name && /^diff-[\w+#-]+$/i.test(name)) name = 'diff';
  else if (name && !isKnownLanguage(name)) {
    unknownLang = name;
    name = 'plaintext';
  }
  return { lang: name, title: title?.trim() || undefined, unknownLang };
}

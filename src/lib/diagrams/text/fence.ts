/**
 * What a text-diagram fence says about itself: its language and the options in its meta
 * string, e.g. ```mermaid title="Charge flow" name="charge-flow".
 *
 * - `title`: the caption and the diagram's accessible name.
 * - `name`: a stable id, used for `data-diagram`, the id prefix, /diagrams/<name>.svg and
 *   a case study's `cover.diagram`. Defaults to `<slug>-<lang>-<n>` (n counts fences of
 *   that language in the file, from 1), which changes if fences are reordered: name a
 *   diagram you link to.
 * - `alt`: a longer text alternative than the title, when the caption is not enough.
 */
import { FENCE_LANGS, type TextDiagramLang } from './types.ts';

export interface FenceOptions {
  title?: string;
  name?: string;
  alt?: string;
}

const KNOWN_KEYS = ['title', 'name', 'alt'] as const;
type KnownKey = (typeof KNOWN_KEYS)[number];

/** Lower-case letters, digits and dashes; what a file name and an id prefix can both hold. */
export const DIAGRAM_NAME = /^[a-z0-9][a-z0-9-]*$/;

/** The language a fence's info string selects, or undefined for ordinary code blocks. */
export function fenceLang(lang: string | null | undefined): TextDiagramLang | undefined {
  return lang ? FENCE_LANGS[lang.toLowerCase()] : undefined;
}

/** A problem with the meta string; the plugin adds the file and line. */
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
  if (options.name !== undefined && !DIAGRAM_NAME.test(options.name)) {
    throw new FenceMetaError(`name="${options.name}" is not a valid diagram name; expected lower-case letters, digits and dashes, e.g. name="charge-flow"`);
  }
  return options;
}

/** `<slug>-<lang>-<n>`, the name of a fence that gives none. */
export function defaultDiagramName(slug: string, lang: TextDiagramLang, n: number): string {
  const safeSlug = slug.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'diagram';
  return `${safeSlug}-${lang}-${n}`;
}

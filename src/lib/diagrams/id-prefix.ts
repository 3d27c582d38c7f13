/**
 * Short id prefixes: what every id inside a diagram starts with, so that diagrams sharing a
 * page never define the same id.
 *
 * Prefixing with the diagram's name (`checkout-flow-arrow`) was unique but long: mermaid-cli,
 * Visio and D2 output repeats the root id in every scoped selector and every reference, and
 * a 40-character name cost up to 1 KB per diagram. A prefix is now a short code derived from
 * the name alone: an upper-case letter, then letters and digits, read from the sha256 of the
 * name (`Kq7`), so
 *  - it is the same in every build (no counter, no order of rendering);
 *  - it never equals an id the page itself makes: diagram names, heading slugs and the
 *    figure's `<name>-figcaption` are lower case, a code starts with an upper-case letter;
 *  - it holds no `-`, so `<prefix>-<id>` can be read back one way only, whatever the lengths.
 * Codes are 3 characters long. Among all the diagrams of a site (any two can share a page:
 * a study shows any file of diagrams/, the architecture page shows covers from every study),
 * names whose 3-character codes are equal both take 4 characters, and so on until they differ
 * (`allocateIdPrefixes`). A name's prefix therefore changes only when a new diagram's code
 * starts like its own.
 */
import { createHash } from 'node:crypto';

/** The length of a prefix when no other diagram of the site shares its code. */
export const SHORT_PREFIX_LENGTH = 3;

/** What a prefix is made of: a letter, then letters and digits (a CSS identifier without `-`). */
export const ID_PREFIX = /^[A-Za-z][A-Za-z0-9]*$/;

const FIRST = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const REST = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Past this many characters (never reached by distinct names in practice) the code is the whole digest. */
const MAX_CODE_LENGTH = 32;

/** The name's code of `length` characters (the longer codes of a name start with its shorter ones). */
export function prefixCode(name: string, length: number): string {
  const digest = createHash('sha256').update(name).digest();
  if (length > MAX_CODE_LENGTH) return `Z${digest.toString('hex')}`;
  let code = FIRST[(digest[0] ?? 0) % FIRST.length] ?? 'A';
  for (let i = 1; i < length; i++) code += REST[(digest[i] ?? 0) % REST.length] ?? 'a';
  return code;
}

/** The prefix a name gets on its own (no other diagram known): its 3-character code. */
export function idPrefix(name: string): string {
  return prefixCode(name, SHORT_PREFIX_LENGTH);
}

/**
 * The prefix of every name: the shortest code, from 3 characters, that no other name of the
 * set shares. Two names never get the same prefix: at equal lengths their codes differ, and
 * prefixes of different lengths are different strings.
 */
export function allocateIdPrefixes(names: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  const assign = (group: readonly string[], length: number): void => {
    const byCode = new Map<string, string[]>();
    for (const name of group) {
      const code = prefixCode(name, length);
      const same = byCode.get(code);
      if (same) same.push(name);
      else byCode.set(code, [name]);
    }
    for (const [code, same] of byCode) {
      if (same.length === 1) out.set(same[0] ?? '', code);
      else if (length > MAX_CODE_LENGTH) throw new Error(`diagram names ${same.join(', ')} share the id prefix ${code}`);
      else assign(same, length + 1);
    }
  };
  assign([...new Set(names)], SHORT_PREFIX_LENGTH);
  return out;
}

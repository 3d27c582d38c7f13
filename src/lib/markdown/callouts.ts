/**
 * The one mapping from the admonition syntaxes authors bring with them to Casebook's
 * `<Callout>`: GitHub alerts (`> [!WARNING]`) and directive admonitions (`:::tip[Title]`,
 * Docusaurus' `:::caution Title`). Both become the markup `<Callout>` renders, so an alert in a
 * `.md` file and `<Callout type="warning">` in an `.mdx` file look the same.
 *
 * A kind without a Callout type of its own keeps its name as the label (IMPORTANT is shown as
 * "Important" in a note-coloured callout), so no meaning is lost.
 */
import type { CalloutType } from '../../components/mdx/names.ts';

/** The label `<Callout type>` shows when no title is given. */
export const CALLOUT_LABELS: Record<CalloutType, string> = {
  note: 'Note',
  tip: 'Tip',
  warning: 'Warning',
  lesson: 'Lesson',
};

export interface CalloutKind {
  type: CalloutType;
  /** The default label, when the source gives no title. */
  label: string;
}

const kind = (type: CalloutType, label = CALLOUT_LABELS[type]): CalloutKind => ({ type, label });

/** GitHub alerts: the five kinds GitHub renders (https://github.com/orgs/community/discussions/16925). */
export const ALERT_KINDS: Readonly<Record<string, CalloutKind>> = {
  NOTE: kind('note'),
  TIP: kind('tip'),
  IMPORTANT: kind('note', 'Important'),
  WARNING: kind('warning'),
  CAUTION: kind('warning', 'Caution'),
};

/**
 * Directive admonitions: Docusaurus' five (note, tip, info, warning, danger, and the older
 * caution), VitePress/Starlight names (important, success, question, example), and our own.
 */
export const DIRECTIVE_KINDS: Readonly<Record<string, CalloutKind>> = {
  note: kind('note'),
  info: kind('note', 'Info'),
  important: kind('note', 'Important'),
  tip: kind('tip'),
  success: kind('tip', 'Success'),
  warning: kind('warning'),
  caution: kind('warning', 'Caution'),
  danger: kind('warning', 'Danger'),
  lesson: kind('lesson'),
};

/** `[!NOTE]` at the start of a blockquote's first line: the alert's kind, or undefined. */
export function alertKindOf(firstLine: string): { kind: CalloutKind; name: string; rest: string } | undefined {
  const match = /^\s*\[!([A-Za-z]+)\][ \t]*/.exec(firstLine);
  if (!match) return undefined;
  const name = match[1]!.toUpperCase();
  const found = ALERT_KINDS[name];
  return found ? { kind: found, name, rest: firstLine.slice(match[0].length) } : undefined;
}

/**
 * The title written after a directive's name on its opening line, Docusaurus style
 * (`:::caution Watch out`), which the directive syntax itself drops. `:::tip[Title]` and
 * `:::tip{title="…"}` are read from the tree instead.
 */
export function directiveLineTitle(openingLine: string): string | undefined {
  const match = /^\s*:{3,}[ \t]*[A-Za-z][\w-]*(?:\[[^\]]*\])?(?:\{[^}]*\})?[ \t]+(\S.*?)\s*$/.exec(openingLine);
  return match?.[1];
}

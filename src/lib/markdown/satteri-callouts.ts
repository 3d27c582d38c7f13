/**
 * GitHub alerts and directive admonitions as `<Callout>` markup, for `.md` and `.mdx` alike
 * (a Sätteri mdast plugin; the mapping lives in callouts.ts).
 *
 * The nodes are restyled in place (`data.hName` turns a blockquote or a container directive
 * into an `<aside>`) rather than rebuilt, so nested content, nested admonitions and positions
 * stay as the parser made them. A directive name we do not map still renders its content, as
 * a `<div class="directive">`: without this plugin Sätteri drops unknown directives entirely,
 * and content that silently disappears is the one outcome we never accept.
 */
import type { Blockquote, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { MdastPluginDefinition, MdastVisitorContext } from 'satteri';
import { alertKindOf, DIRECTIVE_KINDS, directiveLineTitle, type CalloutKind } from './callouts.ts';

/** Sätteri declares the directive nodes on mdast's content maps but does not export them. */
type ContainerDirective = Extract<RootContent, { type: 'containerDirective' }>;

export function satteriCallouts(): MdastPluginDefinition {
  return {
    name: 'casebook-callouts',
    // Positions: the opening line of `:::caution Title` is read from the source.
    options: { position: true },
    blockquote(node, ctx) {
      const first = node.children[0];
      if (first?.type !== 'paragraph') return;
      const text = first.children[0];
      if (text?.type !== 'text') return;
      const [firstLine = '', ...more] = text.value.split('\n');
      const alert = alertKindOf(firstLine);
      if (!alert) return;
      // `> [!NOTE] Custom title` (Obsidian, and GitHub tolerates it): the rest of the line titles it.
      const title = alert.rest.trim() || alert.kind.label;
      const remaining = more.join('\n');
      if (remaining === '' && first.children.length === 1) ctx.removeNode(first);
      else ctx.setProperty(text, 'value', remaining.replace(/^\s+/, ''));
      asCallout(node, ctx, alert.kind, title);
    },
    containerDirective(node, ctx) {
      const kind = DIRECTIVE_KINDS[node.name.toLowerCase()];
      if (!kind) {
        ctx.setProperty(node, 'data', { hName: 'div', hProperties: { className: ['directive', `directive-${node.name}`] } });
        return;
      }
      const labelParagraph = node.children.find(
        (c): c is Paragraph => c.type === 'paragraph' && c.data?.directiveLabel === true,
      );
      const attributeTitle = node.attributes?.['title'] ?? undefined;
      if (labelParagraph) {
        const title = ctx.textContent(labelParagraph).trim() || kind.label;
        ctx.setProperty(node, 'data', calloutData(kind, title));
        ctx.setProperty(labelParagraph, 'data', { hProperties: { className: ['label'] } });
        return;
      }
      const lineTitle = openingLineTitle(node, ctx);
      asCallout(node, ctx, kind, attributeTitle?.trim() || lineTitle || kind.label);
    },
  };
}

function calloutData(kind: CalloutKind, title: string) {
  return { hName: 'aside', hProperties: { className: ['callout', kind.type], ariaLabel: title } };
}

function asCallout(node: Readonly<Blockquote | ContainerDirective>, ctx: MdastVisitorContext, kind: CalloutKind, title: string): void {
  ctx.setProperty(node, 'data', calloutData(kind, title));
  const label: Paragraph = {
    type: 'paragraph',
    data: { hProperties: { className: ['label'] } },
    children: [{ type: 'text', value: title } satisfies PhrasingContent],
  };
  ctx.prependChild(node, label);
}

function openingLineTitle(node: Readonly<ContainerDirective>, ctx: MdastVisitorContext): string | undefined {
  const start = node.position?.start.offset;
  if (start === undefined) return undefined;
  const end = ctx.source.indexOf('\n', start);
  return directiveLineTitle(ctx.source.slice(start, end === -1 ? undefined : end));
}

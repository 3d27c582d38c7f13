/**
 * Code fences as authors write them (the rules are in code-fences.ts): a titled fence becomes
 * `<figure class="code-figure"><figcaption>title</figcaption><pre>…</pre></figure>`, a fence
 * with line highlights is wrapped so they reach the page (satteri-line-highlights.ts), and an
 * unknown language is handed to shiki as plain text (the validator warns about it with
 * file:line; shiki's own warning names no file). Text-diagram fences are left to their plugin.
 */
import type { Code } from 'mdast';
import type { MdastPluginDefinition } from 'satteri';
import { parseMetaHighlightString } from '@shikijs/transformers';
import { fenceLang } from '../diagrams/catalogue.ts';
import { parseCodeFence } from './code-fences.ts';
import { HIGHLIGHT_ATTRIBUTE } from './satteri-line-highlights.ts';

const HIGHLIGHT_SPEC = /\{([\d,\s-]+)\}/;

export function satteriCodeFences(): MdastPluginDefinition {
  return {
    name: 'casebook-code-fences',
    code(node, ctx) {
      if (fenceLang(node.lang)) return;
      const fence = parseCodeFence(node.lang, node.meta);
      const spec = node.meta ? HIGHLIGHT_SPEC.exec(node.meta)?.[1]?.replace(/\s+/g, '') : undefined;
      const highlights = spec && parseMetaHighlightString(`{${spec}}`)?.length ? spec : undefined;
      if (fence.lang === (node.lang ?? undefined) && !fence.title && !highlights) return;
      const code: Code = { type: 'code', lang: fence.lang ?? null, meta: node.meta ?? null, value: node.value };
      if (!fence.title && !highlights) return code;
      const properties: Record<string, string | string[]> = { className: [fence.title ? 'code-figure' : 'code-block'] };
      if (highlights) properties[HIGHLIGHT_ATTRIBUTE] = highlights;
      ctx.replaceNode(node, {
        type: 'codeFigure',
        data: { hName: fence.title ? 'figure' : 'div', hProperties: properties },
        children: fence.title
          ? [{ type: 'codeCaption', data: { hName: 'figcaption' }, children: [{ type: 'text', value: fence.title }] }, code]
          : [code],
      });
      return undefined;
    },
  };
}

/**
 * Parse each file once: the fence collector (/diagrams/<name>.svg, covers naming a fence)
 * reuses what the page build rendered from the same file body, and parses a file again only
 * when its body is not what the page build saw.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { collectTextDiagrams } from '../../../src/lib/diagrams/text/collect.ts';
import type { RenderedFence } from '../../../src/lib/diagrams/text/remark-text-diagrams.ts';
import {
  bodyDigest,
  forgetRenderedFences,
  recallRenderedFences,
  rememberRenderedFences,
} from '../../../src/lib/diagrams/text/rendered-fences.ts';

const frontmatter = '---\ntitle: Streams\nsummary: A pipeline.\n---\n';
const body = '\nIntro.\n\n```dot name="flow"\ndigraph { a -> b }\n```\n';

/** What @astrojs/mdx hands the Markdown processor: frontmatter blanked with spaces, lines kept. */
const blankedWithSpaces = (text: string) =>
  text.replace(/^---\n[\s\S]*?\n---\n/, (fm) => fm.replace(/[^\n]/g, ' '));
/** What the collector makes of the file on disk: frontmatter blanked to empty lines. */
const blankedToLines = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/, (fm) => fm.replace(/[^\n]/g, ''));

function fakeFence(name: string, file: string): RenderedFence {
  return {
    name, lang: 'dot', file, line: 6, caption: undefined, warnings: [],
    processed: { name, idPrefix: 'Ab1', svg: `<svg id="${name}"/>`, viewBox: '0 0 10 10', width: 10, height: 10, bytesIn: 20, bytesOut: 20, warnings: [], hash: name },
  };
}

afterEach(() => forgetRenderedFences());

describe('rendered fences', () => {
  it('sees the page build\'s and the collector\'s copies of a file as the same body', () => {
    const text = frontmatter + body;
    expect(bodyDigest(blankedWithSpaces(text))).toBe(bodyDigest(blankedToLines(text)));
    // A changed body, or the same body moved down a line (so line numbers differ), is not the same.
    expect(bodyDigest(blankedToLines(text.replace('a -> b', 'a -> c')))).not.toBe(bodyDigest(blankedWithSpaces(text)));
    expect(bodyDigest(blankedToLines(frontmatter + '\n' + body))).not.toBe(bodyDigest(blankedWithSpaces(text)));
  });

  it('recalls fences only for the same path and body', () => {
    const fences = [fakeFence('flow', 'content/case-studies/a.mdx')];
    rememberRenderedFences('/site/content/case-studies/a.mdx', blankedWithSpaces(frontmatter + body), fences);
    expect(recallRenderedFences('/site/content/case-studies/a.mdx', blankedToLines(frontmatter + body))).toBe(fences);
    expect(recallRenderedFences('/site/content/case-studies/b.mdx', blankedToLines(frontmatter + body))).toBeUndefined();
    expect(recallRenderedFences('/site/content/case-studies/a.mdx', blankedToLines(frontmatter + body + 'More.\n'))).toBeUndefined();
  });

  it('lets the collector use what the page build rendered, and parse a file edited since', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rendered-fences-'));
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'streams.mdx');
    writeFileSync(file, frontmatter + body);
    // The page build rendered this file already: the collector takes its result as it is.
    rememberRenderedFences(file, blankedWithSpaces(frontmatter + body), [fakeFence('from-the-page-build', 'streams.mdx')]);
    expect([...(await collectTextDiagrams({ dir })).keys()]).toEqual(['from-the-page-build']);

    // Edited after the page build: parsed and rendered again, with the name now in the file.
    writeFileSync(file, frontmatter + body.replace('name="flow"', 'name="flow-v2"'));
    const fresh = await collectTextDiagrams({ dir });
    expect([...fresh.keys()]).toEqual(['flow-v2']);
    expect(fresh.get('flow-v2')?.processed.svg).toContain('<svg');
  });
});

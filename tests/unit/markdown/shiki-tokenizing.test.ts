/**
 * The transformer that makes highlighting independent of machine load: shiki's per-line time
 * limit is switched off for every code block, so a slow line is tokenized to its end instead
 * of being left as one uncoloured token.
 */
import { createHighlighter, type CodeToHastOptions } from 'shiki';
import { describe, expect, it } from 'vitest';
import { completeTokenizing, shikiTransformers } from '../../../src/lib/markdown/shiki-transformers.ts';

const themes = { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } as const;
const code = 'export async function main(args: string[]): Promise<number> {\n  const res = await fetch("https://example.com/" + args[0], { method: "POST" });\n  return res.status === 200 ? 0 : 1;\n}';

describe('completeTokenizing', () => {
  it('sets no time limit on the call it runs in and leaves the code alone', () => {
    const options = { lang: 'ts', themes, tokenizeTimeLimit: 500 } as CodeToHastOptions;
    const result = completeTokenizing().preprocess?.call({} as never, code, options);
    expect(options.tokenizeTimeLimit).toBe(0);
    expect(result ?? code).toBe(code);
  });

  it('runs first among the site transformers', () => {
    expect(shikiTransformers[0]?.name).toBe('casebook:complete-tokenizing');
  });

  it('overrides a limit a line can never meet: the output is the unlimited one', async () => {
    const hl = await createHighlighter({ langs: ['typescript'], themes: Object.values(themes) });
    try {
      const unlimited = hl.codeToHtml(code, { lang: 'typescript', themes, defaultColor: false, tokenizeTimeLimit: 0 });
      // Any line that takes a millisecond would stop early under this limit without the transformer.
      const withTransformer = hl.codeToHtml(code, { lang: 'typescript', themes, defaultColor: false, tokenizeTimeLimit: Number.MIN_VALUE, transformers: [completeTokenizing()] });
      expect(withTransformer).toBe(unlimited);
      expect(unlimited).toContain('--shiki-light:#A0111F'); // keywords keep the light theme's colour
    } finally {
      hl.dispose();
    }
  });
});

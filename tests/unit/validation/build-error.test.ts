import { describe, expect, it } from 'vitest';
import { formatBuildError } from '../../../src/tools/validation/build-error.ts';

const ROOT = '/project';

describe('formatBuildError', () => {
  it('prints an AstroError as file, message and hint, without markdown or stack', () => {
    const error = Object.assign(new Error('**case-studies → x** data does not match collection schema.\n\n  **status**: expected a status'), {
      name: 'InvalidContentEntryDataError',
      title: 'Content entry data does not match schema.',
      hint: 'See the content schema.',
      loc: { file: '/project/content/case-studies/x.mdx', line: 0, column: 0 },
    });
    expect(formatBuildError(error, ROOT, false)).toBe(
      [
        'content/case-studies/x.mdx  Content entry data does not match schema. case-studies → x data does not match collection schema.',
        '',
        '    status: expected a status',
        '  hint: See the content schema.',
      ].join('\n'),
    );
  });

  it('unpacks a bundler aggregate error and drops stack lines embedded in messages', () => {
    const inner = Object.assign(
      new Error('content/case-studies/f.mdx:64: ```mermaid fence "flow": cannot read "-->"\n    at handler (file:///x/vite-plugin-mdx.js:64:17)\n    at async plugin (file:///x/rolldown.mjs:1:2)'),
      { id: '/project/content/case-studies/f.mdx', loc: { file: '/project/content/case-studies/f.mdx', line: 64 } },
    );
    const aggregate = Object.assign(new Error('Build failed with 1 error:\n...'), { errors: [inner] });
    expect(formatBuildError(aggregate, ROOT, false)).toBe('content/case-studies/f.mdx:64: ```mermaid fence "flow": cannot read "-->"');
  });

  it('shows the stack only when asked (CASEBOOK_DEBUG=1)', () => {
    const error = new Error('boom');
    expect(formatBuildError(error, ROOT, false)).toBe('boom');
    expect(formatBuildError(error, ROOT, true)).toContain('at ');
  });
});

/** An author never sees stack frames from the build, but sees every other line. */
import { describe, expect, it } from 'vitest';
import { withoutStackFrames } from '../../src/tools/build/quiet-stack-traces.ts';

describe('withoutStackFrames', () => {
  it('drops frame lines and keeps the message', () => {
    const log = [
      '04:36:16 [ERROR] [build] Caught error rendering /case-studies/wagefi/: Error: <Callout type="danger">: expected type to be one of note, tip',
      '    at file:///tmp/x/.casebook/build-1/.prerender/chunks/Callout_1.mjs:12:11',
      '    at async renderJSXVNode (file:///tmp/x/chunks/jsx-runtime_CPQ7qNpF.mjs:2217:27)',
      '\x1b[2m    at Object.render (node:internal/x:1:2)\x1b[22m',
      '    at new Promise (<anonymous>)',
      'Build failed:',
      '  at least one line that merely starts with "at" stays',
      '',
    ].join('\n');
    expect(withoutStackFrames(log)).toBe(
      [
        '04:36:16 [ERROR] [build] Caught error rendering /case-studies/wagefi/: Error: <Callout type="danger">: expected type to be one of note, tip',
        'Build failed:',
        '  at least one line that merely starts with "at" stays',
        '',
      ].join('\n'),
    );
  });
});

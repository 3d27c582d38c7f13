/**
 * How a diagram is placed in a page: one accessible name (alt > <title> > caption), the
 * description from <desc>, the standalone link under the base path, and the standalone file.
 */
import { describe, expect, it } from 'vitest';
import { aspectRatio, diagramHref, inlineSvg } from '../../../src/lib/diagrams/inline.ts';
import { standaloneSvg } from '../../../src/lib/diagrams/standalone.ts';
import { processSvg } from '../../../src/lib/diagrams/pipeline.ts';
import { elements, processFixture } from './support.ts';

const rootOf = (svg: string) => elements(svg)[0]?.attribs ?? {};

describe('accessible name', () => {
  const withTitle = processFixture('shared-ids-a.svg', 'alpha'); // has aria-labelledby on its root already
  const untitled = processSvg('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="5" height="5"/></svg>', { name: 'plain', file: 'diagrams/plain.svg' });

  it('alt wins, and replaces any naming the author put on the root', () => {
    const root = rootOf(inlineSvg(withTitle, { alt: 'Custom "alt"', caption: 'Cap', captionId: 'cap' }));
    expect(root.role).toBe('img');
    expect(root['aria-label']).toBe('Custom "alt"');
    expect(root['aria-labelledby']).toBeUndefined();
  });

  it('then the <title>', () => {
    const root = rootOf(inlineSvg(withTitle, { caption: 'Cap', captionId: 'cap' }));
    expect(root['aria-labelledby']).toBe(`${withTitle.idPrefix}-title`);
    expect(root['aria-label']).toBeUndefined();
  });

  it('then the visible caption', () => {
    expect(rootOf(inlineSvg(untitled, { caption: 'Cap', captionId: 'cap' }))['aria-labelledby']).toBe('cap');
    expect(rootOf(inlineSvg(untitled, { caption: 'Cap' }))['aria-label']).toBe('Cap');
  });

  it('fails when nothing can name the diagram', () => {
    expect(() => inlineSvg(untitled, {})).toThrow(
      'diagrams/plain.svg: <Diagram name="plain">: no accessible name (the SVG has no <title>, and no alt or caption was given); expected a <title> in the SVG, or alt="..." / caption="..." on <Diagram>',
    );
  });

  it('describes the figure with its <desc>', () => {
    const themed = processFixture('themed.svg');
    expect(rootOf(inlineSvg(themed))['aria-describedby']).toBe(`${themed.idPrefix}-desc`);
  });
});

describe('links and layout', () => {
  it('links to the standalone file under the base path', () => {
    expect(diagramHref('/', 'checkout')).toBe('/diagrams/checkout.svg');
    expect(diagramHref('/casebook/', 'checkout')).toBe('/casebook/diagrams/checkout.svg');
    expect(diagramHref('/casebook', 'checkout')).toBe('/casebook/diagrams/checkout.svg');
  });

  it('reserves the aspect ratio from the viewBox', () => {
    expect(aspectRatio('-0.5 -0.5 321 121')).toBe('321 / 121');
  });
});

describe('standalone file', () => {
  const file = standaloneSvg(processFixture('themed.svg'));

  it('is a complete SVG document at natural size that follows the colour scheme', () => {
    const root = rootOf(file);
    expect(root.xmlns).toBe('http://www.w3.org/2000/svg');
    expect([root.width, root.height]).toEqual(['200', '100']);
    const css = elements(file).find((e) => e.name === 'style')?.text ?? '';
    expect(css).toMatch(/:root\{color-scheme:light dark;--cb-diagram-fg:#1b2230;/);
    expect(css).toMatch(/@media \(prefers-color-scheme:dark\)\{:root\{--cb-diagram-fg:#e6e9ef;/);
  });
});

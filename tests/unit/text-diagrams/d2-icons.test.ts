/**
 * D2 icons as an author writes them in a case study: a local icon (next to the study, or in
 * diagrams/) is embedded in the SVG after going through the diagram pipeline; a remote icon,
 * a missing one and a path out of the folder fail naming the MDX file, the fence's line and
 * the icon. The build is offline: nothing in the output points anywhere.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProcessor, nodeTypes } from '@mdx-js/mdx';
import rehypeRaw from 'rehype-raw';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { embedD2Icons, iconLine, isRemoteIcon } from '../../../src/lib/diagrams/text/d2-icons.ts';
import { TextDiagramCache } from '../../../src/lib/diagrams/text/cache.ts';
import { createD2Renderer } from '../../../src/lib/diagrams/text/render-d2.ts';
import { createTextDiagramService } from '../../../src/lib/diagrams/text/render.ts';
import { remarkTextDiagrams, type RenderedFence } from '../../../src/lib/diagrams/text/remark-text-diagrams.ts';
import { TextDiagramError } from '../../../src/lib/diagrams/text/types.ts';

const service = createTextDiagramService({ cache: new TextDiagramCache(mkdtempSync(join(tmpdir(), 'td-icons-cache-'))) });

const LAMBDA_ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><title>Lambda</title>' +
  '<path d="M4 22 L11 8 L8 2 H11 L20 22 H17 L12.5 12 L7.5 22 Z" fill="#ff9900"/></svg>';
/** An icon that tries to run script when the page shows it. */
const HOSTILE_ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)">' +
  '<script>alert(2)</script><rect width="10" height="10" fill="#0a0"/></svg>';

/** A study folder with icons/, compiled through the remark plugin as the build does. */
async function study(fence: string): Promise<{ html: string; fences: RenderedFence[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'td-icons-study-'));
  mkdirSync(join(dir, 'icons'));
  writeFileSync(join(dir, 'icons/lambda.svg'), LAMBDA_ICON);
  writeFileSync(join(dir, 'icons/hostile.svg'), HOSTILE_ICON);
  const fences: RenderedFence[] = [];
  let html = '';
  const processor = createProcessor({
    remarkPlugins: [[remarkTextDiagrams, { service, onDiagram: (d: RenderedFence) => fences.push(d) }]],
    rehypePlugins: [[rehypeRaw, { passThrough: nodeTypes }]],
  });
  const file = new VFile({ value: `# Study\n\nText.\n\n\`\`\`d2 name="icons"\n${fence}\n\`\`\`\n`, path: join(dir, 'study.mdx') });
  html = String(await processor.process(file));
  return { html, fences };
}

async function studyError(fence: string): Promise<string> {
  try {
    await study(fence);
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
  throw new Error('expected the study to fail');
}

describe('D2 icons', () => {
  it('embeds a local icon next to the study, sanitised, as a data: URL', async () => {
    const { fences } = await study('fn: Lambda {icon: ./icons/lambda.svg}\nq: Queue\nfn -> q');
    const svg = fences[0]!.processed.svg;
    const href = /<image\b[^>]*\shref="(data:image\/svg\+xml;base64,[^"]+)"/.exec(svg)?.[1];
    expect(href).toBeDefined();
    const icon = Buffer.from(href!.slice('data:image/svg+xml;base64,'.length), 'base64').toString('utf8');
    expect(icon).toContain('<path');
    expect(svg).not.toMatch(/href="\.\/icons/);
    expect(svg).toMatch(/<text[^>]*>Lambda<\/text>/);
  });

  it('embeds a hostile icon only after the pipeline has removed its script', async () => {
    const { fences } = await study('x: Box {icon: icons/hostile.svg}');
    const href = /\shref="data:image\/svg\+xml;base64,([^"]+)"/.exec(fences[0]!.processed.svg)?.[1] ?? '';
    const icon = Buffer.from(href, 'base64').toString('utf8');
    expect(icon).toMatch(/<(rect|path)\b/); // the square is kept (svgo may write it as a path)
    expect(icon).not.toMatch(/<script|onload|alert/i);
  });

  it('refuses a remote icon, naming the file, the fence line, the icon and what to do', async () => {
    const message = await studyError('a: API\nsvc: Service {\n  icon: https://icons.terrastruct.com/dev%2Fgo.svg\n}\na -> svc');
    expect(message).toMatch(/study\.mdx:8\b/); // fence opens on line 5, the icon is line 3 of it
    expect(message).toContain('https://icons.terrastruct.com/dev%2Fgo.svg');
    expect(message).toMatch(/offline/);
    expect(message).toContain('icon: ./icons/go.svg');
  });

  it('refuses a missing icon and a path that leaves the folder, with their lines', async () => {
    const missing = await studyError('a: A\nb: B {icon: ./icons/nope.svg}');
    expect(missing).toMatch(/study\.mdx:7\b/);
    expect(missing).toMatch(/"\.\/icons\/nope\.svg" was not found/);
    const escaping = await studyError('a: A {icon: ../../../../etc/hosts.svg}');
    expect(escaping).toMatch(/study\.mdx:6\b/);
    expect(escaping).toMatch(/was not found/);
  });

  it('leaves an SVG without icons alone and finds icons in the next folder', async () => {
    const d2 = createD2Renderer();
    const plain = (await d2.render('a -> b')).svg;
    expect(embedD2Icons(plain, 'a -> b', { dirs: [], root: '/' })).toBe(plain);
    const shared = mkdtempSync(join(tmpdir(), 'td-icons-shared-'));
    writeFileSync(join(shared, 'lambda.svg'), LAMBDA_ICON);
    const withIcon = (await d2.render('fn: {icon: lambda.svg}')).svg;
    const embedded = embedD2Icons(withIcon, 'fn: {icon: lambda.svg}', { dirs: [mkdtempSync(join(tmpdir(), 'td-empty-')), shared], root: '/' });
    expect(embedded).toMatch(/href="data:image\/svg\+xml;base64,/);
  });

  it('tells remote from local paths and finds the line an icon is named on', () => {
    expect(isRemoteIcon('https://x.test/a.svg')).toBe(true);
    expect(isRemoteIcon('//x.test/a.svg')).toBe(true);
    expect(isRemoteIcon('./icons/a.svg')).toBe(false);
    expect(isRemoteIcon('icons/a b.svg')).toBe(false);
    expect(iconLine('a\nb: {icon: ./i/x y.svg}', './i/x%20y.svg')).toBe(2);
  });

  it('raises TextDiagramError from the renderer for a remote icon', async () => {
    await expect(createD2Renderer().render('x: {shape: image; icon: https://example.com/a.png}')).rejects.toBeInstanceOf(TextDiagramError);
  });
});

/**
 * D2 fences -> themed SVG with @terrastruct/d2, D2 compiled to WebAssembly (no `d2` binary).
 *
 * In Node the package runs the WASM in a worker thread and answers one request at a time
 * (it keeps a single pending resolve/reject), so calls are queued here. The worker is
 * started on first use only (a fully cached build never pays its ~1 s start-up) and is
 * `unref`ed while idle so it never keeps a build process alive.
 *
 * D2's default theme (0) paints with a fixed palette, written both as attributes and as
 * `.fill-N1 {...}` rules; we map each palette colour to a site diagram variable, drop the
 * white canvas and the embedded font subsets (text falls back to the site's font), so one
 * SVG serves light and dark mode. Outputs D2 can only express with HTML or remote images
 * (markdown/LaTeX labels, icons) are refused with a message instead of rendering half.
 */
import { D2 } from '@terrastruct/d2';
import { packageVersion } from './package-version.ts';
import { DIAGRAM_COLOURS, DIAGRAM_FONT, recolour } from './theme.ts';
import { TextDiagramError, type RenderedTextDiagram, type TextDiagramRenderer } from './types.ts';

/** D2 theme 0 ("Neutral default") palette -> site variables. */
const D2_PALETTE = new Map<string, string>([
  ['#0a0f25', DIAGRAM_COLOURS.fg], // N1: text
  ['#676c7e', DIAGRAM_COLOURS.muted], // N2: secondary text, edge labels
  ['#9499ab', DIAGRAM_COLOURS.muted], // N3
  ['#cfd2dd', DIAGRAM_COLOURS.border], // N4
  ['#dee1eb', DIAGRAM_COLOURS.surface], // N5: e.g. queue fill
  ['#eef1f8', DIAGRAM_COLOURS.surface], // N6
  ['#ffffff', DIAGRAM_COLOURS.bg], // N7: canvas
  ['#0d32b2', DIAGRAM_COLOURS.border], // B1/B2: shape and connection strokes
  // Containers get a faint accent tint so nested boxes stay distinguishable in both themes.
  ['#e3e9fd', `color-mix(in srgb, ${DIAGRAM_COLOURS.accent} 10%, ${DIAGRAM_COLOURS.bg})`], // B3/B4: outer containers
  ['#edf0fd', `color-mix(in srgb, ${DIAGRAM_COLOURS.accent} 5%, ${DIAGRAM_COLOURS.bg})`], // B5 (inner containers), AA4, AB4
  ['#f7f8fe', DIAGRAM_COLOURS.surface], // B6, AA5, AB5: shape fill
  ['#4a6ff3', DIAGRAM_COLOURS.accent], // AA2
]);

/** Serialises requests to the single-flight D2 worker and keeps it unref'd when idle. */
class D2Worker {
  private d2: D2 | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;

  private handle(): { ref(): void; unref(): void } | undefined {
    return (this.d2 as unknown as { worker?: { ref(): void; unref(): void } } | undefined)?.worker;
  }

  run<T>(task: (d2: D2) => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      this.d2 ??= new D2();
      this.pending++;
      this.handle()?.ref();
      try {
        return await task(this.d2);
      } finally {
        this.pending--;
        if (this.pending === 0) this.handle()?.unref();
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}

const worker = new D2Worker();

interface D2CompileError {
  range?: string;
  errmsg?: string;
}

/** D2 errors arrive as a JSON list of {range: "index,2:0:13-2:6:19", errmsg: "index:3:1: ..."}. */
export function parseD2Error(message: string): TextDiagramError {
  let list: D2CompileError[] = [];
  try {
    const parsed: unknown = JSON.parse(message);
    if (Array.isArray(parsed)) list = parsed as D2CompileError[];
  } catch {
    /* not JSON: a plain message */
  }
  const first = list[0];
  if (!first?.errmsg) return new TextDiagramError('d2', message.replace(/\s+/g, ' ').trim());
  const located = /^[^:]*:(\d+):(\d+):\s*(.*)$/s.exec(first.errmsg);
  const more = list.length > 1 ? ` (and ${list.length - 1} more error${list.length > 2 ? 's' : ''})` : '';
  if (located) return new TextDiagramError('d2', `${located[3]}${more}`, Number(located[1]));
  return new TextDiagramError('d2', `${first.errmsg}${more}`);
}

/** Map D2's palette onto the site's variables and strip what cannot ship inline. */
export function themeD2Svg(svg: string): string {
  let out = svg.replace(/<\?xml[^>]*\?>\s*/g, '');
  // Embedded font subsets: the page's font is used instead (smaller, consistent type).
  out = out.replace(/@font-face\s*\{[^}]*\}/g, '');
  out = out.replace(/font-family:\s*"d2-[^"]*-font-(regular|bold|semibold|italic)";?/g, (_m, face: string) => {
    const weight = face === 'bold' ? 'font-weight:700;' : face === 'semibold' ? 'font-weight:600;' : '';
    const style = face === 'italic' ? 'font-style:italic;' : '';
    return `${weight}${style}`;
  });
  // The white canvas rectangle directly inside the inner <svg>.
  out = out.replace(/(<svg class="[^"]*d2-svg"[^>]*>)<rect [^>]*class=" fill-N7"[^>]*\/>/, '$1');
  out = recolour(out, D2_PALETTE);
  out = out.replace(/<svg\b/, `<svg font-family="${DIAGRAM_FONT.replace(/"/g, "'")}"`);
  return out;
}

function refuseUnsupported(svg: string): void {
  if (/<foreignObject\b/i.test(svg)) {
    throw new TextDiagramError('d2', 'markdown, LaTeX or code labels (|md ...|) render as HTML inside the SVG, which Casebook does not ship; use plain text labels');
  }
  if (/<image\b[^>]*href="(?!data:)/i.test(svg)) {
    throw new TextDiagramError('d2', 'icons and images load remote files, which Casebook does not ship in diagrams; remove the icon');
  }
}

export function createD2Renderer(): TextDiagramRenderer {
  return {
    lang: 'd2',
    version: `@terrastruct/d2@${packageVersion('@terrastruct/d2')}`,
    async render(source: string): Promise<RenderedTextDiagram> {
      if (source.trim() === '') throw new TextDiagramError('d2', 'the diagram is empty', 1);
      const svg = await worker.run(async (d2) => {
        try {
          const compiled = await d2.compile({ fs: { index: source }, options: { layout: 'dagre' } });
          return await d2.render(compiled.diagram, { ...compiled.renderOptions, noXMLTag: true, pad: 24, themeID: 0 });
        } catch (err) {
          throw parseD2Error(err instanceof Error ? err.message : String(err));
        }
      });
      refuseUnsupported(svg);
      const type = /shape:\s*sequence_diagram/.test(source) ? 'sequence_diagram' : 'd2';
      return { lang: 'd2', type, svg: themeD2Svg(svg), warnings: [] };
    },
  };
}

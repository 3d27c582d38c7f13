/**
 * D2 fences -> themed SVG with @terrastruct/d2, D2 compiled to WebAssembly (no `d2` binary).
 *
 * The package's own Node wrapper is not used: it starts a worker that evaluates ELK on every
 * start and copies the 22 MB module through postMessage. Casebook runs the package's
 * `d2.wasm` in a worker of its own (see `WORKER_PROGRAM`), on V8's baseline WebAssembly
 * compiler, started on first use and reused for every diagram of the process.
 *
 * D2's default theme (0) paints with a fixed palette, written both as attributes and as
 * `.fill-N1 {...}` rules; we map each palette colour to a site diagram variable, drop the
 * white canvas, so one SVG serves light and dark mode. D2's embedded font subsets are kept:
 * its layout was measured with them. Remote icons are refused with their line; local icons
 * are embedded by the Markdown step (d2-icons.ts).
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { isRemoteIcon, remoteIconError } from './d2-icons.ts';
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

/**
 * The worker thread's program (CommonJS, run with `eval`, so it needs no file of its own
 * next to the bundled build output). It loads the package's Go runtime shim and `d2.wasm`
 * straight from the package folder and answers `{id, op, input}` messages one at a time
 * (D2's Go side is not re-entrant). It never loads the ELK layout library, which the
 * package's worker evaluates on every start (3.6 MB of JavaScript, ~0.7-1 s): Casebook lays
 * out every D2 diagram with dagre (the `layout` option wins over a `layout-engine` set in
 * the diagram's d2-config).
 */
const WORKER_PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const run = (file) => new Function(readFileSync(join(workerData.dir, file), 'utf8')).call(globalThis);
// An eval'd worker has CommonJS \`module\`/\`exports\` globals; the UMD bundle of dagre that
// D2 evaluates would then export into them instead of defining its global.
delete globalThis.module;
delete globalThis.exports;
const ready = (async () => {
  run('wasm_exec.js');
  const go = new Go();
  const { instance } = await WebAssembly.instantiate(readFileSync(join(workerData.dir, 'd2.wasm')), go.importObject);
  go.run(instance);
})();
let queue = ready;
parentPort.on('message', (msg) => {
  queue = queue.then(async () => {
    try {
      const reply = JSON.parse(await globalThis.d2[msg.op](JSON.stringify(msg.input)));
      if (reply.error) throw new Error(reply.error.message);
      const data = msg.op === 'render' ? Buffer.from(reply.data, 'base64').toString('utf8') : reply.data;
      parentPort.postMessage({ id: msg.id, data });
    } catch (err) {
      parentPort.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) });
    }
  });
});
`;

/**
 * V8 normally re-compiles hot WebAssembly functions with its optimising compiler in
 * background threads. D2's module is 22 MB of Go; that tier-up competes with the start-up
 * and the first diagrams for the CPU and, measured here, made the first D2 diagram of a
 * build 2.5-3x slower than staying on the baseline compiler (Liftoff). The flag is
 * process-wide and only changes how WebAssembly is compiled, not what it computes (the
 * corpus renders byte-identical SVG either way); it is set just before D2's module is
 * compiled. `CASEBOOK_WASM_TIERUP=1` keeps V8's default.
 */
function useBaselineWasmCompiler(): void {
  if (process.env.CASEBOOK_WASM_TIERUP === '1') return;
  setFlagsFromString('--liftoff-only');
}

/** The folder holding the package's `d2.wasm` and `wasm_exec.js`. */
function d2PackageDir(): string {
  return dirname(createRequire(import.meta.url).resolve('@terrastruct/d2'));
}

interface Pending {
  resolve(data: unknown): void;
  reject(err: Error): void;
}

/**
 * One D2 engine per process: the worker (and its 22 MB WebAssembly module) is started on
 * first use only, so a fully cached build never pays for it, then reused by every diagram.
 * It is `unref`ed while idle so it never keeps a build process alive.
 */
class D2Engine {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  /** Milliseconds from starting the worker to its first answer, for the benchmark. */
  startedAt: number | undefined;

  private start(): Worker {
    if (this.worker) return this.worker;
    useBaselineWasmCompiler();
    this.startedAt = performance.now();
    const worker = new Worker(WORKER_PROGRAM, { eval: true, workerData: { dir: d2PackageDir() } });
    worker.on('message', (msg: { id: number; data?: unknown; error?: string }) => {
      const job = this.pending.get(msg.id);
      if (!job) return;
      this.pending.delete(msg.id);
      if (this.pending.size === 0) worker.unref();
      if (msg.error !== undefined) job.reject(new Error(msg.error));
      else job.resolve(msg.data);
    });
    const fail = (err: Error) => {
      this.worker = undefined;
      for (const job of this.pending.values()) job.reject(err);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the D2 worker stopped (exit code ${code})`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  call<T>(op: 'compile' | 'render', input: unknown): Promise<T> {
    const worker = this.start();
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      if (this.pending.size === 0) worker.ref();
      this.pending.set(id, { resolve: resolve as (data: unknown) => void, reject });
      worker.postMessage({ id, op, input });
    });
  }

  /** Stops the worker (benchmarks and tools that want a clean exit); the next call starts a new one. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }
}

const engine = new D2Engine();

/** Stops the shared D2 worker, if one is running. */
export function closeD2(): Promise<void> {
  return engine.close();
}

/** What D2's compile step hands to its render step. */
interface D2Compiled {
  diagram: unknown;
  renderOptions: Record<string, unknown>;
}

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
  // D2's embedded font subsets (Source Sans Pro, Source Code Pro) stay: D2 measured every
  // label with them, so with any other font text runs past its box (sql_table column names
  // into their types, Markdown labels out of their frame). The site font is the fallback.
  // The white canvas rectangle directly inside the inner <svg>.
  out = out.replace(/(<svg class="[^"]*d2-svg"[^>]*>)<rect [^>]*class=" fill-N7"[^>]*\/>/, '$1');
  out = recolour(out, D2_PALETTE);
  out = out.replace(/<svg\b/, `<svg font-family="${DIAGRAM_FONT.replace(/"/g, "'")}"`);
  return out;
}

/** Markdown elements outside the XHTML subset, and the class each becomes on a <div>/<span>. */
const MD_RENAMED: Record<string, { tag: 'div' | 'span'; cls: string }> = {
  h1: { tag: 'div', cls: 'md-h1' }, h2: { tag: 'div', cls: 'md-h2' }, h3: { tag: 'div', cls: 'md-h3' },
  h4: { tag: 'div', cls: 'md-h4' }, h5: { tag: 'div', cls: 'md-h5' }, h6: { tag: 'div', cls: 'md-h6' },
  blockquote: { tag: 'div', cls: 'md-blockquote' }, hr: { tag: 'div', cls: 'md-hr' }, a: { tag: 'span', cls: 'md-a' },
};
const MD_RENAMED_TAG = /<(\/?)(h[1-6]|blockquote|hr|a)\b[^>]*?(\/?)>/gi;
const MD_RENAMED_IN_SELECTOR = /(^|[\s>+~,(])(h[1-6]|blockquote|hr|a)(?=$|[\s>+~,.:[#)])/g;

/**
 * D2 draws a Markdown label (`|md ...|`) as XHTML in a <foreignObject>, styled by a copy of
 * GitHub's Markdown stylesheet. Casebook keeps that layout but brings it inside the safe
 * XHTML subset of the diagram pipeline: headings, quotes and rules become <div>s with a
 * class (links become <span>s: a diagram's label is not a link), the stylesheet's
 * selectors follow them, rules that only style form controls or pseudo-elements (which the
 * pipeline cannot check) are dropped, and its palette variables become the site's colours. The pipeline then sanitises the result like any
 * other HTML label.
 */
export function markdownLabelsToSubset(svg: string): string {
  let out = svg.replace(/(<foreignObject\b[^>]*>)([\s\S]*?)(<\/foreignObject>)/g, (_m, open: string, body: string, close: string) => {
    const html = body.replace(MD_RENAMED_TAG, (_t, end: string, name: string, selfClose: string) => {
      const r = MD_RENAMED[name.toLowerCase()]!;
      if (end) return `</${r.tag}>`;
      // <hr> is void in HTML; its <div> needs an end tag.
      return name.toLowerCase() === 'hr' || selfClose ? `<${r.tag} class="${r.cls}"></${r.tag}>` : `<${r.tag} class="${r.cls}">`;
    });
    return `${open}${html.replace(/<\/hr>/gi, '')}${close}`;
  });
  out = out.replace(/(<style\b[^>]*>)([\s\S]*?)(<\/style>)/g, (m, open: string, css: string, close: string) =>
    /\.md\b/.test(css) ? `${open}${markdownCss(css.replace(/<!\[CDATA\[|\]\]>/g, ''))}${close}` : m,
  );
  return out;
}

/** Structural pseudo-classes keep Markdown's spacing (`.md > :first-child {margin-top: 0}`). */
const STRUCTURAL_PSEUDO = new Set(['first-child', 'last-child', 'only-child', 'nth-child', 'first-of-type', 'last-of-type']);

/**
 * Whether a selector can match the static label: not a pseudo-element, not a state
 * (:hover, :target...) and not a form control, which Markdown labels never contain.
 */
function staticSelector(sel: string): boolean {
  if (sel.includes('::') || /\[type=|\b(input|button|select|textarea|optgroup|summary|details|kbd|img)\b/.test(sel)) return false;
  for (const m of sel.matchAll(/:([a-z-]+)/g)) if (!STRUCTURAL_PSEUDO.has(m[1]!)) return false;
  return true;
}

function markdownCss(css: string): string {
  const rules: string[] = [];
  for (const chunk of css.split('}')) {
    const brace = chunk.indexOf('{');
    if (brace < 0) continue;
    const selectors = chunk
      .slice(0, brace)
      .split(',')
      .map((sel) => sel.trim())
      .filter((sel) => sel !== '' && staticSelector(sel))
      .map((sel) => sel.replace(MD_RENAMED_IN_SELECTOR, (_m, before: string, name: string) => `${before}.${MD_RENAMED[name.toLowerCase()]!.cls}`));
    if (selectors.length === 0) continue;
    let body = chunk.slice(brace + 1).replace(/\/\*[\s\S]*?\*\//g, '');
    body = body.replace(/(--color-[a-z-]+:\s*)(#[0-9a-fA-F]{3,8})/g, (_m, prop: string, hex: string) => `${prop}${D2_PALETTE.get(hex.toLowerCase()) ?? hex}`);
    if (body.trim() === '') continue;
    rules.push(`${selectors.join(',')}{${body.trim()}}`);
  }
  return rules.join('\n');
}

/**
 * Remote icons are refused here, with the icon's line; local ones (relative paths) stay as D2
 * wrote them and are embedded by the Markdown step, which knows the case study's folder
 * (d2-icons.ts).
 */
function refuseRemoteIcons(svg: string, source: string): void {
  for (const m of svg.matchAll(/<image\b[^>]*?\shref="([^"]*)"/g)) {
    const href = (m[1] ?? '').replace(/&amp;/g, '&');
    if (isRemoteIcon(href)) throw remoteIconError(href, source);
  }
}

export function createD2Renderer(): TextDiagramRenderer {
  return {
    lang: 'd2',
    version: `@terrastruct/d2@${packageVersion('@terrastruct/d2')}`,
    async render(source: string): Promise<RenderedTextDiagram> {
      if (source.trim() === '') throw new TextDiagramError('d2', 'the diagram is empty', 1);
      let svg: string;
      try {
        const compiled = await engine.call<D2Compiled>('compile', { fs: { index: source }, options: { layout: 'dagre' } });
        svg = await engine.call<string>('render', { diagram: compiled.diagram, options: { ...compiled.renderOptions, noXMLTag: true, pad: 24, themeID: 0 } });
      } catch (err) {
        throw parseD2Error(err instanceof Error ? err.message : String(err));
      }
      refuseRemoteIcons(svg, source);
      const type = /shape:\s*sequence_diagram/.test(source) ? 'sequence_diagram' : 'd2';
      return { lang: 'd2', type, svg: themeD2Svg(markdownLabelsToSubset(svg)), warnings: [] };
    },
  };
}

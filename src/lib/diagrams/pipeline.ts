/**
 * The diagram pipeline: one SVG source in, one safe, small, self-contained SVG out.
 *
 *   source ─► sanitise ─► optimise (svgo, our config) ─► shrink embedded PNGs/fonts ─► prefix ids ─► scope styles
 *
 * `processSvg` is pure and synchronous (svgo 4's `optimize` is sync): no file system, no
 * cache. The registry (registry.ts) adds reading `diagrams/*.svg`, the content-hash cache
 * and the build report; text diagrams (Mermaid, D2, Graphviz) call `processSvg` with the
 * SVG their renderer produced. Every author-caused failure is a `DiagramError`.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { optimize } from 'svgo';
import { DIAGRAM_NAME_RULE, isDiagramName } from './catalogue.ts';
import { DiagramError, formatDiagramError } from './errors.ts';
import { ariaReferencedIds, type AccessibleText } from './ids.ts';
import { ID_PREFIX, idPrefix } from './id-prefix.ts';
import { shrinkEmbeddedAssetsSync } from './embedded-assets.ts';
import { protectLabelWhitespace, restoreLabelWhitespace } from './foreign-object.ts';
import { assertWithinBounds, assertWithinTime, resolveLimits, type DiagramLimits } from './safety/bounds.ts';
import { assertSafe } from './safety/final-check.ts';
import { standaloneSvg } from './standalone.ts';
import { finishConfig, optimiseConfig, stepsFor } from './svgo-config.ts';
import type { Geometry } from './viewbox.ts';

// When a change to the pipeline changes its output, bump PIPELINE_VERSIONS.diagrams in
// src/lib/cache.ts, so cached results are redone.

/** A diagram bigger than this after optimisation triggers a build warning. */
export const BYTE_BUDGET = 150 * 1024;

export interface ProcessedDiagram {
  name: string;
  /** Safe, optimised markup; the root's id is the id prefix, every other id starts `${idPrefix}-`. */
  svg: string;
  /** The id prefix the diagram was given (see ProcessOptions.idPrefix). */
  idPrefix: string;
  /** Text of the root `<title>`; its element id is `${idPrefix}-title` unless the author set one. */
  title?: string;
  /** Text of the root `<desc>`; its element id is `${idPrefix}-desc` unless the author set one. */
  desc?: string;
  viewBox: string;
  /** Natural size in CSS px (from width/height, else the viewBox). */
  width: number;
  height: number;
  bytesIn: number;
  bytesOut: number;
  /** Gzipped sizes: what a visitor downloads (scoped CSS repeats a prefix that compresses away). */
  gzipBytesIn?: number;
  gzipBytesOut?: number;
  /** One line each: what the sanitiser removed, and the budget warning. */
  warnings: string[];
  /** sha256 of `svg`, 16 hex digits. */
  hash: string;
}

export interface ProcessOptions {
  /** Diagram name, by the catalogue's name rule (it names the file). */
  name: string;
  /**
   * What every id starts with (id-prefix.ts): the site's allocation for this name, so that no
   * two diagrams of a site share one; default `idPrefix(name)`, the name's code on its own.
   */
  idPrefix?: string;
  /** Project-relative path used in messages, e.g. `diagrams/checkout.svg`. */
  file: string;
  /** Overrides for the size, depth, `<use>` and time limits (safety/bounds.ts). */
  limits?: Partial<DiagramLimits>;
}

export function processSvg(source: string, opts: ProcessOptions): ProcessedDiagram {
  try {
    return processUnchecked(source, opts);
  } catch (error) {
    throw asDiagramError(error, opts.file);
  }
}

function processUnchecked(source: string, opts: ProcessOptions): ProcessedDiagram {
  const { name, file } = opts;
  const prefix = opts.idPrefix ?? idPrefix(name);
  const started = performance.now();
  const limits = resolveLimits(opts.limits);
  if (!isDiagramName(name)) {
    throw new DiagramError({ file, found: `the diagram name "${name}"`, expected: `${DIAGRAM_NAME_RULE} (rename the file)` });
  }
  if (!ID_PREFIX.test(prefix)) throw new Error(`id prefix "${prefix}" for ${file}: expected a letter, then letters and digits`);
  if (source.trim() === '') {
    throw new DiagramError({ file, found: 'an empty file', expected: 'an SVG document starting with <svg' });
  }

  assertWithinBounds(source, file, limits);

  const warnings: string[] = [];
  let geometry: Geometry | undefined;
  let text: AccessibleText = {};

  let optimised = optimize(protectLabelWhitespace(source), optimiseConfig({
    file, source, limits,
    warn: (m) => warnings.push(m),
    preserveIds: ariaReferencedIds(source),
    onGeometry: (g) => { geometry ??= g; },
  })).data;
  assertWithinTime(file, started, limits, 'optimisation');
  // Embedded PNGs and fonts, losslessly smaller (embedded-assets.ts); after pass 1, so fallbacks
  // and editor payloads it removed are not worked on.
  optimised = shrinkEmbeddedAssetsSync(optimised).source;
  const svg = restoreLabelWhitespace(optimize(optimised, finishConfig(prefix, (t) => { text = t; }, stepsFor(optimised).renameClasses)).data);
  if (!geometry) throw new DiagramError({ file, found: 'no <svg> element', expected: 'an SVG document' });
  assertWithinTime(file, started, limits, 'id scoping');
  const size = geometry;
  assertSafe(file, svg, standaloneSvg({ svg, width: size.width, height: size.height }));

  const bytesIn = Buffer.byteLength(source);
  const bytesOut = Buffer.byteLength(svg);
  if (bytesOut > BYTE_BUDGET) {
    warnings.push(formatDiagramError({
      file,
      found: `${kb(bytesOut)} after optimisation, over the ${kb(BYTE_BUDGET)} budget`,
      expected: 'a smaller diagram: embedded raster images and fonts are the usual cause',
    }));
  }

  return {
    name, svg, idPrefix: prefix,
    ...(text.title !== undefined ? { title: text.title } : {}),
    ...(text.desc !== undefined ? { desc: text.desc } : {}),
    viewBox: geometry.viewBox, width: geometry.width, height: geometry.height,
    bytesIn, bytesOut,
    gzipBytesIn: gzipSync(source).length, gzipBytesOut: gzipSync(svg).length,
    warnings,
    hash: createHash('sha256').update(svg).digest('hex').slice(0, 16),
  };
}

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

interface SvgoParserErrorLike {
  name: 'SvgoParserError';
  reason: string;
  line: number;
  column: number;
}

function isParserError(e: unknown): e is SvgoParserErrorLike {
  return e instanceof Error && e.name === 'SvgoParserError';
}

/**
 * svgo's XML errors carry a line; anything else nobody anticipated (a stack overflow, a
 * TypeError deep in a plugin) becomes "could not process <file>: ...", never a bare trace.
 */
function asDiagramError(error: unknown, file: string): DiagramError {
  if (error instanceof DiagramError) return error;
  if (isParserError(error)) {
    return new DiagramError({
      file, line: error.line,
      found: `not well-formed XML (${error.reason.split('\n')[0]} at column ${error.column})`,
      expected: 'a well-formed SVG file (every tag closed, attributes quoted, & written as &amp;)',
    });
  }
  const reason = error instanceof RangeError
    ? `too large or too deeply nested to process (${error.message})`
    : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new DiagramError({ file, found: reason, unexpected: true });
}

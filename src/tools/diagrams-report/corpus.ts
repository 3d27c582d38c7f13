/**
 * The real-exports corpus (tests/fixtures/real-exports/): its manifest, and the measures the
 * tests and `npm run diagrams:report` take of each file: bytes in, bytes after plain svgo
 * (`preset-default`), bytes after Casebook's pipeline, and the pixel difference between the
 * source and the result, standalone and inline in a page with the site's CSS.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { optimize } from 'svgo';
import { diagramFigure } from '../../lib/diagrams/figure.ts';
import { allocateIdPrefixes } from '../../lib/diagrams/id-prefix.ts';
import { processSvg, type ProcessedDiagram } from '../../lib/diagrams/pipeline.ts';
import { standaloneSvg } from '../../lib/diagrams/standalone.ts';
import { comparePngs, shoot, shootDocument, sourceRoot, stage, type PixelDiff } from './pixels.ts';

export const CORPUS_DIR = join('tests', 'fixtures', 'real-exports');

export interface CorpusEntry {
  file: string;
  tool: string;
  features: string[];
  repo: string;
  path: string;
  commit: string;
  licence: string;
}

export interface LoadedEntry extends CorpusEntry {
  name: string;
  source: string;
  /** The id prefix a site holding all of the corpus would give it (id-prefix.ts). */
  idPrefix: string;
}

export function loadCorpus(root = process.cwd()): LoadedEntry[] {
  const dir = join(root, CORPUS_DIR);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { files: CorpusEntry[] };
  const name = (e: CorpusEntry): string => e.file.replace(/\.svg$/, '');
  const prefixes = allocateIdPrefixes(manifest.files.map(name));
  return manifest.files.map((e) => ({ ...e, name: name(e), idPrefix: prefixes.get(name(e)) ?? '', source: readFileSync(join(dir, e.file), 'utf8') }));
}

export interface SizeMeasure {
  bytesIn: number;
  plainSvgo: number;
  casebook: number;
  diagram: ProcessedDiagram;
}

export function measureSizes(entry: LoadedEntry): SizeMeasure {
  const diagram = processSvg(entry.source, { name: entry.name, idPrefix: entry.idPrefix, file: `diagrams/${entry.file}` });
  const plain = optimize(entry.source, { plugins: ['preset-default'] }).data;
  return { bytesIn: Buffer.byteLength(entry.source), plainSvgo: Buffer.byteLength(plain), casebook: diagram.bytesOut, diagram };
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

/** The site's own stylesheets, as a built page has them around a figure. */
export function siteCss(root = process.cwd()): string {
  return ['global.css', 'diagrams.css'].map((f) => readFileSync(join(root, 'src', 'styles', f), 'utf8')).join('\n');
}

export interface PixelMeasure {
  standalone: PixelDiff;
  inline: PixelDiff;
}

/**
 * Source vs standalone file, each opened as its own document at natural size; source vs
 * the inline figure (diagramFigure, the markup a page gets) inside the site's CSS.
 * `documentPage` and `htmlPage` must be separate pages (an SVG document cannot become HTML).
 */
export async function measurePixels(documentPage: Page, htmlPage: Page, source: string, diagram: ProcessedDiagram, css: string): Promise<PixelMeasure> {
  const standalone = comparePngs(
    await shootDocument(documentPage, source, diagram.width, diagram.height),
    await shootDocument(documentPage, standaloneSvg(diagram), diagram.width, diagram.height),
  );
  const width = diagram.width;
  await htmlPage.setViewportSize({ width: Math.ceil(width) + 200, height: 800 });
  const before = await shoot(htmlPage, stage(sourceRoot(source), width));
  const figure = diagramFigure({ diagram, base: '/', caption: diagram.name });
  await htmlPage.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${css}</style><style>
    body{margin:0} .diagram{margin:0;inline-size:${width + 2 * 16}px} .diagram>.canvas{padding:0;border:0}
  </style></head><body><main>${figure}</main></body></html>`, { waitUntil: 'load' });
  await htmlPage.evaluate(() => document.fonts.ready);
  const after = await htmlPage.locator('figure .canvas > svg').screenshot({ animations: 'disabled' });
  return { standalone, inline: comparePngs(before, after) };
}

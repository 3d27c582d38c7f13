/**
 * Where the benchmark's text-diagram fences come from. The text-diagram feature exports
 * `sampleTextDiagram(i)` (a small valid Mermaid body) from src/lib/diagrams/text/; the
 * benchmark uses it when it exists so its fences are always ones the renderer accepts.
 * Until then it falls back to a literal flowchart, and the report says which was used.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface TextDiagramSource {
  sample: (i: number) => string;
  /** Where the samples come from, for the report: a module path or "fallback". */
  origin: string;
}

/** A small flowchart in the Mermaid subset beautiful-mermaid renders. */
export function fallbackTextDiagram(i: number): string {
  return [
    'flowchart LR',
    `  C${i}[Client] -->|POST /jobs| A${i}[API]`,
    `  A${i} --> Q${i}[Queue]`,
    `  Q${i} --> W${i}[Worker]`,
    `  W${i} --> D${i}[(Store)]`,
  ].join('\n');
}

/** Finds `sampleTextDiagram` in `<repo>/src/lib/diagrams/text/*.ts`, or the fallback. */
export async function resolveTextDiagramSource(repoRoot: string): Promise<TextDiagramSource> {
  const dir = join(repoRoot, 'src', 'lib', 'diagrams', 'text');
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  } catch {
    return { sample: fallbackTextDiagram, origin: 'fallback' };
  }
  // index.ts first, then any file that mentions the export (avoids importing the renderers).
  files.sort((a, b) => Number(b === 'index.ts') - Number(a === 'index.ts'));
  for (const file of files) {
    const path = join(dir, file);
    if (!/export\s+(async\s+)?(function|const)\s+sampleTextDiagram\b|export\s*\{[^}]*\bsampleTextDiagram\b/.test(readFileSync(path, 'utf8'))) continue;
    const mod = (await import(pathToFileURL(path).href)) as { sampleTextDiagram?: unknown };
    if (typeof mod.sampleTextDiagram === 'function') {
      const fn = mod.sampleTextDiagram as (i: number) => unknown;
      return { sample: (i) => String(fn(i)), origin: `src/lib/diagrams/text/${file}` };
    }
  }
  return { sample: fallbackTextDiagram, origin: 'fallback' };
}

/**
 * `npm run bench -- [--count 1000] [--keep] [--generate-only]`
 *
 * Generates N synthetic case studies in a temporary copy of the site, then, in one run so
 * the ratios are comparable on a noisy machine: renders their Mermaid fences into the site's
 * committed render cache (`npm run diagrams:render`, measured on its own: what a clean clone
 * of a real portfolio has already), builds Casebook cold (empty build caches), builds a plain
 * Astro + MDX project of the same pages, and rebuilds Casebook with nothing changed (warm
 * caches). Prints pages/s, peak memory and the ratios, and writes them to
 * .casebook/bench/latest.json (with each build's log beside it).
 *
 *   --count N         synthetic case studies (default 1000)
 *   --no-prerender    skip the render step: the cold build renders every fence in Chromium
 *   --keep            keep the temporary sites and outputs (their paths are printed)
 *   --generate-only   write both sites and stop, for profiling builds by hand (implies --keep)
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { listDiagramFolder } from '../lib/diagrams/catalogue.ts';
import { diagramVariants, type DiagramVariant } from '../tools/bench/diagram-variants.ts';
import { loadAverage, machineInfo } from '../tools/bench/machine.ts';
import { measureBuild, type BuildMeasurement, type BuildRequest } from '../tools/bench/measure-build.ts';
import { casebookShikiConfig, writePlainProject } from '../tools/bench/plain-project.ts';
import { formatReport, ratiosOf, uncachedColdOf, type BenchReport } from '../tools/bench/report.ts';
import { formatMermaidCost, measureMermaidCost } from '../tools/bench/mermaid-cost.ts';
import { copySite, linkNodeModules, writeDiagrams, writeStudies } from '../tools/bench/site-copy.ts';
import { syntheticStudies } from '../tools/bench/synthetic-study.ts';
import { sampleTextDiagram } from '../tools/bench/text-diagram-sample.ts';

/** Where the synthetic studies' Mermaid fences come from, for the report. */
const TEXT_DIAGRAM_ORIGIN = 'src/tools/bench/text-diagram-sample.ts';

/** Distinct generated copies of the example diagrams, so the pipeline has real work. */
const DIAGRAM_VARIANTS = 12;

function usageError(message: string): never {
  console.error(`bench: ${message}\nusage: npm run bench -- [--count 1000] [--keep] [--generate-only]`);
  process.exit(2);
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        count: { type: 'string', default: '1000' },
        keep: { type: 'boolean', default: false },
        'generate-only': { type: 'boolean', default: false },
        'no-prerender': { type: 'boolean', default: false },
      },
    }));
  } catch (err) {
    usageError((err as Error).message);
  }
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1) usageError(`--count: expected a positive whole number, found "${values.count}"`);
  const generateOnly = values['generate-only'] === true;
  const keep = values.keep === true || generateOnly;
  const prerender = values['no-prerender'] !== true;

  const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
  const binDir = join(repoRoot, 'node_modules', '.bin');
  const machine = machineInfo(binDir);
  const startedAt = new Date().toISOString();
  const work = mkdtempSync(join(tmpdir(), 'casebook-bench-'));
  const dirs = {
    site: join(work, 'casebook'),
    plain: join(work, 'plain'),
    siteOut: join(work, 'out-casebook'),
    plainOut: join(work, 'out-plain'),
    siteCache: join(work, 'cache-casebook'),
    renderCache: join(work, 'cache-render'),
    plainCache: join(work, 'cache-plain'),
    logs: join(work, 'logs'),
  };
  mkdirSync(dirs.logs, { recursive: true });
  // Ctrl-C also stops the build (same process group); leave no temp site behind unless asked.
  process.once('SIGINT', () => {
    if (!keep) rmSync(work, { recursive: true, force: true });
    process.exit(130);
  });

  try {
    // 0. Mermaid on its own: browser start-up, ms per diagram cold, zero work when cached.
    if (!generateOnly) {
      console.log(`bench: ${formatMermaidCost(await measureMermaidCost(Array.from({ length: 20 }, (_, i) => sampleTextDiagram(i))))}`);
    }
    // 1. The two sites, with the same synthetic studies.
    const examples = exampleDiagrams(repoRoot);
    if (examples.length === 0) {
      console.error(`bench: ${join(repoRoot, 'diagrams')}: expected at least one example .svg diagram, found none`);
      return 1;
    }
    const variants = diagramVariants(examples, DIAGRAM_VARIANTS);
    const studies = syntheticStudies(count, {
      diagrams: [...examples, ...variants].map((d) => d.name),
      textDiagram: sampleTextDiagram,
    });
    copySite(repoRoot, dirs.site);
    writeStudies(dirs.site, studies);
    writeDiagrams(dirs.site, variants);
    writePlainProject(dirs.plain, { shikiConfig: await casebookShikiConfig(join(repoRoot, 'astro.config.mjs')) });
    linkNodeModules(repoRoot, dirs.plain);
    writeStudies(dirs.plain, studies);
    console.log(
      `bench: ${count} case studies, ${examples.length} example + ${variants.length} generated diagrams, ` +
        `text diagrams from ${TEXT_DIAGRAM_ORIGIN}`,
    );
    console.log(`bench: Casebook site ${dirs.site}\nbench: plain site    ${dirs.plain}`);
    if (generateOnly) {
      console.log(
        `bench: build by hand with e.g.\n  cd ${dirs.site} && PATH=${binDir}:$PATH ASTRO_TELEMETRY_DISABLED=1 ` +
          `CASEBOOK_CACHE_DIR=${dirs.siteCache} astro build --outDir ${dirs.siteOut}`,
      );
      return 0;
    }

    // 2-4. Three builds in one run: Casebook cold, plain, Casebook warm.
    // Casebook builds with `npm run build` itself (validation beside Astro); plain is astro build.
    const base = { binDir };
    const casebook = { ...base, command: ['npm', 'run', '--silent', 'build', '--', '--out-dir', '{outDir}'] };
    const plan: BuildRequest[] = [
      { ...casebook, label: 'Casebook (cold)', cwd: dirs.site, outDir: dirs.siteOut, cacheDir: dirs.siteCache, logFile: join(dirs.logs, 'casebook-cold.log') },
      { ...base, label: 'plain Astro + MDX', cwd: dirs.plain, outDir: dirs.plainOut, cacheDir: dirs.plainCache, logFile: join(dirs.logs, 'plain.log') },
      { ...casebook, label: 'Casebook (warm)', cwd: dirs.site, outDir: dirs.siteOut, cacheDir: dirs.siteCache, logFile: join(dirs.logs, 'casebook-warm.log') },
    ];
    const results: BuildMeasurement[] = [];
    // 1b. The committed Mermaid renders a real portfolio's clone has: measured on their own,
    // with a cache folder of their own, so the cold build's caches stay empty.
    let diagramsRender: BuildMeasurement | undefined;
    if (prerender) {
      process.stdout.write('bench: rendering the Mermaid fences into diagrams/.rendered/ (npm run diagrams:render) ... ');
      diagramsRender = await measureBuild({
        ...base,
        label: 'diagrams:render',
        command: ['tsx', 'src/cli/diagrams-render.ts'],
        cwd: dirs.site,
        outDir: join(work, 'out-render'),
        cacheDir: dirs.renderCache,
        logFile: join(dirs.logs, 'diagrams-render.log'),
      });
      results.push(diagramsRender);
      if (!diagramsRender.ok) {
        console.log('FAILED');
        saveLogs(repoRoot, results);
        console.error(`bench: diagrams:render failed (exit ${diagramsRender.exitCode}); last lines of ${diagramsRender.logFile}:\n${diagramsRender.outputTail}`);
        return 1;
      }
      console.log(`${diagramsRender.seconds.toFixed(1)} s${diagramsRender.cpuSeconds === null ? '' : `, ${diagramsRender.cpuSeconds.toFixed(1)} CPU s`}, peak ${Math.round(diagramsRender.peakMB)} MB`);
    }
    for (const req of plan) {
      process.stdout.write(`bench: building ${req.label} ... `);
      const result = await measureBuild(req);
      results.push(result);
      if (!result.ok) {
        console.log('FAILED');
        saveLogs(repoRoot, results);
        console.error(`bench: ${req.label} build failed (exit ${result.exitCode}); last lines of ${result.logFile}:\n${result.outputTail}`);
        return 1;
      }
      console.log(
        `${result.seconds.toFixed(1)} s, ${result.cpuSeconds === null ? '' : `${result.cpuSeconds.toFixed(1)} CPU s, `}` +
          `${result.pages} pages, peak ${Math.round(result.peakMB)} MB, site ${result.distHash.slice(0, 16)}`,
      );
    }

    // 5. Report.
    const [casebookCold, plain, casebookWarm] = results.slice(diagramsRender ? 1 : 0) as [BuildMeasurement, BuildMeasurement, BuildMeasurement];
    const builds = { casebookCold, plain, casebookWarm };
    const report: BenchReport = {
      startedAt,
      count,
      textDiagrams: TEXT_DIAGRAM_ORIGIN,
      machine,
      builds,
      ratios: ratiosOf(builds),
      ...(diagramsRender ? { diagramsRender, uncachedCold: uncachedColdOf(diagramsRender, builds) } : {}),
      endLoadAverage: loadAverage(),
    };
    const outFile = join(saveLogs(repoRoot, results), 'latest.json');
    writeFileSync(outFile, JSON.stringify(report, null, 2) + '\n');
    console.log(`\n${formatReport(report)}\n\nbench: wrote ${outFile}`);
    return 0;
  } finally {
    if (keep) console.log(`bench: kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

/** The example diagrams (the catalogue's files, not earlier bench variants) as name + SVG text. */
function exampleDiagrams(root: string): DiagramVariant[] {
  return listDiagramFolder(root)
    .files.filter((f) => !f.name.startsWith('bench-'))
    .map((f) => ({ name: f.name, svg: readFileSync(f.path, 'utf8') }));
}

/**
 * Copies each build's log to .casebook/bench/ (which outlives the temp dir) and points the
 * results at the copies; returns that dir.
 */
function saveLogs(repoRoot: string, results: BuildMeasurement[]): string {
  const dir = join(repoRoot, '.casebook', 'bench');
  mkdirSync(dir, { recursive: true });
  for (const r of results) {
    const saved = join(dir, basename(r.logFile));
    copyFileSync(r.logFile, saved);
    r.logFile = saved;
  }
  return dir;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);

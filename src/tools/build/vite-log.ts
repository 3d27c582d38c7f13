/**
 * Keeps Vite's build log to what an author can act on.
 *
 * Astro's content-assets plugin (astro/dist/content/vite-plugin-content-assets.js) gives
 * every collection entry's `?astroPropagatedAssets` module the directive
 * "use astro:head-inject", a marker Astro reads itself. Rolldown (Vite 8) warns about any
 * module-level directive it does not know, so each case study printed a ten-line
 * MODULE_LEVEL_DIRECTIVE warning before anything useful (about 260 lines). Nothing in
 * Casebook's code or content causes it and nothing can fix it here, so exactly that
 * warning is dropped at the source, Rolldown's log hook; every other log, including other
 * directive warnings, passes through unchanged. Remove this when Astro stops emitting it.
 */

/** The parts of a Rolldown log entry the filter reads. */
export interface BundlerLog {
  code?: string | undefined;
  message: string;
}

/** Whether the log entry is Astro's own "use astro:head-inject" directive warning. */
export function isAstroHeadInjectWarning(log: BundlerLog): boolean {
  return log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('"use astro:head-inject"');
}

/** Rolldown's `onLog` (vite.build.rolldownOptions.onLog in astro.config.mjs). */
export function onBundlerLog<L extends BundlerLog>(level: string, log: L, defaultHandler: (level: never, log: L) => void): void {
  if (level === 'warn' && isAstroHeadInjectWarning(log)) return;
  defaultHandler(level as never, log);
}

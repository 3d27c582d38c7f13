/**
 * Our svgo configuration, in two passes.
 *
 * Pass 1 (multipass) cleans and optimises: sanitiser first, so nothing hostile reaches svgo's
 * own plugins; then editor leftovers, the viewBox, and svgo's default preset with the
 * changes a reader needs: `<desc>` kept (svgo 4 keeps `<title>` and `viewBox` by default),
 * ids referenced from ARIA attributes preserved, `currentColor` left alone.
 * Pass 2 (once) names the title/desc, prefixes ids and references with the diagram's id prefix (id-prefix.ts),
 * shortens the classes the diagram's stylesheet uses, and scopes `<style>` rules to it. It runs once because prefixing is per diagram,
 * not an optimisation to repeat.
 */
import type { Config, CustomPlugin } from 'svgo';
import { editorCleanupPlugin } from './editor-cleanup.ts';
import { inlineSingleUsePlugin } from './inline-uses.ts';
import { createAccessibleTextPlugin, createReferencePrefixPlugin, type AccessibleText } from './ids.ts';
import type { DiagramLimits } from './safety/bounds.ts';
import { createUseBoundsPlugin } from './safety/use-bounds.ts';
import { createSanitisePlugin, type SanitiseContext } from './sanitise.ts';
import { minifyClassesPlugin } from './minify-classes.ts';
import { rootTextAttributesPlugin } from './root-text-attributes.ts';
import { createScopeStylesPlugin } from './scope-styles.ts';
import { textOnlyPlugin } from './safety/text-only.ts';
import { createParking, styleToAttrsWithoutStylesheetPlugin } from './svgo-workarounds.ts';
import { presetDefaultPlugins } from './svgo-style-subset.ts';
import { createViewBoxPlugin, type Geometry } from './viewbox.ts';
import { analyseStylesheets, rootIdOf, safeSteps, styleTexts, type SafeSteps } from './stylesheet-analysis.ts';

export interface OptimiseOptions extends SanitiseContext {
  limits: DiagramLimits;
  /** Ids referenced from ARIA attributes, which `cleanupIds` must keep. */
  preserveIds: string[];
  onGeometry: (g: Geometry) => void;
}

/** The svgo steps a diagram's stylesheet allows (stylesheet-analysis.ts); all of them without one. */
export function stepsFor(source: string): SafeSteps {
  return safeSteps(analyseStylesheets(styleTexts(source), rootIdOf(source)));
}

/**
 * `presetPluginByPlugin: false` gives svgo's `preset-default` as one plugin, which the
 * tests compare the default against byte for byte (svgo-style-subset.ts).
 */
export function optimiseConfig(o: OptimiseOptions, presetPluginByPlugin = true): Config {
  const safe = stepsFor(o.source);
  // A step that could change what a selector matches does not run (see stylesheet-analysis.ts).
  const structural = safe.restructure ? {} : {
    collapseGroups: false as const, mergePaths: false as const, moveElemsAttrsToGroup: false as const,
    moveGroupAttrsToElems: false as const, removeEmptyContainers: false as const,
  };
  const shapes = safe.convertShapes ? {} : { convertShapeToPath: false as const, convertEllipseToCircle: false as const };
  const parking = createParking();
  return {
    multipass: false,
    path: o.file,
    plugins: [
      createSanitisePlugin(o),
      createUseBoundsPlugin(o.file, o.limits),
      editorCleanupPlugin,
      inlineSingleUsePlugin,
      createViewBoxPlugin(o.file, o.source, o.onGeometry),
      parking.parkLinkHref,
      parking.parkCustomPropertyStyle,
      styleToAttrsWithoutStylesheetPlugin,
      // preset-default, plugin by plugin (svgo-style-subset.ts: same output, much less style matching).
      ...presetDefaultPlugins(presetPluginByPlugin, {
        removeDesc: false,
        // With a stylesheet, svgo keeps every id; the ids no selector names can still go.
        cleanupIds: safe.keepIds === undefined || !/<(?:[\w-]+:)?style\b/i.test(o.source)
          ? { preserve: o.preserveIds }
          : { preserve: [...o.preserveIds, ...safe.keepIds], force: true },
        convertColors: { currentColor: false },
        // Inlining drops a class still needed by a `:hover`/`@media` rule (svgo 4.1).
        inlineStyles: false,
        ...structural,
        ...shapes,
      }),
      // Label attributes said once (root-text-attributes.ts).
      rootTextAttributesPlugin,
      { name: 'removeXlink', params: { includeLegacy: false } },
      parking.restoreLinkHref,
      parking.restoreCustomPropertyStyle,
    ],
  };
}

export function finishConfig(prefix: string, onText: (t: AccessibleText) => void, renameClasses = true): Config {
  const plugins: CustomPlugin[] = [createAccessibleTextPlugin(onText)];
  return {
    plugins: [
      ...plugins,
      { name: 'prefixIds', params: { prefix, delim: '-', prefixIds: true, prefixClassNames: false } },
      createReferencePrefixPlugin(prefix),
      ...(renameClasses ? [minifyClassesPlugin] : []),
      createScopeStylesPlugin(prefix),
      textOnlyPlugin,
    ],
  };
}

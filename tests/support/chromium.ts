/**
 * Which chromium the end-to-end tests drive: the same one the build renders Mermaid with
 * (src/lib/diagrams/text/browser.ts): `CASEBOOK_CHROMIUM` > a browser installed by
 * `npx playwright install` > the system's `/usr/bin/chromium`, with flags that keep a
 * sandboxed, offline machine from stalling on background services.
 */
import { chromiumArgs, chromiumExecutablePath as buildChromium, NoBrowserError } from '../../src/lib/diagrams/text/browser.ts';

export { chromiumArgs };

/** A path, or undefined for Playwright's own browser (or none: Playwright then says so). */
export function chromiumExecutablePath(): string | undefined {
  try {
    return buildChromium();
  } catch (err) {
    if (err instanceof NoBrowserError) return undefined;
    throw err;
  }
}

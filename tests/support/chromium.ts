/**
 * Which chromium the end-to-end tests drive.
 *
 * Order: `CASEBOOK_CHROMIUM` (an explicit path) > a browser installed by `npx playwright
 * install` > Debian's `/usr/bin/chromium`. The flags keep a sandboxed, offline machine
 * from stalling on Google's background services.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

function playwrightHasOwnBrowser(): boolean {
  try {
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

export function chromiumExecutablePath(): string | undefined {
  const explicit = process.env.CASEBOOK_CHROMIUM;
  if (explicit) return explicit;
  if (playwrightHasOwnBrowser()) return undefined;
  return SYSTEM_CHROMIUM.find((p) => existsSync(p));
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

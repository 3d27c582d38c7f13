/**
 * For tests that show rendered Mermaid in a browser of their own: one Chromium (the one the
 * build uses) to take the pages, a Mermaid pool to render with, and a scratch render cache,
 * all opened before the file's tests and removed after them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { chromiumArgs, chromiumExecutablePath } from '../../../src/lib/diagrams/text/browser.ts';
import { createMermaidPool } from '../../../src/lib/diagrams/text/render-mermaid.ts';

export interface ChromiumSession {
  /** The scratch render-cache folder. */
  dir: string;
  pool: ReturnType<typeof createMermaidPool>;
  /** Set once the file's tests start. */
  browser(): Browser;
}

export function chromiumSession(prefix: string): ChromiumSession {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const pool = createMermaidPool(2);
  let browser: Browser | undefined;
  beforeAll(async () => {
    const executablePath = chromiumExecutablePath();
    browser = await chromium.launch({ args: chromiumArgs, ...(executablePath ? { executablePath } : {}) });
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), pool.close()]);
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    dir,
    pool,
    browser: () => {
      if (!browser) throw new Error('the browser starts before the tests');
      return browser;
    },
  };
}

import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumExecutablePath } from './tests/support/chromium.ts';

const PORT = Number(process.env.CASEBOOK_E2E_PORT ?? 4329);
const base = process.env.CASEBOOK_BASE ?? '/';
const executablePath = chromiumExecutablePath();

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}${base}`,
    trace: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { args: chromiumArgs, ...(executablePath ? { executablePath } : {}) },
      },
    },
  ],
  webServer: {
    // Serves the already built dist/ exactly as a static host would.
    command: `npx astro preview --host 127.0.0.1 --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}${base}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});

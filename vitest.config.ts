import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 60_000,
    // Mermaid renders made by tests go to a scratch render cache, never to diagrams/.rendered/.
    env: { CASEBOOK_RENDER_CACHE: process.env.CASEBOOK_RENDER_CACHE ?? join(tmpdir(), 'casebook-test-render-cache') },
  },
});

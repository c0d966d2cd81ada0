import { defineConfig } from 'vitest/config';

// One stack (PostgreSQL, API, next start) for the whole e2e run; tests share one browser, in file order.
export default defineConfig({
  test: {
    root: new URL('.', import.meta.url).pathname,
    include: ['**/*.e2e.ts'],
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});

import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// One stack (PostgreSQL, API, next start) for the whole e2e run; tests share one browser, in file order.
export default defineConfig({
  resolve: {
    // The in-process API and Apollo must share one graphql module (as in apps/api's vitest config).
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    root: new URL('.', import.meta.url).pathname,
    include: ['**/*.e2e.ts'],
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 60_000,
    // A page re-rendered after a write can take seconds on a loaded 2-core machine; vitest's poll default is 1 s.
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});

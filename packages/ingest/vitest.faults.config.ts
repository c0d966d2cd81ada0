// `npm run test:faults`: real processes against a real PostgreSQL that is restarted, killed -9 and
// made to wait; loopback only, each test bounded. Not part of `npm test` (several minutes).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 240_000,
    hookTimeout: 120_000,
    // One at a time: each test times its own process against its own server.
    fileParallelism: false,
  },
});

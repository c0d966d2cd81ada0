import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Files run in parallel, each in its own database; the worker test spawns processes.
    fileParallelism: true,
    maxWorkers: 2,
  },
});

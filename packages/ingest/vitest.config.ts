import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['./test/global-setup.ts'],
    // The fault suite (restarts and kill -9 of PostgreSQL, minutes long) runs with `npm run test:faults`.
    exclude: [...configDefaults.exclude, 'test/faults/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Files run in parallel, each in its own database; the worker test spawns processes.
    fileParallelism: true,
    maxWorkers: 2,
  },
});

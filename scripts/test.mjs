#!/usr/bin/env node
// `npm test`: build everything, run every package's tests and the dashboard's end-to-end tests,
// then print one summary line over all suites. Exit code is non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = path.join(root, '.test-reports');
rmSync(reports, { recursive: true, force: true });

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', NEXT_TELEMETRY_DISABLED: '1', CHECKPOINT_DISABLE: '1' };
const turbo = path.join(root, 'node_modules', '.bin', 'turbo');
const reporter = path.join(root, 'scripts', 'vitest-summary-reporter.mjs');
// One task at a time: suites start their own PostgreSQL and servers, and machines may have 2 cores.
const result = spawnSync(
  turbo,
  [
    'run',
    'test',
    'test:e2e',
    'test:e2e:teams',
    '--continue',
    '--concurrency=1',
    '--',
    '--reporter=default',
    `--reporter=${reporter}`,
  ],
  { cwd: root, stdio: 'inherit', env },
);

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of existsSync(reports) ? readdirSync(reports) : []) {
  const r = JSON.parse(readFileSync(path.join(reports, file), 'utf8'));
  passed += r.passed;
  failed += r.failed + r.errors;
  skipped += r.skipped;
}
// A suite that crashed before reporting (a build or start-up failure) still counts as a failure.
if (result.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? ` (${skipped} skipped)` : ''}`);
process.exit(result.status === 0 && failed === 0 ? 0 : 1);

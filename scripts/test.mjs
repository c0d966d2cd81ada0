#!/usr/bin/env node
// `npm test`: build everything, run every package's tests and the dashboard's end-to-end tests,
// then print one summary line over all suites. Exit code is non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The workspaces: every folder under apps/ and packages/ with a package.json.
const packageDirs = ['apps', 'packages']
  .flatMap((parent) => readdirSync(path.join(root, parent)).map((name) => path.join(root, parent, name)))
  .filter((dir) => existsSync(path.join(dir, 'package.json')));

// Each vitest run writes a JSON report into its package; stale ones must not count.
const REPORT = 'test-report.json';
for (const dir of packageDirs) rmSync(path.join(dir, REPORT), { force: true });

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', NEXT_TELEMETRY_DISABLED: '1', CHECKPOINT_DISABLE: '1' };
const turbo = path.join(root, 'node_modules', '.bin', 'turbo');
const result = spawnSync(
  turbo,
  ['run', 'test', 'test:e2e', '--continue', '--concurrency=1', '--', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORT}`],
  { cwd: root, stdio: 'inherit', env },
);

let passed = 0;
let failed = 0;
const missing = [];
for (const dir of packageDirs) {
  const file = path.join(dir, REPORT);
  if (!existsSync(file)) {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    if (pkg.scripts?.test || pkg.scripts?.['test:e2e']) missing.push(pkg.name);
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + (report.success === false && !report.numFailedTests ? 1 : 0);
}
// A suite that crashed before reporting (build or start-up failure) counts as a failure.
if (result.status !== 0 && failed === 0) failed = 1;
if (missing.length) console.log(`no test report from: ${missing.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(result.status === 0 && failed === 0 ? 0 : 1);

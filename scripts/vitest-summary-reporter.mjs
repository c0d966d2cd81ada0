// A vitest reporter that leaves one small JSON file per run in <repo>/.test-reports, so
// `npm test` can print one summary line over every suite, whatever each package's config root is.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '.test-reports');

export default class SummaryReporter {
  onTestRunEnd(testModules, unhandledErrors) {
    const counts = { passed: 0, failed: 0, skipped: 0, errors: unhandledErrors?.length ?? 0, cwd: process.cwd() };
    for (const mod of testModules) {
      let failedTests = 0;
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') failedTests++;
        else counts.skipped++;
      }
      // A file that failed to load, or whose beforeAll/afterAll threw, fails even when no test did.
      counts.failed += failedTests || (mod.state() === 'failed' ? 1 : 0);
    }
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${process.pid}-${Date.now()}.json`), JSON.stringify(counts));
  }
}

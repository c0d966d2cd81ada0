// Scores the extractor against gold files (format: eval/seeds-gold/README.md).
// Usage: npm run eval -- [--gold DIR] [--texts DIR] [--json]
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, formatReport } from '../test/eval-lib.js';

const pkgDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(pkgDir, '../..');
const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const goldDir = resolve(process.cwd(), arg('--gold') ?? join(pkgDir, 'eval/seeds-gold'));
const textsDir = resolve(process.cwd(), arg('--texts') ?? join(repoRoot, 'corpus/seeds'));
if (!existsSync(goldDir)) {
  console.error(`gold folder not found: ${goldDir}`);
  process.exit(2);
}
const files = readdirSync(goldDir).filter((f) => f.endsWith('.json') && f !== 'contradictions.json').sort();
const contradictionsPath = join(goldDir, 'contradictions.json');
const report = evaluate(
  files.map((f) => JSON.parse(readFileSync(join(goldDir, f), 'utf8'))),
  (file) => readFileSync(join(textsDir, file), 'utf8'),
  existsSync(contradictionsPath) ? JSON.parse(readFileSync(contradictionsPath, 'utf8')) : [],
);
console.log(formatReport(report, args.includes("--verbose") || args.includes("-v")));
if (args.includes('--json')) console.log(JSON.stringify(report.overall));

// Actor precision/recall on the tuning and checking halves of eval/split.json (tune on one, report both).
// Usage: npx tsx scripts/actor-split.ts [-v] [--half tuning|checking]
//   -v lists the tuning half's misses; the checking half's only with --show-checking (rules are tuned on the tuning half).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, scoreFile, type GoldFile } from '../test/eval-lib.js';

const evalDir = resolve(dirname(fileURLToPath(import.meta.url)), '../eval');
const split = JSON.parse(readFileSync(join(evalDir, 'split.json'), 'utf8')) as Record<
  'tuning' | 'checking',
  { gold: string; texts: string; stories?: string[] }[]
>;
const args = process.argv.slice(2);
const verbose = args.includes('-v');
const showChecking = args.includes('--show-checking');
const only = args.includes('--half') ? args[args.indexOf('--half') + 1] : undefined;

for (const half of ['tuning', 'checking'] as const) {
  if (only && only !== half) continue;
  let tp = 0,
    fp = 0,
    fn = 0;
  const lines: string[] = [];
  for (const entry of split[half]) {
    const goldDir = join(evalDir, entry.gold);
    const textsDir = join(evalDir, entry.texts);
    const files = readdirSync(goldDir).filter(
      (f) =>
        f.endsWith('.json') &&
        f !== 'contradictions.json' &&
        (!entry.stories || entry.stories.some((s) => f.startsWith(s))),
    );
    for (const f of files.sort()) {
      const gold = JSON.parse(readFileSync(join(goldDir, f), 'utf8')) as GoldFile;
      if (!Array.isArray(gold.actors)) continue;
      const s = scoreFile(gold, run(gold, readFileSync(join(textsDir, gold.file), 'utf8')));
      tp += s.actor.tp;
      fp += s.actor.fp;
      fn += s.actor.fn;
      for (const m of s.misses) if (m.startsWith('actor')) lines.push(`  [${gold.file.slice(0, 14)}] ${m}`);
    }
  }
  const p = tp / Math.max(1, tp + fp),
    r = tp / Math.max(1, tp + fn);
  console.log(
    `${half}: actor P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${(p + r ? (2 * p * r) / (p + r) : 0).toFixed(3)} (tp ${tp} fp ${fp} fn ${fn})`,
  );
  if (verbose && (half === 'tuning' || showChecking)) console.log(lines.join('\n'));
}

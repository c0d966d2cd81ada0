// How far apart two halves of the gold fall by chance alone (issue 14's "halves within 0.05"): the tuning half's
// stories, all tuned on alike, are split at random into as many stories as the checking half holds and the rest, and
// the gap (rest minus the small part) of chain exact, modality and date type is printed as percentiles. Only the
// tuning half is read.
//   npx tsx scripts/split-noise.ts [--stories 6] [--draws 20000] [--seed 1] [--observed chain=0.087,modality=0.097]
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSplit, scoreFolder, type FileScore } from '../test/eval-lib.js';
import { opt, seededRandom, shuffledIndexes } from './corpus-cli.js';

const SMALL = Number(opt('--stories', '6'));
const DRAWS = Number(opt('--draws', '20000'));
const observed = new Map(
  opt('--observed', '')
    .split(',')
    .filter(Boolean)
    .map((kv) => kv.split('='))
    .map(([k, v]) => [k, Number(v)] as const),
);

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tuning = loadSplit(join(pkg, 'eval/split.json')).tuning;

// A story: the AllSides story prefix (three outlets of one story), the seed folder (five outlets of one strike), or
// else the file itself (each fixture is an article of its own story).
const stories = new Map<string, FileScore[]>();
for (const folder of tuning) {
  const seeds = folder.name.includes('seeds-gold');
  for (const f of scoreFolder(folder).files) {
    const key = seeds ? folder.name : (/^d\d\d_/.exec(basename(f.file))?.[0] ?? f.file);
    stories.set(key, [...(stories.get(key) ?? []), f]);
  }
}
const keys = [...stories.keys()];

type Part = 'chain' | 'modality' | 'dateType';
const score = (part: Part, ks: string[]) => {
  let ok = 0;
  let n = 0;
  for (const k of ks)
    for (const f of stories.get(k) ?? []) {
      ok += f[part].ok;
      n += f[part].n;
    }
  return n ? ok / n : 0;
};

const random = seededRandom(Number(opt('--seed', '1')));
const shuffled = () => shuffledIndexes(keys.length, random).map((i) => keys[i] as string);

console.log(`tuning half: ${keys.length} stories; ${DRAWS} random splits into ${SMALL} stories and the rest`);
for (const part of ['chain', 'modality', 'dateType'] as const) {
  const gaps: number[] = [];
  for (let d = 0; d < DRAWS; d++) {
    const s = shuffled();
    gaps.push(score(part, s.slice(SMALL)) - score(part, s.slice(0, SMALL)));
  }
  gaps.sort((a, b) => a - b);
  const q = (p: number) => gaps[Math.min(gaps.length - 1, Math.floor(p * gaps.length))]!.toFixed(3);
  const wide = gaps.filter((g) => Math.abs(g) > 0.05).length / gaps.length;
  const seen = observed.get(part);
  const tail =
    seen === undefined ? '' : `; P(gap >= ${seen}) ${(gaps.filter((g) => g >= seen).length / gaps.length).toFixed(3)}`;
  console.log(
    `${part.padEnd(9)} gap p5 ${q(0.05)}  p50 ${q(0.5)}  p95 ${q(0.95)}; |gap| > 0.05 in ${(wide * 100).toFixed(0)} % of splits${tail}`,
  );
}

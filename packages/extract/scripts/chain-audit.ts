// Draws a fixed random sample of claims from extractor output on an unlabelled corpus and prints each claim with
// its chain and the sentences before it, so that a person can judge the chains by hand (eval/chain-audit/README.md):
//
//   npx tsx scripts/chain-audit.ts <articles.jsonl.gz> [--articles 60] [--per-article 2] [--seed 14] [--verdicts F]
//     [--leave-out F[,G]] [--blind]
//
// Articles and claims are ranked by a hash of the seed and their dataset id / evidence text, so the same sample is
// drawn again after a rule change (a claim whose evidence changed drops out and is reported). Articles whose dataset
// id occurs in the gold (eval/, test/fixtures/) are left out. With --verdicts, claims whose chain differs from the
// judged one are marked CHANGED (judge those again; with a blind sample's `expected`, whether it now reads that) and
// the verdicts are counted. --leave-out F[,G...] leaves out the articles older audits judged (a fresh sample); --blind
// hides the chains, to judge a fresh sample without seeing them.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../src/index.js';
import { articleInput, corpusFile, flag, leftOutArticles, opt, readCorpus } from './corpus-cli.js';

const pkgDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const file = corpusFile;
if (!file) {
  console.error(
    'usage: npx tsx scripts/chain-audit.ts <articles.jsonl.gz> [--articles 60] [--per-article 2] [--seed 14] [--verdicts F] [--leave-out F[,G]] [--blind]',
  );
  process.exit(1);
}
const ARTICLES = Number(opt('--articles', '60'));
const PER_ARTICLE = Number(opt('--per-article', '2'));
const SEED = opt('--seed', '14');
const VERDICTS = opt('--verdicts', '');
const BLIND = flag('--blind');

interface Verdict {
  id: string;
  chain: string;
  verdict: 'right' | 'missingHop' | 'extraHop' | 'wrongSpeaker' | 'wrongOutlet';
  note?: string;
  /** A blind sample's chain judged right from the text. */
  expected?: string;
}

const hash = (s: string) => createHash('md5').update(`${SEED}:${s}`).digest('hex');

/** Every text file of the gold folders (not the audits'), to leave out articles the gold already holds. */
function goldText(): string {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) {
        if (!n.endsWith('-audit')) walk(p); // audits sample the corpus, they are no gold
      } else if (/\.(?:json|md|txt)$/.test(n)) out.push(readFileSync(p, 'utf8'));
    }
  };
  for (const d of ['eval', 'test/fixtures']) if (existsSync(join(pkgDir, d))) walk(join(pkgDir, d));
  return out.join('\n');
}

const gold = goldText();
const judgedBefore = leftOutArticles((sample) =>
  (sample as { claims: Verdict[] }).claims.map((v) => v.id.split(':')[0] as string),
);
const rows = readCorpus(file)
  .filter((r) => !gold.includes(r.id) && !judgedBefore.has(r.id))
  .sort((x, y) => (hash(x.id) < hash(y.id) ? -1 : 1));

const judged = new Map<string, Verdict>();
if (VERDICTS) for (const v of JSON.parse(readFileSync(VERDICTS, 'utf8')).claims as Verdict[]) judged.set(v.id, v);

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s).replace(/\s+/g, ' ');
const seen = new Set<string>();
const counts = new Map<string, number>();
let changed = 0;
let drawn = 0;
for (const row of rows) {
  if (drawn >= ARTICLES) break;
  let r: ReturnType<typeof extract>;
  try {
    r = extract(articleInput(row));
  } catch {
    continue;
  }
  if (!r.claims.length) continue;
  drawn++;
  const picked = r.claims
    .map((c) => ({ c, ev: r.body.slice(c.evidence.start, c.evidence.end) }))
    .sort((x, y) => (hash(x.ev) < hash(y.ev) ? -1 : 1))
    .slice(0, PER_ARTICLE);
  console.log(`\n##### ${row.id} [${row.source ?? '?'}] ${clip(row.title ?? '', 100)}`);
  for (const { c, ev } of picked) {
    const id = `${row.id}:${hash(ev).slice(0, 8)}`;
    seen.add(id);
    const chain = c.attribution.map((n) => n.label).join(' > ');
    const si = r.sentences.findIndex((s) => s.end > c.evidence.start);
    const before = r.sentences.slice(Math.max(0, si - 3), Math.max(0, si));
    const v = judged.get(id);
    const vs =
      v?.expected === undefined ? '' : v.expected === chain ? ', now the expected chain' : `, expected ${v.expected}`;
    const mark = v
      ? v.chain === chain
        ? `judged ${v.verdict}`
        : `CHANGED (judged ${v.verdict}: ${v.chain}${vs})`
      : 'new';
    if (v && v.chain !== chain) changed++;
    if (v && v.chain === chain) counts.set(v.verdict, (counts.get(v.verdict) ?? 0) + 1);
    console.log(`--- ${id}  ${BLIND ? '' : mark}`);
    for (const s of before) console.log(`    | ${clip(s.text, 220)}`);
    console.log(`    > ${clip(ev, 400)}`);
    if (!BLIND) console.log(`    chain: ${chain}`);
  }
}
if (VERDICTS) {
  const gone = [...judged.keys()].filter((k) => !seen.has(k));
  const right = counts.get('right') ?? 0;
  const same = [...counts.values()].reduce((x, y) => x + y, 0);
  console.log(
    `\nunchanged ${same} (right ${right}; ${[...counts].map(([k, n]) => `${k} ${n}`).join(', ')}), changed ${changed}, no longer drawn ${gone.length}${gone.length ? `: ${gone.join(' ')}` : ''}`,
  );
}

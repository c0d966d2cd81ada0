// A second, unbiased estimate of modality accuracy (issue 14): a fixed random sample of claims the extractor finds in
// the unlabelled corpus, judged by hand against the gold rules (eval/seeds-gold/README.md).
//
//   npx tsx scripts/modality-audit.ts <articles.jsonl.gz> --draw <out.json> [--seed 14] [--articles 60] [--opinion 10]
//     [--leave-out F[,G]] [--blind]
//   npx tsx scripts/modality-audit.ts <articles.jsonl.gz> --score eval/modality-audit/audit.json [--list]
//
// --draw redraws the sample: articles in a seeded shuffle (those of the labelled gold left out, so that no checking-half
// text is read), `--opinion` of them from opinion sections (an address with opinion, commentary, editorial, column or
// blog), two claims each, written with the extractor's modality for a judge to fill in `verdict`. --leave-out F[,G...]
// leaves out the articles of earlier samples (a fresh sample); --blind prints each drawn claim with the sentences
// before it and its chain but not the extractor's modality, to judge from (the file still holds it: do not open it).
// --score runs the extractor on the sampled articles again and scores its modality against the verdicts: accuracy and
// the confusion matrix (rows the verdict, columns the extractor); --list also prints each disagreement.
import { readFileSync, writeFileSync } from 'node:fs';
import { extract } from '../src/index.js';
import { modalitySieve } from '../src/claims/modality.js';
import {
  articleInput,
  corpusFile,
  flag,
  goldUrls,
  leftOutArticles,
  opt,
  readCorpus,
  seededRandom,
  shuffledIndexes,
  type CorpusRow,
} from './corpus-cli.js';

interface Item {
  article: string;
  outlet: string;
  url: string;
  evidence: string;
  chain: string[];
  extractor: string;
  sieve: string;
  /** Drawn among opinion-section articles or among all. */
  stratum: 'opinion' | 'any';
  verdict: string | null;
  note?: string;
}

const file = corpusFile;
if (!file || (!flag('--draw') && !flag('--score'))) {
  console.error(
    'usage: npx tsx scripts/modality-audit.ts <articles.jsonl.gz> (--draw <out.json> | --score <audit.json>)',
  );
  process.exit(1);
}
const rows = readCorpus(file);
const byId = new Map(rows.map((r) => [String(r.id), r]));

/** The claims of one article with the sieve that decided each one's modality. */
function claimsOf(row: CorpusRow) {
  const r = extract(articleInput(row, { url: true, language: true }));
  return r.claims.map((c) => {
    const si = r.sentences.findIndex((s) => s.end > c.evidence.start);
    return {
      evidence: r.body.slice(c.evidence.start, c.evidence.end),
      chain: c.attribution.map((n) => n.label),
      extractor: c.modality,
      sieve: modalitySieve.get(c) ?? '?',
      before: r.sentences.slice(Math.max(0, si - 2), Math.max(0, si)).map((s) => s.text),
    };
  });
}

if (flag('--draw')) draw(opt('--draw', ''));
else score(opt('--score', ''));

function draw(out: string) {
  const seed = Number(opt('--seed', '14'));
  const nArticles = Number(opt('--articles', '60'));
  const nOpinion = Number(opt('--opinion', '10'));
  const golds = goldUrls();
  const judgedBefore = leftOutArticles((sample) => (sample as { items: Item[] }).items.map((it) => it.article));
  const rand = seededRandom(seed);
  const order = shuffledIndexes(rows.length, rand);
  const opinion = (r: CorpusRow) => /opinion|commentary|editorial|column|blog/i.test(r.url ?? '');
  const items: Item[] = [];
  const take = (want: number, stratum: Item['stratum'], pick: (r: CorpusRow) => boolean, taken: Set<number>) => {
    for (const i of order) {
      if (want === 0) break;
      const row = rows[i] as CorpusRow;
      if (taken.has(i) || !pick(row) || golds.has(row.url ?? '') || judgedBefore.has(String(row.id))) continue;
      const claims = claimsOf(row);
      if (claims.length < 2) continue;
      taken.add(i);
      want--;
      const a = Math.floor(rand() * claims.length);
      let b = Math.floor(rand() * (claims.length - 1));
      if (b >= a) b++;
      for (const c of [claims[a], claims[b]]) {
        if (!c) continue;
        const { before, ...claim } = c;
        if (flag('--blind')) {
          console.log(`--- ${items.length} ${row.id} [${row.source ?? '?'}] ${row.url ?? ''}`);
          for (const s of before) console.log(`    | ${s.replace(/\s+/g, ' ')}`);
          console.log(`    > ${claim.evidence.replace(/\s+/g, ' ')}`);
          console.log(`    chain: ${claim.chain.join(' > ')}`);
        }
        items.push({
          article: String(row.id),
          outlet: row.source ?? 'unknown',
          url: row.url ?? '',
          ...claim,
          stratum,
          verdict: null,
        });
      }
    }
  };
  const taken = new Set<number>();
  take(nOpinion, 'opinion', opinion, taken);
  take(nArticles - nOpinion, 'any', () => true, taken);
  writeFileSync(
    out,
    `${JSON.stringify({ corpus: file, seed, articles: nArticles, opinion: nOpinion, items }, null, 1)}\n`,
  );
  console.log(`${items.length} claims of ${taken.size} articles written to ${out}`);
}

function score(path: string) {
  const audit = JSON.parse(readFileSync(path, 'utf8')) as { items: Item[] };
  const labels = ['DENIED', 'ADMITTED', 'CONFIRMED', 'ALLEGED', 'OPINION', 'QUOTED_STATEMENT', 'REPORTED'];
  const cache = new Map<string, ReturnType<typeof claimsOf>>();
  const confusion = new Map<string, number>();
  let right = 0;
  let judged = 0;
  const anyStratum = { right: 0, judged: 0 };
  let missing = 0;
  let notClaims = 0;
  for (const it of audit.items) {
    if (!it.verdict) continue;
    // Page chrome or a subheading the extractor took for a claim: no modality to judge (counted apart).
    if (!labels.includes(it.verdict)) {
      notClaims++;
      continue;
    }
    const row = byId.get(it.article);
    if (!row) throw new Error(`article ${it.article} is not in ${file}`);
    if (!cache.has(it.article)) cache.set(it.article, claimsOf(row));
    const now = cache.get(it.article)?.find((c) => c.evidence === it.evidence);
    if (!now) {
      missing++;
      continue;
    }
    const ok = now.extractor === it.verdict;
    judged++;
    if (ok) right++;
    if (it.stratum === 'any') {
      anyStratum.judged++;
      if (ok) anyStratum.right++;
    }
    if (!ok && flag('--list'))
      console.log(`${it.verdict} <- ${now.extractor} (${now.sieve}) [${it.outlet}] ${it.evidence.slice(0, 160)}`);
    const k = `${it.verdict}|${now.extractor}`;
    confusion.set(k, (confusion.get(k) ?? 0) + 1);
  }
  console.log(
    `modality audit: ${right}/${judged} right (${(right / Math.max(1, judged)).toFixed(3)})` +
      `; ${notClaims} not claims` +
      (missing ? `; ${missing} sampled claims no longer found (evidence changed)` : ''),
  );
  console.log(
    `without the opinion-section stratum: ${anyStratum.right}/${anyStratum.judged} right (${(anyStratum.right / Math.max(1, anyStratum.judged)).toFixed(3)})`,
  );
  console.log('confusion (rows verdict, columns extractor):');
  console.log(`${''.padEnd(18)}${labels.map((l) => l.slice(0, 9).padStart(10)).join('')}`);
  for (const g of labels)
    console.log(`${g.padEnd(18)}${labels.map((o) => String(confusion.get(`${g}|${o}`) ?? 0).padStart(10)).join('')}`);
}

// Event types of dated events on unlabelled corpus articles, judged by hand against the gold rules
// (eval/seeds-gold/README.md: the type of the happening the date words date).
// --draw FILE [--seed N] [--articles N] [--leave-out F[,G]]: one dated event per article, drawn from a seeded shuffle
//   of the corpus (the labelled gold's articles and those of the earlier samples F, G left out); the extractor's type
//   is not written, so the judge does not see it.
// --score FILE: the extractor's type against the hand-judged `gold` of each item.
import { readFileSync, writeFileSync } from 'node:fs';
import { extract } from '../src/index.js';
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
  sentence: string;
  dateText: string;
  /** The sentence's offset in the extracted body, so that several dates in one sentence stay apart. */
  at: number;
  gold: string | null;
}

if (!corpusFile) {
  console.error(
    'usage: npx tsx scripts/event-audit.ts <articles.jsonl.gz> (--draw <out.json> [--seed 17] [--articles 40] [--leave-out F[,G]] | --score <audit.json> [-v])',
  );
  process.exit(1);
}
const rows = readCorpus(corpusFile);
const byId = new Map(rows.map((r) => [String(r.id), r]));

function eventsOf(row: CorpusRow) {
  const r = extract(articleInput(row));
  return r.events.filter((e) => e.date.text);
}

if (flag('--draw')) draw(opt('--draw', ''));
else score(opt('--score', ''));

function draw(out: string) {
  const nArticles = Number(opt('--articles', '40'));
  const golds = goldUrls();
  const judgedBefore = leftOutArticles((sample) => (sample as Item[]).map((it) => it.article));
  const rand = seededRandom(Number(opt('--seed', '17')));
  const order = shuffledIndexes(rows.length, rand);
  const items: Item[] = [];
  for (const i of order) {
    if (items.length === nArticles) break;
    const row = rows[i] as CorpusRow;
    if (golds.has(row.url ?? '') || judgedBefore.has(String(row.id))) continue;
    const evs = eventsOf(row);
    const e = evs[Math.floor(rand() * evs.length)];
    if (!e) continue;
    const dateText = e.date.text as string;
    items.push({
      article: String(row.id),
      outlet: row.source ?? 'unknown',
      sentence: e.surface.text,
      dateText,
      at: e.surface.start,
      gold: null,
    });
  }
  writeFileSync(out, `${JSON.stringify(items, null, 1)}\n`);
  console.log(`${items.length} dated events written to ${out}`);
}

function score(file: string) {
  const items = JSON.parse(readFileSync(file, 'utf8')) as Item[];
  let ok = 0;
  let n = 0;
  for (const it of items) {
    const row = byId.get(it.article);
    if (!row || !it.gold) continue;
    const e = eventsOf(row).find((x) => x.surface.start === it.at && x.date.text === it.dateText);
    const ours = e ? e.type.toLowerCase() : 'none';
    n++;
    if (ours === it.gold) ok++;
    else if (flag('-v')) console.log(`${ours} vs ${it.gold} — "${it.dateText}" — ${it.sentence.slice(0, 160)}`);
  }
  console.log(`event type right on ${ok}/${n} = ${(ok / Math.max(n, 1)).toFixed(3)}`);
}

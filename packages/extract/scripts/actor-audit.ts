// Actor audit: actors drawn at random from the extractor's output on the unlabelled corpus, one per article, judged by
// hand (eval/actor-audit/README.md): is it an actor at all, is its name right, which kind is it.
//
//   npx tsx scripts/actor-audit.ts <articles.jsonl.gz> --draw out.json [--seed 16] [--actors 80] [--leave-out F[,G]] [--blind]
//   npx tsx scripts/actor-audit.ts <articles.jsonl.gz> --score eval/actor-audit/<file>.json [--list]
//
// --draw ranks the articles by a hash of the seed and their dataset id (the 30 gold articles left out), takes one actor
// of each by the same hash of its name, and prints each with its mentions in context and the article's other actor
// names; the extractor's kind is written to the file but not printed, so that the judge does not see it (always: --blind
// is accepted for the other audits' sake). --leave-out F[,G...] leaves out the articles earlier samples drew.
// --score finds each judged actor again by its first drawn mention; an actor whose name changed is judged again
// (its verdicts under `names`), one no longer found is counted apart.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { ExtractedActor, ExtractionResult } from '@claimgraph/shared';
import { extract } from '../src/index.js';
import {
  articleInput,
  corpusFile,
  flag,
  goldUrls,
  leftOutArticles,
  opt,
  readCorpus,
  type CorpusRow,
} from './corpus-cli.js';

type Verdict = 'right' | 'wrongName' | 'split' | 'notActor';
interface Item {
  article: string;
  outlet: string;
  mention: { start: number; end: number; text: string };
  name: string;
  extractor: string;
  /** The verdict on each name the extractor gave this actor (a rule may change the name). */
  names: Record<string, Verdict | null>;
  /** The kind the actor is (null for no actor). */
  kind: string | null;
  note?: string;
}

if (!corpusFile) {
  console.error('usage: npx tsx scripts/actor-audit.ts <articles.jsonl.gz> (--draw out.json | --score F [--list])');
  process.exit(1);
}
const rows = readCorpus(corpusFile);
const SEED = opt('--seed', '16');
const hash = (s: string) => createHash('md5').update(`${SEED}:${s}`).digest('hex');

function extracted(row: CorpusRow): ExtractionResult | null {
  try {
    return extract(articleInput(row));
  } catch {
    return null;
  }
}

const clip = (s: string) => s.replace(/\s+/g, ' ');

/** A mention in its sentence, the mention bracketed. */
function inContext(r: ExtractionResult, m: { start: number; end: number }): string {
  const s = r.sentences.find((x) => x.end > m.start) ?? { start: m.start, end: m.end };
  const from = Math.max(s.start, m.start - 160);
  const to = Math.min(s.end, m.end + 160);
  return clip(`${r.body.slice(from, m.start)}[[${r.body.slice(m.start, m.end)}]]${r.body.slice(m.end, to)}`);
}

if (flag('--draw')) draw(opt('--draw', ''));
else score(opt('--score', ''));

function draw(out: string) {
  const want = Number(opt('--actors', '80'));
  const golds = goldUrls();
  const judgedBefore = leftOutArticles((sample) => (sample as { items: Item[] }).items.map((it) => it.article));
  const order = rows
    .filter((r) => !golds.has(r.url ?? '') && !judgedBefore.has(String(r.id)))
    .sort((x, y) => (hash(String(x.id)) < hash(String(y.id)) ? -1 : 1));
  const items: Item[] = [];
  for (const row of order) {
    if (items.length >= want) break;
    const r = extracted(row);
    if (!r?.actors.length) continue;
    const rank = (x: ExtractedActor) => hash(`${row.id}:${x.canonicalName}`); // per article: no name always wins
    const a = [...r.actors].sort((x, y) => (rank(x) < rank(y) ? -1 : 1))[0] as ExtractedActor;
    const first = a.mentions[0] as ExtractedActor['mentions'][number];
    items.push({
      article: String(row.id),
      outlet: row.source ?? 'unknown',
      mention: { start: first.start, end: first.end, text: first.text },
      name: a.canonicalName,
      extractor: a.kind,
      names: { [a.canonicalName]: null },
      kind: null,
    });
    console.log(`\n##### ${items.length} ${row.id} [${row.source ?? '?'}]`);
    console.log(`ACTOR ${a.canonicalName}   aliases: ${a.aliases.map((x) => x.alias).join(' | ')}`);
    for (const m of a.mentions.slice(0, 3)) console.log(`    > ${inContext(r, m)}`);
    console.log(`    others: ${r.actors.map((x) => x.canonicalName).join(' | ')}`);
  }
  writeFileSync(out, `${JSON.stringify({ corpus: corpusFile, seed: SEED, items }, null, 1)}\n`);
  console.log(`\n${items.length} actors written to ${out}`);
}

/** The actor that now holds the drawn mention (the body is found again by the mention's text near its offset). */
function actorNow(r: ExtractionResult, it: Item): ExtractedActor | undefined {
  let at = it.mention.start;
  if (r.body.slice(at, at + it.mention.text.length) !== it.mention.text) {
    const near = r.body.indexOf(it.mention.text, Math.max(0, at - 500));
    if (near < 0) return undefined;
    at = near;
  }
  const end = at + it.mention.text.length;
  return r.actors.find((a) => a.mentions.some((m) => m.start < end && m.end > at));
}

function score(path: string) {
  const audit = JSON.parse(readFileSync(path, 'utf8')) as { items: Item[] };
  const byId = new Map(rows.map((r) => [String(r.id), r]));
  const tally = { right: 0, wrongName: 0, split: 0, notActor: 0 };
  let kindsRight = 0;
  let actorsFound = 0;
  const gone: Item[] = [];
  const unjudged: string[] = [];
  for (const it of audit.items) {
    const row = byId.get(it.article);
    if (!row) throw new Error(`article ${it.article} is not in ${corpusFile}`);
    const r = extracted(row);
    const now = r && actorNow(r, it);
    if (!now) {
      gone.push(it);
      continue;
    }
    const verdict = it.names[now.canonicalName];
    if (!verdict) {
      unjudged.push(`${it.article} "${now.canonicalName}" (was "${it.name}")  > ${inContext(r, now.mentions[0]!)}`);
      continue;
    }
    tally[verdict]++;
    if (verdict !== 'notActor') {
      actorsFound++;
      if (now.kind === it.kind) kindsRight++;
    }
    if (flag('--list') && (verdict !== 'right' || now.kind !== it.kind))
      console.log(`${verdict.padEnd(9)} ${now.kind.padEnd(12)} ${now.canonicalName}  (is ${it.kind ?? 'no actor'})`);
  }
  const present = tally.right + tally.wrongName + tally.split + tally.notActor;
  console.log(
    `actor audit: ${tally.right}/${present} right (${(tally.right / Math.max(1, present)).toFixed(3)}); wrong name ${tally.wrongName}, split from another ${tally.split}, no actor ${tally.notActor}; kinds right ${kindsRight}/${actorsFound}`,
  );
  const goneJunk = gone.filter((g) => g.names[g.name] === 'notActor').length;
  if (gone.length)
    console.log(
      `no longer found: ${gone.length} (${goneJunk} of them judged no actor): ${gone.map((g) => g.name).join(' | ')}`,
    );
  if (unjudged.length) console.log(`renamed, to judge again (add to names):\n  ${unjudged.join('\n  ')}`);
}

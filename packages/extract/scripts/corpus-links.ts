// Links a real corpus as an ingest would, without a database, and prints the relations compare() makes,
// so that a rule's effect on precision can be judged before and after the change (issue 14):
//
//   npx tsx scripts/corpus-links.ts <articles.jsonl.gz> [--limit N] [--samples 30] [--seed 14] [--out file.txt] [--any-precision] [--no-profiles]
//
// Articles are taken in file order. Each new article's claims are compared with the candidates an
// ingest would fetch (packages/ingest/src/service/link.ts): claims of earlier articles about the same
// dated event, then claims sharing two or more of the article's actors (the newest 200 per actor),
// the 120 best. Actors are one per canonical name, as the ingest's merge mostly makes them.
// --any-precision gives compare() an event's date whatever its precision ("2016" as 2016-01-01), as
// the database's Event.occurredAt does.
// --no-profiles gives compare() no stored story profiles, as the link stage did before articles stored theirs.
// --dump <file.json> also writes every article's comparable claims (as compare() got them), the relations,
// and near misses (candidate pairs sharing many words that compare() did not relate): the input of
// eval/corpus-pairs/draw.ts, which draws the labelled corroboration pairs.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { ClaimRelationResult, ComparableClaim } from '@claimgraph/shared';
import { compare, extract, storyProfile, toComparable } from '../src/index.js';
import { corpusFile, flag, opt, readCorpus } from './corpus-cli.js';

const file = corpusFile;
if (!file) {
  console.error(
    'usage: npx tsx scripts/corpus-links.ts <articles.jsonl.gz> [--limit N] [--samples 30] [--seed 14] [--out file.txt]',
  );
  process.exit(1);
}
const LIMIT = Number(opt('--limit', '0'));
const SAMPLES = Number(opt('--samples', '30'));
const SEED = opt('--seed', '14');
const RELATED_LIMIT = 120;
const CLAIMS_PER_ACTOR = 200;
const DAY = 86_400_000;
const ANY_PRECISION = flag('--any-precision');
const PROFILES = !flag('--no-profiles');
/** Each article's whole story profile, as the ingest stores it (Article.storyTerms). */
const profiles = new Map<string, string[]>();
const fullDay = (v: string) => (v.length === 4 ? `${v}-01-01` : v.length === 7 ? `${v}-01` : v.slice(0, 10));

const rows = readCorpus(file, LIMIT);

const claims: ComparableClaim[] = [];
const byActor = new Map<string, number[]>(); // actor name -> claim indexes, oldest first
const byEvent = new Map<string, { claim: number; actors: Set<string> }[]>(); // "TYPE|day" -> claims
const relations: (ClaimRelationResult & { a: ComparableClaim; b: ComparableClaim })[] = [];
const key = (n: string) => n.toLowerCase();
const dayNo = (d: string) => Math.round(Date.parse(d) / DAY);
const t0 = Date.now();
let errors = 0;
const DUMP = flag('--dump') ? opt('--dump', '') : '';
const articles: Record<
  string,
  { outlet: string; published: string | null; url: string; title: string; claims: ComparableClaim[] }
> = {};
/** A looser variant than compare()'s: four or more words of four letters shared, a quarter of the shorter claim's. */
const near: [string, string][] = [];
const looseWords = new Map<string, Set<string>>();
const wordsOfText = (t: string) => {
  let w = looseWords.get(t);
  if (!w)
    looseWords.set(
      t,
      (w = new Set(
        (t.toLowerCase().match(/[a-z]{4,}/g) ?? []).filter(
          (x) =>
            !/^(that|this|with|from|have|were|said|they|their|been|would|will|about|which|there|what|when|also|into|more)$/.test(
              x,
            ),
        ),
      )),
    );
  return w;
};

rows.forEach((row, ai) => {
  let fresh: ComparableClaim[];
  let events: { key: string; type: string; day: string | null; actors: Set<string> }[];
  const published = row.date ? row.date.slice(0, 10) : undefined;
  try {
    const r = extract({
      text: row.text,
      outlet: row.source ?? 'unknown',
      ...(published ? { publishedAt: published } : {}),
      language: 'en',
    });
    fresh = toComparable(r, String(ai), row.source ?? 'unknown');
    if (PROFILES) profiles.set(String(ai), storyProfile(fresh));
    const names = new Map(r.actors.map((a) => [a.key, key(a.canonicalName)]));
    events = r.events.map((e) => ({
      key: e.key,
      type: e.type,
      day:
        e.date.value && (ANY_PRECISION || e.date.precision === 'DAY' || e.date.precision === 'EXACT')
          ? fullDay(e.date.value)
          : null,
      actors: new Set(e.actors.map((x) => names.get(x.actorKey) ?? '')),
    }));
    const dayOf = new Map(events.map((e) => [e.key, e.day]));
    fresh.forEach((c, i) => {
      c.id = `${ai}#${i}`;
      if (c.event && c.claim.eventKey) c.event.date = dayOf.get(c.claim.eventKey) ?? null;
    });
  } catch {
    errors++;
    return;
  }
  // Candidates: same dated event (rank 2), then two or more shared actors (rank 1); newest first.
  const rank = new Map<number, number>();
  for (const e of events) {
    if (!e.day || e.type === 'OTHER') continue;
    for (const d of [-1, 0, 1]) {
      const day = new Date((dayNo(e.day) + d) * DAY).toISOString().slice(0, 10);
      const list = byEvent.get(`${e.type}|${day}`) ?? [];
      for (const x of list.slice(-RELATED_LIMIT)) if ([...x.actors].some((n) => e.actors.has(n))) rank.set(x.claim, 2);
    }
  }
  const actors = [...new Set(fresh.flatMap((c) => c.actorNames.map(key)))];
  const shared = new Map<number, number>();
  for (const a of actors)
    for (const i of (byActor.get(a) ?? []).slice(-CLAIMS_PER_ACTOR)) shared.set(i, (shared.get(i) ?? 0) + 1);
  for (const [i, n] of shared) if (n >= Math.min(2, actors.length) && !rank.has(i)) rank.set(i, 1);
  const old = [...rank]
    .sort((x, y) => y[1] - x[1] || y[0] - x[0])
    .slice(0, RELATED_LIMIT)
    .map(([i]) => claims[i] as ComparableClaim);
  if (DUMP)
    articles[String(ai)] = {
      outlet: row.source ?? 'unknown',
      published: published ?? null,
      url: row.url ?? '',
      title: row.title ?? '',
      claims: fresh,
    };
  if (old.length) {
    const isNew = new Set(fresh.map((c) => c.id));
    const all = new Map([...old, ...fresh].map((c) => [c.id, c]));
    const related = new Set<string>();
    for (const r of compare([...old, ...fresh], { profiles }).relations) {
      const a = all.get(r.fromId) as ComparableClaim;
      const b = all.get(r.toId) as ComparableClaim;
      related.add(`${r.fromId} ${r.toId}`);
      if ((isNew.has(r.fromId) || isNew.has(r.toId)) && a.articleId !== b.articleId) relations.push({ ...r, a, b });
    }
    if (DUMP)
      for (const a of old)
        for (const b of fresh) {
          if (related.has(`${a.id} ${b.id}`)) continue;
          const x = wordsOfText(a.claim.text);
          const y = wordsOfText(b.claim.text);
          let n = 0;
          for (const w of x) if (y.has(w)) n++;
          if (n >= 4 && n >= 0.25 * Math.min(x.size, y.size)) near.push([a.id, b.id]);
        }
  }
  // Store the article's claims, its actors' claims and its dated events.
  const ev = new Map(events.map((e) => [e.key, e]));
  for (const c of fresh) {
    const i = claims.push(c) - 1;
    for (const n of new Set(c.actorNames.map(key))) (byActor.get(n) ?? byActor.set(n, []).get(n)!).push(i);
    const e = c.claim.eventKey ? ev.get(c.claim.eventKey) : undefined;
    if (e?.day && e.type !== 'OTHER')
      (byEvent.get(`${e.type}|${e.day}`) ?? byEvent.set(`${e.type}|${e.day}`, []).get(`${e.type}|${e.day}`)!).push({
        claim: i,
        actors: e.actors,
      });
  }
});

const out: string[] = [];
const n = rows.length;
out.push(`${n} articles, ${claims.length} claims, ${errors} errors, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
const short = (s: string) => (s.length > 220 ? `${s.slice(0, 217)}…` : s);
const apart = (r: (typeof relations)[number]) =>
  r.a.published && r.b.published ? Math.abs(dayNo(r.a.published) - dayNo(r.b.published)) : null;
for (const kind of ['CONTRADICTS', 'CORROBORATES']) {
  const rs = relations.filter((r) => r.kind === kind);
  const dated = rs.filter((r) => apart(r) !== null);
  const far = dated.filter((r) => (apart(r) as number) > 30).length;
  const sameOutlet = rs.filter((r) => r.a.outlet === r.b.outlet).length;
  out.push(
    `${kind}: ${rs.length} (${((rs.length * 1000) / n).toFixed(1)} per 1,000 articles), > 30 days apart ${far}/${dated.length}, same outlet ${sameOutlet}`,
  );
}
// A fixed-seed sample per kind: the same pair is drawn again after a rule change when it is still linked.
const hash = (r: (typeof relations)[number]) =>
  createHash('md5')
    .update(`${SEED}:${[r.a.claim.text, r.b.claim.text].sort().join('\n')}`)
    .digest('hex');
for (const kind of ['CONTRADICTS', 'CORROBORATES']) {
  const rs = relations
    .filter((r) => r.kind === kind)
    .sort((x, y) => (hash(x) < hash(y) ? -1 : 1))
    .slice(0, SAMPLES);
  out.push('', `=== ${kind} sample (${rs.length}) ===`);
  rs.forEach((r, i) => {
    out.push(`#${i + 1} [${hash(r).slice(0, 6)}] ${apart(r) ?? '?'} days; ${r.reason}`);
    out.push(`  A [${r.a.outlet}, ${r.a.published ?? 'no date'}] ${short(r.a.claim.text)}`);
    out.push(`  B [${r.b.outlet}, ${r.b.published ?? 'no date'}] ${short(r.b.claim.text)}`);
  });
}
const text = out.join('\n');
if (DUMP)
  writeFileSync(
    DUMP,
    JSON.stringify({ articles, relations: relations.map((r) => [r.fromId, r.toId, r.kind, r.reason]), near }),
  );
if (flag('--out')) writeFileSync(opt('--out', ''), text + '\n');
console.log(flag('--out') ? out.slice(0, 3).join('\n') : text);

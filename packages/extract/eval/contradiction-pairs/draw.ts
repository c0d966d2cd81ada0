// Draws the contradiction pairs to label (README.md beside this file) from a dump of scripts/corpus-links.ts:
//
//   npx tsx scripts/corpus-links.ts <articles-4000.jsonl.gz> --dump /tmp/dump.json
//   npx tsx eval/contradiction-pairs/draw.ts /tmp/dump.json [--direct 20] [--close 60] [--slot 40] [--seed contradictions]
//
// Only articles of the corpus pairs' tuning weeks (eval/corpus-pairs: md5 of "half2:" and the ISO week of the
// earlier article) are read: the checking weeks stay unseen. Two sources, each in a fixed-seed order:
// claim pairs compare() relates as CONTRADICTS; and slot pairs, a looser bar: two claims of different outlets
// published at most three days apart, with a slot of the same kind and subject whose values differ (counts:
// disjoint intervals), sharing two content words (an actor that is not a state counts two): the 60 closest,
// then 40 of the rest in a fixed-seed order. Writes pairs.jsonl (label
// null, to fill in by hand) and context.jsonl.gz (every claim of each pair's two articles, as compare() got them).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { ComparableClaim } from '@claimgraph/shared';
import { contextOf, fixedOrder, isoWeek, md5, readDump, sideOf, type PairRow } from '../../test/eval-pairs.js';
import { disjoint, interval } from '../../src/compare/quantity.js';
import { STATES } from '../../src/gazetteer/states.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => (args.includes(name) ? (args[args.indexOf(name) + 1] as string) : dflt);
const SEED = opt('--seed', 'contradictions');
const dump = readDump(args[0] as string);
const tuningWeek = (week: string) => parseInt(md5(`half2:${week}`).slice(0, 8), 16) % 2 === 0;
const DAY = 86_400_000;
const dayOf = (d: string | null) => (d && /^\d{4}-\d\d-\d\d/.test(d) ? Math.round(Date.parse(d.slice(0, 10)) / DAY) : null);

const arts = Object.entries(dump.articles).filter(([, a]) => a.published && dayOf(a.published) !== null);
const weekOf = (x: string, y: string) => isoWeek([x, y].sort()[0] as string);
const claimOf = new Map(arts.flatMap(([, a]) => a.claims.map((c) => [c.id, c] as [string, ComparableClaim])));
const STATE_NAMES = new Set(STATES.map((s) => s.canonical.toLowerCase()));
const WORD_STOP = /^(?:that|this|with|from|have|has|said|says|were|will|would|their|there|they|about|after|been|which|than)$/;
const words = (t: string) => new Set((t.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((w) => !WORD_STOP.test(w)));

/** Two slots that could disagree: same kind and subject, values that cannot both hold. */
function slotClash(a: ComparableClaim, b: ComparableClaim): boolean {
  for (const x of a.claim.slots)
    for (const y of b.claim.slots) {
      if (x.slot !== y.slot || x.subject.toLowerCase() !== y.subject.toLowerCase() || x.value === y.value) continue;
      if (x.slot === 'count' || x.slot === 'distance') {
        const [p, q] = [interval(x.value), interval(y.value)];
        if (p && q && disjoint(p, q)) return true;
      } else if (x.slot === 'date' || x.slot === 'time' || x.slot === 'role' || x.slot === 'scope') return true;
    }
  return false;
}
/** Closeness of two claims: shared content words, and twice the shared actors that are not states. */
function closeness(a: ComparableClaim, b: ComparableClaim): number {
  const na = new Set(a.actorNames.filter((n) => !STATE_NAMES.has(n.toLowerCase())));
  const wa = words(a.claim.text);
  let n = 0;
  for (const w of words(b.claim.text)) if (wa.has(w)) n++;
  return n + 2 * b.actorNames.filter((x) => na.has(x)).length;
}

const slotPairs: [string, string, number][] = [];
for (let i = 0; i < arts.length; i++)
  for (let j = i + 1; j < arts.length; j++) {
    const [, A] = arts[i]!;
    const [, B] = arts[j]!;
    if (A.outlet === B.outlet || Math.abs(dayOf(A.published)! - dayOf(B.published)!) > 3) continue;
    if (!tuningWeek(weekOf(A.published!, B.published!))) continue;
    for (const a of A.claims)
      if (a.claim.slots.length)
        for (const b of B.claims)
          if (b.claim.slots.length && slotClash(a, b)) {
            const close = closeness(a, b);
            if (close >= 2) slotPairs.push([a.id, b.id, close]);
          }
  }
const direct = dump.relations
  .filter((r) => r[2] === 'CONTRADICTS')
  .map((r) => [r[0], r[1]] as [string, string])
  .filter(([x, y]) => {
    const [a, b] = [claimOf.get(x), claimOf.get(y)];
    return !!a && !!b && tuningWeek(weekOf(a.published!, b.published!));
  });

const order = (pairs: [string, string][]) => fixedOrder(SEED, pairs);
const taken = new Set<string>();
const rows: PairRow[] = [];
const take = (source: PairRow['source'], pairs: [string, string][], n: number) => {
  let k = 0;
  for (const [x, y] of order(pairs)) {
    if (k >= n) break;
    const [a, b] = [claimOf.get(x)!, claimOf.get(y)!];
    if (taken.has(`${x} ${y}`) || a.claim.text === b.claim.text) continue;
    taken.add(`${x} ${y}`);
    k++;
    const side = (c: ComparableClaim) => sideOf(dump, c);
    rows.push({
      id: md5(`${x} ${y}`).slice(0, 10),
      half: 'tuning',
      week: weekOf(a.published!, b.published!),
      source,
      label: null,
      a: side(a),
      b: side(b),
    });
  }
};
take('contradicts', direct, Number(opt('--direct', '20')));
// The closest slot pairs first (where a true contradiction is likeliest), then a fixed-seed sample of the rest.
const CLOSE = Number(opt('--close', '60'));
const byCloseness = [...slotPairs].sort((p, q) => q[2] - p[2] || (p[0] + p[1] < q[0] + q[1] ? -1 : 1));
take('slot', byCloseness.slice(0, CLOSE).map(([x, y]) => [x, y] as [string, string]), CLOSE);
take('slot', byCloseness.slice(CLOSE).map(([x, y]) => [x, y] as [string, string]), Number(opt('--slot', '40')));

writeFileSync(join(here, 'pairs.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
const articleOf = (id: string) => id.slice(0, id.indexOf('#'));
const used = [...new Set(rows.flatMap((r) => [articleOf(r.a.claimId), articleOf(r.b.claimId)]))].sort(
  (x, y) => +x - +y,
);
const context = used.map((id) => contextOf(id, dump.articles[id]!));
writeFileSync(join(here, 'context.jsonl.gz'), gzipSync(context.map((c) => JSON.stringify(c)).join('\n') + '\n'));
console.log(
  `${rows.length} pairs (${direct.length} contradictions and ${slotPairs.length} slot pairs in tuning weeks); ${used.length} articles of context`,
);

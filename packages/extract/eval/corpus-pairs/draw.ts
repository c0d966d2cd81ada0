// Draws the corroboration pairs to label (README.md beside this file) from a dump of scripts/corpus-links.ts:
//
//   npx tsx scripts/corpus-links.ts <articles-4000.jsonl.gz> --dump /tmp/dump.json
//   npx tsx eval/corpus-pairs/draw.ts /tmp/dump.json [--direct 90] [--cluster 40] [--near 50] [--seed pairs]
//
// Three sources, each in a fixed-seed order (md5 of the seed and both claims' ids): claim pairs compare()
// relates as CORROBORATES; pairs only joined transitively, inside a cluster of five claims or more (the
// connected components of those relations over the whole corpus, as the link stage's clusters); and near
// misses, pairs of candidates sharing four or more words that compare() did not relate (a looser bar).
// Each pair goes to the tuning or the checking half by the week of its earlier article (undated: by its
// articles), so that the pairs of one news week are on one side. Writes pairs.jsonl (label null, to fill
// in by hand) and context.jsonl.gz (every claim of each pair's two articles, as compare() got them).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { ComparableClaim } from '@claimgraph/shared';
import { contextOf, fixedOrder, isoWeek, md5, readDump, sideOf, type PairRow } from '../../test/eval-pairs.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => (args.includes(name) ? (args[args.indexOf(name) + 1] as string) : dflt);
const SEED = opt('--seed', 'pairs');
const dump = readDump(args[0] as string);
const articleOf = (id: string) => id.slice(0, id.indexOf('#'));
const claimOf = new Map(
  Object.values(dump.articles).flatMap((a) => a.claims.map((c) => [c.id, c] as [string, ComparableClaim])),
);
const order = (pairs: [string, string][]) => fixedOrder(SEED, pairs);

const direct = dump.relations.filter((r) => r[2] === 'CORROBORATES').map((r) => [r[0], r[1]] as [string, string]);
const linked = new Set(direct.map(([x, y]) => (x < y ? `${x} ${y}` : `${y} ${x}`)));
// Clusters over the whole corpus, as the link stage's union of every article's corroborations.
const parent = new Map<string, string>();
const find = (x: string): string => {
  while (parent.has(x)) x = parent.get(x)!;
  return x;
};
for (const [x, y] of direct) {
  const [a, b] = [find(x), find(y)];
  if (a !== b) parent.set(a, b);
}
const members = new Map<string, string[]>();
for (const id of new Set(direct.flat())) (members.get(find(id)) ?? members.set(find(id), []).get(find(id))!).push(id);
const transitive: [string, string][] = [];
for (const group of members.values())
  if (group.length >= 5)
    for (const x of group)
      for (const y of group)
        if (x < y && articleOf(x) !== articleOf(y) && !linked.has(`${x} ${y}`)) transitive.push([x, y]);

const taken = new Set<string>();
const rows: PairRow[] = [];
const take = (source: PairRow['source'], pairs: [string, string][], n: number) => {
  let k = 0;
  for (const [x, y] of order(pairs)) {
    if (k >= n) break;
    const key = `${x} ${y}`;
    const [a, b] = [claimOf.get(x), claimOf.get(y)];
    if (taken.has(key) || !a || !b || a.claim.text === b.claim.text) continue;
    taken.add(key);
    k++;
    const side = (c: ComparableClaim) => sideOf(dump, c);
    const days = [a, b].map((c) => dump.articles[c.articleId]!.published).filter((d): d is string => !!d);
    const week = days.length ? isoWeek(days.sort()[0]!) : null;
    const group = week ?? `articles ${[a.articleId, b.articleId].sort().join(' ')}`;
    rows.push({
      id: md5(`${x} ${y}`).slice(0, 10),
      half: parseInt(md5(`half2:${group}`).slice(0, 8), 16) % 2 ? 'checking' : 'tuning',
      week,
      source,
      label: null,
      a: side(a),
      b: side(b),
    });
  }
};
take('corroborates', direct, Number(opt('--direct', '90')));
take('cluster', transitive, Number(opt('--cluster', '40')));
take('near', dump.near, Number(opt('--near', '50')));

writeFileSync(join(here, 'pairs.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
const used = [...new Set(rows.flatMap((r) => [articleOf(r.a.claimId), articleOf(r.b.claimId)]))].sort(
  (x, y) => +x - +y,
);
const context = used.map((id) => contextOf(id, dump.articles[id]!));
writeFileSync(join(here, 'context.jsonl.gz'), gzipSync(context.map((c) => JSON.stringify(c)).join('\n') + '\n'));
console.log(
  `${rows.length} pairs (${direct.length} corroborations, ${transitive.length} transitive pairs in clusters of 5+, ${dump.near.length} near misses in the dump); ${used.length} articles of context; tuning ${rows.filter((r) => r.half === 'tuning').length}, checking ${rows.filter((r) => r.half === 'checking').length}`,
);

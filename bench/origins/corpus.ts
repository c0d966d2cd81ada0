// Near-duplicates in a real corpus: how many article pairs share an LSH band (the candidates ingestion compares) and
// how many of those are near-duplicates, with each found pair named.
//
//   npx tsx bench/origins/corpus.ts <articles.jsonl.gz>   (one JSON object a line: text, source, title)
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { nearDuplicate, signatureOf } from '../../packages/ingest/src/origins/minhash.js';

const file = process.argv[2];
if (!file) {
  console.log('bench/origins/corpus: give an articles.jsonl.gz file.');
  process.exit(0);
}
const articles = gunzipSync(readFileSync(file))
  .toString('utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { text: string; source?: string; title?: string });
const sigs = articles.map((a) => signatureOf(a.text));
const buckets = new Map<number, number[]>();
sigs.forEach((sig, i) => sig?.bands.forEach((b) => buckets.set(b, [...(buckets.get(b) ?? []), i])));
const candidates = new Set<string>();
for (const list of buckets.values())
  for (let x = 0; x < list.length; x++)
    for (let y = x + 1; y < list.length; y++) candidates.add(`${list[x]} ${list[y]}`);
const found = [...candidates]
  .map((k) => k.split(' ').map(Number) as [number, number])
  .flatMap(([i, j]) => {
    const r = nearDuplicate(sigs[i]!, sigs[j]!);
    return r.same
      ? [
          `${r.jaccard.toFixed(2)}  ${articles[i]!.source} "${articles[i]!.title}"  ~  ${articles[j]!.source} "${articles[j]!.title}"`,
        ]
      : [];
  });
const n = sigs.filter(Boolean).length;
console.log(
  `${articles.length} articles, ${n} signed; ${candidates.size} of ${(n * (n - 1)) / 2} pairs share a band; ${found.length} near-duplicate pairs`,
);
for (const line of found) console.log(line);

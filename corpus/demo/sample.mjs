#!/usr/bin/env node
// Writes articles-1000.jsonl.gz from the Article-Bias-Prediction sample (articles-4000.jsonl.gz + labels-allsides.csv):
//   node corpus/demo/sample.mjs <folder holding both files>
// Deterministic: the same input gives the same file. Claimgraph itself only reads the output.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

const PER_LEAN = 334;
const MAX_CHARS = 30_000; // a few transcripts run to 77 KB; they would double the file for little

const dir = process.argv[2];
if (!dir) throw new Error('usage: node corpus/demo/sample.mjs <folder with articles-4000.jsonl.gz and labels-allsides.csv>');
const articles = gunzipSync(readFileSync(path.join(dir, 'articles-4000.jsonl.gz'))).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const lean = new Map(
  readFileSync(path.join(dir, 'labels-allsides.csv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.match(/^("(?:[^"]|"")*"|[^,]*),lean,(left|center|right),/))
    .filter(Boolean)
    .map((m) => [m[1].replace(/^"|"$/g, '').replace(/""/g, '"'), m[2]]),
);
const groupBy = (list, key) => list.reduce((m, x) => m.set(key(x), [...(m.get(key(x)) ?? []), x]), new Map()); // Map.groupBy is Node 21+
const order = (a) => createHash('sha256').update(String(a.id)).digest('hex');

// The dataset's dates are YYYY-MM-DD, a few M/D/YY; none is kept when neither.
function isoDate(d) {
  if (!d) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(d)) return d;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2})$/.exec(d);
  return m ? `20${m[3]}-${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}` : undefined;
}

const usable = articles.filter((a) => lean.has(a.source) && a.text?.trim() && a.text.length <= MAX_CHARS && a.url);
const picked = new Set();
// First the stories all three leans told (same day, same AllSides topic): coverage across leans at once.
const stories = groupBy(usable.filter((a) => a.date), (a) => `${a.date}\u0000${a.topic}`);
for (const group of stories.values()) if (new Set(group.map((a) => lean.get(a.source))).size === 3) group.forEach((a) => picked.add(a));
// Then, per lean, one article of each outlet in turn (outlets by name, articles by a hash of their id).
for (const side of ['left', 'center', 'right']) {
  const byOutlet = [...groupBy(usable.filter((a) => lean.get(a.source) === side && !picked.has(a)), (a) => a.source)]
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([, list]) => list.sort((x, y) => order(x).localeCompare(order(y))));
  let count = [...picked].filter((a) => lean.get(a.source) === side).length;
  for (let round = 0; count < PER_LEAN && byOutlet.some((l) => l.length > round); round++) {
    for (const list of byOutlet) if (list[round] && count < PER_LEAN) picked.add(list[round]) && count++;
  }
}

const lines = [...picked]
  .sort((x, y) => order(x).localeCompare(order(y)))
  .map((a) =>
    JSON.stringify({
      text: `${a.title.trim()}\n\n${a.text.trim()}`,
      source: a.source,
      url: a.url,
      ...(isoDate(a.date) ? { publishedAt: isoDate(a.date) } : {}),
      language: 'en',
      topic: a.topic,
      datasetId: a.id,
    }),
  );
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'articles-1000.jsonl.gz');
writeFileSync(out, gzipSync(lines.join('\n') + '\n', { level: 9 }));
const counts = Object.fromEntries(['left', 'center', 'right'].map((s) => [s, [...picked].filter((a) => lean.get(a.source) === s).length]));
console.log(`${out}: ${lines.length} articles of ${new Set([...picked].map((a) => a.source)).size} outlets`, counts);

// Near-duplicate origins: what finding a new article's near-duplicates costs as the collection grows, through the
// band index (what ingestion does) against comparing the new article with every signature of the workspace (the
// all-pairs baseline), both measured in the same run on the same database. And how many copies are found.
//
//   npx tsx bench/origins/run.ts [--pg postgresql://postgres@127.0.0.1:5432] [--sizes 1000,8000] [--probes 200] [--baseline-probes 20]
//
// The collection: the demo corpus's ~1,000 real articles, padded with unrelated texts (sentences of the corpus
// shuffled across articles). Probes: republished copies of real articles (the first paragraph dropped, a sentence
// edited), each looked up as ingestion does, without writing.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { migrate } from '@claimgraph/db/migrate';
import { readDemoCorpus } from '../../packages/ingest/src/demo.js';
import { candidatesSql } from '../../packages/ingest/src/origins/assign.js';
import { nearDuplicate, signatureOf, type Signature } from '../../packages/ingest/src/origins/minhash.js';

const args = process.argv.slice(2);
const argOf = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const PG = (argOf('--pg') ?? 'postgresql://postgres@127.0.0.1:5432').replace(/\/+$/, '');
const SIZES = (argOf('--sizes') ?? '1000,8000').split(',').map(Number);
const PROBES = Number(argOf('--probes') ?? 200);
/** The all-pairs baseline reads the whole collection per probe: fewer probes keep the run short. */
const BASELINE_PROBES = Number(argOf('--baseline-probes') ?? 20);

/** A deterministic pseudo-random sequence (mulberry32), so runs compare. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const real = readDemoCorpus().map((a) => a.text);
const sentences = real.flatMap((t) => t.split(/(?<=[.!?])\s+/)).filter((s) => s.split(' ').length >= 6);
const random = rng(19);
const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
const filler = () => Array.from({ length: 25 }, () => pick(sentences)).join(' ');

const t0 = performance.now();
const realSigs = real.map(signatureOf);
const signMs = (performance.now() - t0) / real.length;

const dbName = `bench_origins_${Date.now()}`;
const admin = new pg.Client({ connectionString: `${PG}/postgres` });
await admin.connect();
await admin.query(`CREATE DATABASE "${dbName}"`);
const url = `${PG}/${dbName}`;
await migrate(url);
const db = new pg.Client({ connectionString: url });
await db.connect();
try {
  const [{ id: ws }] = (await db.query(`INSERT INTO "Workspace" (slug, name) VALUES ('bench', 'bench') RETURNING id`))
    .rows;
  const [{ id: source }] = (
    await db.query(`INSERT INTO "Source" ("workspaceId", name, slug) VALUES ($1, 'Bench', 'bench') RETURNING id`, [ws])
  ).rows;
  let stored = 0;
  const insert = async (sigs: (Signature | null)[]) => {
    const rows = sigs.filter((s): s is Signature => s !== null);
    for (let i = 0; i < rows.length; i += 500) {
      const part = rows.slice(i, i + 500);
      await db.query(
        `WITH u AS (SELECT * FROM unnest($4::json[], $5::json[], $6::int[]) WITH ORDINALITY AS u(m, b, s, n)),
         ins AS (INSERT INTO "Article" ("workspaceId", "sourceId", body, "contentHash", "extractorVersion", minhash, "shingleCount")
                 SELECT $1, $2, '', 'bench-' || (n + $3), 'bench', (SELECT array_agg(v::int) FROM json_array_elements_text(m) v), s FROM u
                 RETURNING id, "contentHash")
         INSERT INTO "ArticleBand" ("workspaceId", band, "articleId")
         SELECT DISTINCT $1::int, v::int, ins.id FROM ins JOIN u ON ins."contentHash" = 'bench-' || (u.n + $3) CROSS JOIN LATERAL json_array_elements_text(u.b) v`,
        [
          ws,
          source,
          stored,
          part.map((r) => JSON.stringify(r.minhash)),
          part.map((r) => JSON.stringify(r.bands)),
          part.map((r) => r.shingles),
        ],
      );
      stored += part.length;
    }
  };
  await insert(realSigs);

  // Probes: copies of real articles, first paragraph dropped and one sentence edited.
  const probes = real
    .map((text, i) => ({ i, paragraphs: text.split(/\n\n+/) }))
    .filter((p) => p.paragraphs.length >= 6 && realSigs[p.i])
    .slice(0, PROBES)
    .map((p) => ({
      origin: p.i,
      sig: signatureOf(
        p.paragraphs
          .slice(1)
          .join('\n\n')
          .replace(/ said /, ' told reporters '),
      )!,
    }))
    .filter((p) => p.sig);

  const results = [];
  for (const size of SIZES) {
    while (stored < size)
      await insert(Array.from({ length: Math.min(500, size - stored) }, () => signatureOf(filler())));
    await db.query('ANALYZE "Article", "ArticleBand"');
    const ids = (
      await db.query(`SELECT id FROM "Article" WHERE "workspaceId" = $1 ORDER BY id LIMIT $2`, [ws, real.length])
    ).rows.map((r) => r.id as number);
    const time = async (fn: (p: (typeof probes)[number]) => Promise<boolean>, n = probes.length) => {
      let found = 0;
      const start = performance.now();
      for (const p of probes.slice(0, n)) if (await fn(p)) found++;
      return { msPerProbe: (performance.now() - start) / n, found, probes: n };
    };
    const viaIndex = await time(async (p) => {
      const q = candidatesSql(ws, 0, p.sig.bands);
      const rows = (await db.query(q.text, q.values)).rows as { id: number; minhash: number[]; shingleCount: number }[];
      return rows.some(
        (r) => r.id === ids[p.origin] && nearDuplicate(p.sig, { minhash: r.minhash, shingles: r.shingleCount }).same,
      );
    });
    const allPairs = await time(
      async (p) => {
        const rows = (
          await db.query(`SELECT id, minhash, "shingleCount" FROM "Article" WHERE "workspaceId" = $1`, [ws])
        ).rows as { id: number; minhash: number[]; shingleCount: number }[];
        return rows.some(
          (r) => r.id === ids[p.origin] && nearDuplicate(p.sig, { minhash: r.minhash, shingles: r.shingleCount }).same,
        );
      },
      Math.min(BASELINE_PROBES, probes.length),
    );
    results.push({ size: stored, viaIndex, allPairs });
    if (args.includes('--plan')) {
      const q = candidatesSql(ws, 0, probes[0]!.sig.bands);
      const plan = (await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, q.values)).rows
        .map((r) => r['QUERY PLAN'])
        .join('\n');
      console.log(plan);
    }
    console.log(
      `collection ${stored}: band index ${viaIndex.msPerProbe.toFixed(2)} ms/probe (found ${viaIndex.found}/${viaIndex.probes}), all pairs ${allPairs.msPerProbe.toFixed(2)} ms/probe (found ${allPairs.found}/${allPairs.probes})`,
    );
  }
  const [small, large] = [results[0]!, results.at(-1)!];
  console.log(`signing: ${signMs.toFixed(2)} ms per article (${real.length} demo articles)`);
  console.log(
    `growth ${small.size} -> ${large.size} articles (x${(large.size / small.size).toFixed(1)}): band index x${(large.viaIndex.msPerProbe / small.viaIndex.msPerProbe).toFixed(2)}, all pairs x${(large.allPairs.msPerProbe / small.allPairs.msPerProbe).toFixed(2)}`,
  );
  console.log(
    `at ${large.size}: all pairs / band index = ${(large.allPairs.msPerProbe / large.viaIndex.msPerProbe).toFixed(1)}`,
  );
} finally {
  await db.end();
  await admin.query(`DROP DATABASE "${dbName}"`);
  await admin.end();
}

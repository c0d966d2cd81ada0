// Batch ingestion (several articles prepared together, each written and linked in turn) against one-by-one ingestion, on real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESEARCH_TABLES } from '@claimgraph/db';
import {
  enqueueArticles,
  importRegistry,
  ingestArticle,
  ingestBatch,
  runWorker,
  type ArticleInput,
} from '../src/index.js';
import { sql } from '../src/service/sql.js';
import { createLogger } from '../src/log.js';
import { buildCorpus } from './corpus.js';
import { freshDb, rowCounts, type TestDb } from './helpers.js';

let one: TestDb;
let batch: TestDb;
let corpus: ArticleInput[];

/** Every research row of the database, ids included, without the times rows were written. */
async function snapshot(t: TestDb) {
  const tables = ['Source', ...RESEARCH_TABLES];
  const out: Record<string, unknown[]> = {};
  for (const table of tables) {
    const rows = await t.db.$queryRawUnsafe<Record<string, unknown>[]>(
      `SELECT to_jsonb(x) - 'createdAt' - 'ingestedAt' - 'linkedAt' AS row FROM "${table}" x ORDER BY 1`,
    );
    out[table] = rows.map((r) => r.row);
  }
  return out;
}

beforeAll(async () => {
  [one, batch] = await Promise.all([freshDb(), freshDb()]);
  await Promise.all([importRegistry(one.db), importRegistry(batch.db)]);
  corpus = await buildCorpus();
});
afterAll(async () => Promise.all([one?.close(), batch?.close()]));

describe('ingestBatch', () => {
  it('writes the same database as one-by-one ingestion', async () => {
    const sequential = [];
    for (const a of corpus) sequential.push(await ingestArticle(one.db, a, { workspaceId: one.workspaceId }));
    const batched = [];
    for (let i = 0; i < corpus.length; i += 6)
      batched.push(...(await ingestBatch(batch.db, corpus.slice(i, i + 6), { workspaceId: batch.workspaceId })));

    const statuses = sequential.map((r) => r.status);
    expect(batched.map((r) => (r.status === 'fulfilled' ? r.value.status : 'rejected'))).toEqual(statuses);
    expect(statuses.filter((s) => s === 'ingested')).toHaveLength(corpus.length - 2);
    expect(statuses.slice(-2)).toEqual(['duplicate', 'failed']);
    const a = await snapshot(one);
    const b = await snapshot(batch);
    // The corpus links across articles, so the comparison covers actor, event and claim resolution.
    expect(a['ClaimRelation']!.length).toBeGreaterThan(10);
    expect(a['EventMention']!.length).toBeGreaterThan(a['Event']!.length);
    expect(b).toEqual(a);
  });

  it('loses only the failing article of a batch', async () => {
    const t = await freshDb();
    try {
      await importRegistry(t.db);
      const articles = corpus.slice(0, 4).map((a, i) => (i === 2 ? { ...a, source: 'Faulty Outlet' } : a));
      const results = await ingestBatch(t.db, articles, {
        workspaceId: t.workspaceId,
        hooks: {
          afterStage: async (stage, tx) => {
            if (stage !== 'claims') return;
            const [latest] = await tx.query<{ name: string }>(
              sql`SELECT s.name FROM "Article" a JOIN "Source" s ON s.id = a."sourceId" ORDER BY a.id DESC LIMIT 1`,
            );
            if (latest!.name === 'Faulty Outlet') throw new Error('injected fault');
          },
        },
      });
      expect(results.map((r) => (r.status === 'fulfilled' ? r.value.status : String(r.reason)))).toEqual([
        'ingested',
        'ingested',
        'Error: injected fault',
        'ingested',
      ]);
      const outlets = await t.db.article.findMany({
        select: { source: { select: { name: true } } },
        orderBy: { id: 'asc' },
      });
      expect(outlets.map((a) => a.source.name)).toEqual(['CGTN', 'American Military News', 'StreamNews']);
      expect(await t.db.source.findFirst({ where: { name: 'Faulty Outlet' } })).toBeNull();
      expect((await rowCounts(t.db))['Claim']).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  });

  it('completes each queued job once, with its own outcome, when workers take jobs in batches', async () => {
    const t = await freshDb();
    try {
      await importRegistry(t.db);
      const articles = corpus.slice(0, -2); // distinct, valid texts
      const queued = await enqueueArticles(t.url, articles, { workspaceId: t.workspaceId });
      expect(queued.every((q) => q.status === 'queued')).toBe(true);
      const seen: string[] = [];
      const worker = await runWorker({
        databaseUrl: t.url,
        concurrency: 2,
        batchSize: 4,
        log: createLogger('silent'),
        onJob: (id) => seen.push(id),
      });
      try {
        const end = Date.now() + 90_000;
        while (
          (
            await t.db.$queryRawUnsafe<{ n: bigint }[]>(
              `SELECT count(*) AS n FROM pgboss.job WHERE name = 'ingest-article' AND state = 'completed'`,
            )
          )[0]!.n < BigInt(articles.length)
        ) {
          if (Date.now() > end) throw new Error('timed out waiting for the jobs');
          await new Promise((r) => setTimeout(r, 200));
        }
      } finally {
        await worker.stop();
      }
      const jobs = await t.db.$queryRawUnsafe<
        { id: string; state: string; output: { status: string; articleId: number } }[]
      >(`SELECT id::text, state::text, output FROM pgboss.job WHERE name = 'ingest-article'`);
      expect(jobs).toHaveLength(articles.length);
      expect(jobs.every((j) => j.state === 'completed' && j.output.status === 'ingested')).toBe(true);
      expect(new Set(jobs.map((j) => j.output.articleId)).size).toBe(articles.length);
      expect(seen.sort()).toEqual(jobs.map((j) => j.id).sort());
      expect(await t.db.article.count()).toBe(articles.length);
    } finally {
      await t.close();
    }
  });
});

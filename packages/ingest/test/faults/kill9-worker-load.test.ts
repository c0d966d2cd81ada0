// kill -9 of PostgreSQL while two worker processes ingest from the queue: after the restart, every
// acknowledged (completed) job's article is there, nothing twice, and the same workers finish the
// queue without being restarted. A backend terminated mid-transaction leaves nothing partial.
import { writeFile } from 'node:fs/promises';
import { createPrisma, ensureLocalWorkspace, migrate } from '@claimgraph/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueArticles, openIngestQueue, type IngestQueue } from '../../src/index.js';
import { killAll, spawnNode, startWorker, until, WORKER } from '../processes.js';
import { loadArticles } from './articles.js';
import { startPrivatePostgres, type PrivatePostgres } from './private-pg.js';
import { recordFault } from './record.js';

let pgp: PrivatePostgres;
let queue: IngestQueue;
let workspaceId: number;

beforeAll(async () => {
  pgp = await startPrivatePostgres();
  await migrate(pgp.url);
  const db = createPrisma(pgp.url);
  workspaceId = (await ensureLocalWorkspace(db)).workspaceId;
  await db.$disconnect();
  // A fetch whose reply the crash swallowed leaves its jobs active until they expire: 60 s here, not 600.
  queue = await openIngestQueue(pgp.url, { maintenanceIntervalSeconds: 1, expireInSeconds: 60 });
});
afterAll(async () => {
  killAll();
  await queue?.close().catch(() => {});
  await pgp?.close();
});

const n = async (sql: string) => Number((await pgp.query<{ n: string }>(sql))[0]!.n);
interface JobRow {
  state: string;
  status: string | null;
  article: number | null;
  retries: number;
}
const jobs = () =>
  pgp.query<JobRow>(
    `SELECT state::text, output->>'status' AS status, (output->>'articleId')::int AS article, retry_count AS retries FROM pgboss.job WHERE name = 'ingest-article'`,
  );
const completed = async () =>
  n(`SELECT count(*) AS n FROM pgboss.job WHERE name = 'ingest-article' AND state = 'completed'`).catch(() => -1);

describe('kill -9 of PostgreSQL under ingest load', () => {
  it('keeps every acknowledged article exactly once, and the running workers finish the queue', async () => {
    const N = 120;
    // Batches of 4: each job finishes well inside its expiry even on a loaded machine.
    const workers = [0, 1].map(() =>
      spawnNode([WORKER, '--concurrency', '2', '--batch-size', '4'], {
        DATABASE_URL: pgp.url,
        INGEST_MAINTENANCE_SECONDS: '1',
        INGEST_DB_RETRY_SECONDS: '30',
        LOG_LEVEL: process.env.FAULTS_DEBUG ? 'info' : 'warn',
      }),
    );
    const outcomes = await enqueueArticles(queue, loadArticles(N, 'kill9'), { workspaceId });
    expect(outcomes.every((o) => o.status === 'queued')).toBe(true);
    const before = await until(
      'some jobs to complete',
      async () => {
        const c = await completed();
        return c >= 10 ? c : null;
      },
      120_000,
      50,
    );
    await pgp.crash(1_000);
    const back = Date.now();
    const progressed = await until(
      'a job completed after the restart',
      async () => {
        const c = await completed();
        return c > before ? Date.now() - back : null;
      },
      60_000,
      100,
    );
    const dump = async () => {
      if (process.env.FAULTS_DEBUG)
        for (const [i, w] of workers.entries())
          await writeFile(`${process.env.FAULTS_DEBUG}-worker${i}.log`, w.output());
    };
    setTimeout(() => void dump(), 40_000).unref();
    await until('every job to complete', async () => (await completed()) === N, 180_000, 250).catch(
      async (err: Error) => {
        const states = await pgp.query(
          `SELECT state::text, retry_count, count(*)::int FROM pgboss.job WHERE name = 'ingest-article' GROUP BY 1, 2`,
        );
        throw new Error(
          `${err.message}: ${JSON.stringify(states)}\n${workers.map((w) => w.output().slice(-3000)).join('\n---\n')}`,
        );
      },
    );
    const rows = await jobs();
    const articles = await n(`SELECT count(*) AS n FROM "Article"`);
    const distinct = await n(`SELECT count(DISTINCT "contentHash") AS n FROM "Article"`);
    const acknowledged = new Set(rows.map((r) => r.article));
    const present = await n(
      `SELECT count(*) AS n FROM "Article" WHERE id = ANY('{${[...acknowledged].join(',')}}'::int[])`,
    );
    expect(rows.every((r) => r.state === 'completed' && (r.status === 'ingested' || r.status === 'duplicate'))).toBe(
      true,
    );
    expect(articles).toBe(N);
    expect(distinct).toBe(N);
    expect(acknowledged.size).toBe(N);
    expect(present).toBe(N);
    // The same worker processes did it: none exited.
    for (const w of workers) expect(w.child.exitCode, w.output().slice(-6000)).toBeNull();
    for (const w of workers) w.child.kill('SIGTERM');
    for (const w of workers) expect((await w.exited).code).toBe(0);
    const retried = rows.filter((r) => r.retries > 0).length;
    await recordFault({
      fault: 'kill -9 of PostgreSQL (down 1 s, crash recovery) with 2 worker processes ingesting 120 queued articles',
      expected: 'rows = acknowledged jobs, no duplicates, workers recover without restart',
      observed: `${before} jobs completed before the kill; first completion ${(progressed / 1000).toFixed(1)} s after the restart; ${N}/${N} jobs completed (${retried} re-run by the queue, ${rows.filter((r) => r.status === 'duplicate').length} of them finding their article already written), ${articles} articles, ${distinct} distinct hashes, every completed job's article present; both workers still running`,
    });
  });

  it('rolls back a transaction whose backend is terminated, and ingests the article once', async () => {
    const before = await n(`SELECT count(*) AS n FROM "Article"`);
    // The worker pauses inside the ingest transaction (article row written, not committed).
    const w = startWorker(pgp.url, { CLAIMGRAPH_TEST_JOB_DELAY_MS: '2000', LOG_LEVEL: 'info' });
    const [o] = await enqueueArticles(queue, loadArticles(1, 'terminate'), { workspaceId });
    const jobId = (o as { jobId: string }).jobId;
    await until(
      'the worker to be inside the transaction',
      async () => w.output().includes('test delay inside the ingest transaction'),
      60_000,
      50,
    );
    const [killed] = await pgp.query<{ n: number }>(
      `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE state = 'idle in transaction' AND query ILIKE '%INSERT INTO "Article"%'`,
    );
    expect(killed!.n).toBe(1);
    // Nothing of the terminated transaction is visible.
    expect(await n(`SELECT count(*) AS n FROM "Article"`)).toBe(before);
    const [job] = await until(
      'the job to complete',
      async () => {
        const r = await pgp.query<{ state: string; status: string; retries: number }>(
          `SELECT state::text, output->>'status' AS status, retry_count AS retries FROM pgboss.job WHERE id = $1::uuid AND state = 'completed'`,
          [jobId],
        );
        return r.length ? r : null;
      },
      60_000,
    );
    expect(job!.status).toBe('ingested');
    expect(await n(`SELECT count(*) AS n FROM "Article"`)).toBe(before + 1);
    expect(w.output()).toMatch(/database connection lost; retrying/);
    w.child.kill('SIGTERM');
    expect((await w.exited).code).toBe(0);
    await recordFault({
      fault: "pg_terminate_backend of the worker's ingest transaction (article row written, not committed)",
      expected: '0 partial rows; the article ingested once',
      observed: `0 rows visible after the termination; the worker re-ran the transaction (retry on 57P01), job completed (queue retries: ${job!.retries}), +1 article`,
    });
  });

  it('completes exactly once the job of a worker SIGKILLed mid-transaction', async () => {
    const before = await n(`SELECT count(*) AS n FROM "Article"`);
    const slow = startWorker(pgp.url, { CLAIMGRAPH_TEST_JOB_DELAY_MS: '120000' });
    // This job expires after 10 s: a dead worker's job is noticed then (INGEST_JOB_EXPIRE_SECONDS, 600 by default).
    const [o] = await enqueueArticles(queue, loadArticles(1, 'sigkill'), { workspaceId, expireInSeconds: 10 });
    const jobId = (o as { jobId: string }).jobId;
    await until(
      'the worker to be inside the transaction',
      async () => slow.output().includes('test delay inside the ingest transaction'),
      60_000,
      50,
    );
    slow.child.kill('SIGKILL');
    const killed = Date.now();
    await slow.exited;
    expect(await n(`SELECT count(*) AS n FROM "Article"`)).toBe(before);
    const next = startWorker(pgp.url, {});
    const [job] = await until(
      'the job to complete',
      async () => {
        const r = await pgp.query<{ status: string; retries: number }>(
          `SELECT output->>'status' AS status, retry_count AS retries FROM pgboss.job WHERE id = $1::uuid AND state = 'completed'`,
          [jobId],
        );
        return r.length ? r : null;
      },
      120_000,
    );
    const after = (Date.now() - killed) / 1000;
    expect(job!.status).toBe('ingested');
    expect(await n(`SELECT count(*) AS n FROM "Article"`)).toBe(before + 1);
    next.child.kill('SIGTERM');
    expect((await next.exited).code).toBe(0);
    await recordFault({
      fault: 'SIGKILL of a worker inside its ingest transaction (article row written, not committed)',
      expected: 'the job completed exactly once by another worker',
      observed: `nothing stored by the killed transaction; another worker completed the job ${after.toFixed(1)} s after the kill (job expiry 10 s; queue retries: ${job!.retries}); +1 article`,
    });
  });
});

// The queue with real worker processes: a worker SIGKILLed mid-job; the job runs again and completes once.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueArticles, openIngestQueue, retryFailedJobs, type IngestQueue } from '../src/index.js';
import { SEEDS_DIR } from '../src/paths.js';
import { freshDb, type TestDb } from './helpers.js';
import { killAll, startWorker as startWorker_, until } from './processes.js';

let t: TestDb;
let queue: IngestQueue;
const startWorker = (env: Record<string, string>) => startWorker_(t.url, env);

const jobRow = async (id: string) =>
  (
    await t.db.$queryRawUnsafe<{ state: string; retry_count: number; output: unknown }[]>(
      `SELECT state::text, retry_count, output FROM pgboss.job WHERE id = $1::uuid`,
      id,
    )
  )[0];

beforeAll(async () => {
  t = await freshDb();
  queue = await openIngestQueue(t.url, { maintenanceIntervalSeconds: 1 });
});
afterAll(async () => {
  killAll();
  await queue?.close();
  await t?.close();
});

describe('ingest queue', () => {
  it('deduplicates queued articles by content hash and rejects invalid ones at enqueue', async () => {
    const text = 'Officials in Kabul said on Sunday that the talks would resume next week, Reuters reported.';
    const r = await enqueueArticles(queue, [{ text, source: 'Reuters' }, { text, source: 'Reuters' }, { text: '' }], {
      workspaceId: t.workspaceId,
    });
    expect(r.map((x) => x.status)).toEqual(['queued', 'already-queued', 'rejected']);
    await t.db.$executeRawUnsafe(`DELETE FROM pgboss.job WHERE name = 'ingest-article'`);
  });

  it('hands a killed worker\u2019s job to another worker, which completes it exactly once', async () => {
    const text = await readFile(path.join(SEEDS_DIR, '001_80d017e1972bd3d0.txt'), 'utf8');
    const [out] = await enqueueArticles(queue, [{ text, source: 'American Military News' }], {
      workspaceId: t.workspaceId,
      expireInSeconds: 10,
    });
    expect(out?.status).toBe('queued');
    const jobId = (out as { jobId: string }).jobId;

    // Worker 1 holds the ingest transaction open (article row written, not committed) for a minute.
    const slow = startWorker({ CLAIMGRAPH_TEST_JOB_DELAY_MS: '60000' });
    await until('worker 1 to be inside the job', async () =>
      slow.output().includes('test delay inside the ingest transaction'),
    );
    expect((await jobRow(jobId))?.state).toBe('active');
    slow.child.kill('SIGKILL');
    await new Promise((r) => slow.child.once('exit', r));
    expect(await t.db.article.count()).toBe(0); // the killed transaction left nothing

    // Worker 2 picks the job up once it has expired, and completes it.
    startWorker({});
    const done = await until(
      'the job to complete',
      async () => {
        const row = await jobRow(jobId);
        return row?.state === 'completed' ? row : null;
      },
      90_000,
    );
    expect(done.retry_count).toBeGreaterThanOrEqual(1);
    // Normally 'ingested'; on a loaded machine the retried run can itself outlive the 10 s expiry and
    // be run a third time, which then reports the committed article as its duplicate. Either way the
    // job completed once and the article was written once.
    expect(['ingested', 'duplicate']).toContain((done.output as { status: string }).status);
    const articles = await t.db.article.findMany({ select: { id: true } });
    expect(articles).toHaveLength(1);
    expect((done.output as { articleId: number }).articleId).toBe(articles[0]!.id);
    const jobs = await t.db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM pgboss.job WHERE name = 'ingest-article'`,
    );
    expect(Number(jobs[0]!.n)).toBe(1);
  });

  it('keeps a failed job with its error, and runs it again on retry', async () => {
    // A workspace that does not exist yet: the article insert violates its foreign key.
    const jobId = await queue.boss.send(
      'ingest-article',
      {
        workspaceId: 424242,
        article: {
          text: 'Officials in Erbil said on Monday that two rockets hit the airport, Reuters reported.',
          source: 'Reuters',
        },
      },
      { retryLimit: 0 },
    );
    const failed = await until('the job to fail', async () => {
      const row = await jobRow(jobId!);
      return row?.state === 'failed' ? row : null;
    });
    expect(JSON.stringify(failed.output)).toMatch(/Foreign key|foreign key|violat/);
    await t.db.$executeRawUnsafe(
      `INSERT INTO "Workspace" (id, slug, name) VALUES (424242, 'retry-test', 'Retry test')`,
    );
    expect(await retryFailedJobs(queue)).toBe(1);
    await until('the retried job to complete', async () => (await jobRow(jobId!))?.state === 'completed');
    expect(await t.db.article.count({ where: { workspaceId: 424242 } })).toBe(1);
  });
});

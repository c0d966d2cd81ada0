// SIGTERM to a real worker process: it drains (running jobs may finish), hands back what outlasts the
// grace period at once (not after the 600 s expiry), and exits 0.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueArticles, openIngestQueue, type IngestQueue } from '../src/index.js';
import { SEEDS_DIR } from '../src/paths.js';
import { freshDb, type TestDb } from './helpers.js';
import { killAll, startWorker as startWorker_, until } from './processes.js';

let t: TestDb;
let queue: IngestQueue;
const startWorker = (env: Record<string, string>) => startWorker_(t.url, env);

const job = async (id: string) =>
  (
    await t.db.$queryRawUnsafe<{ state: string; due: boolean }[]>(
      `SELECT state::text, start_after <= now() AS due FROM pgboss.job WHERE id = $1::uuid`,
      id,
    )
  )[0];
const articles = async () =>
  Number((await t.db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "Article"`))[0]!.n);

async function enqueueSeed(file: string, variant: string): Promise<string> {
  const text = `${await readFile(path.join(SEEDS_DIR, file), 'utf8')}\n${variant}`;
  const [o] = await enqueueArticles(queue, [{ text, source: 'CGTN' }], { workspaceId: t.workspaceId });
  if (o?.status !== 'queued') throw new Error(`not queued: ${JSON.stringify(o)}`);
  return o.jobId;
}

beforeAll(async () => {
  t = await freshDb();
  queue = await openIngestQueue(t.url, { maintenanceIntervalSeconds: 1 });
});
afterAll(async () => {
  killAll();
  await queue?.close();
  await t?.close();
});

describe('worker SIGTERM', () => {
  it('lets a running job finish within the grace period, then exits 0', async () => {
    const w = startWorker({ CLAIMGRAPH_TEST_JOB_DELAY_MS: '1500', WORKER_SHUTDOWN_GRACE_SECONDS: '20' });
    const id = await enqueueSeed('000_e183f92d0e6f940b.txt', 'Drained variant.');
    await until('the job to start', async () => w.output().includes('test delay inside the ingest transaction'));
    w.child.kill('SIGTERM');
    expect(await w.exited).toEqual({ code: 0, signal: null });
    expect((await job(id))?.state).toBe('completed');
    expect(await articles()).toBe(1);
  });

  it('hands a job that outlasts the grace period back to the queue at once; another worker completes it exactly once', async () => {
    const before = await articles();
    const w = startWorker({ CLAIMGRAPH_TEST_JOB_DELAY_MS: '120000', WORKER_SHUTDOWN_GRACE_SECONDS: '1' });
    const id = await enqueueSeed('001_80d017e1972bd3d0.txt', 'Handed-back variant.');
    await until('the job to start', async () => w.output().includes('test delay inside the ingest transaction'));
    expect((await job(id))?.state).toBe('active');
    const sent = Date.now();
    w.child.kill('SIGTERM');
    expect(await w.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - sent).toBeLessThan(8_000);
    // Back on the queue and due now, not when the 600 s expiry would have noticed; the killed transaction left nothing.
    expect(await job(id)).toEqual({ state: 'retry', due: true });
    expect(await articles()).toBe(before);
    const next = startWorker({});
    await until('the job to complete', async () => (await job(id))?.state === 'completed', 30_000);
    expect(await articles()).toBe(before + 1);
    next.child.kill('SIGTERM');
    expect(await next.exited).toEqual({ code: 0, signal: null });
  });
});

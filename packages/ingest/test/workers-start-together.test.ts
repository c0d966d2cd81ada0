// Processes started at the same moment on a fresh database (docker-compose scaling the worker, API replicas
// restarting) race to create the same queues; pg-boss's create_queue deadlocks when two processes create two
// different queues at once. Every process must still come up.
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureQueues } from '../src/queue.js';
import { freshDb, type TestDb } from './helpers.js';
import { killAll, startWorker, until, type Spawned } from './processes.js';

let t: TestDb;
const bosses: PgBoss[] = [];
beforeAll(async () => {
  t = await freshDb();
});
afterAll(async () => {
  killAll();
  await Promise.all(bosses.map((b) => b.stop({ graceful: false }).catch(() => {})));
  await t?.close();
});

it('eight queue connections creating the same six queues in different orders all succeed, each queue once', async () => {
  const names = ['q-a', 'q-b', 'q-c', 'q-d', 'q-e', 'q-f'];
  for (let i = 0; i < 8; i++) {
    const boss = new PgBoss({ connectionString: t.url, schema: 'pgboss', max: 2, supervise: false, schedule: false });
    bosses.push(boss);
  }
  await Promise.all(bosses.map((b) => b.start()));
  const results = await Promise.allSettled(
    bosses.map((b, i) =>
      ensureQueues(
        b,
        names.map((_, j) => [names[(i + j) % names.length]!, { policy: 'stately' }] as const),
      ),
    ),
  );
  expect(
    results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason)),
  ).toEqual([]);
  expect(
    (await bosses[0]!.getQueues())
      .map((q) => q.name)
      .filter((n) => n.startsWith('q-'))
      .sort(),
  ).toEqual(names);
}, 120_000);

it('six worker processes started together all start their ingest and feed loops', async () => {
  const workers: Spawned[] = Array.from({ length: 6 }, () => startWorker(t.url));
  const dead = Promise.race(workers.map((w, i) => w.exited.then((how) => ({ i, how }))));
  const ready = until(
    'every worker to start',
    async () => workers.every((w) => w.output().includes('feed worker started')),
    120_000,
    200,
  );
  const first = await Promise.race([ready.then(() => null), dead]);
  if (first)
    throw new Error(
      `worker ${first.i} exited (${JSON.stringify(first.how)}):\n${workers[first.i]!.output().slice(-3000)}`,
    );
  expect(workers.every((w) => w.child.exitCode === null)).toBe(true);
}, 150_000);

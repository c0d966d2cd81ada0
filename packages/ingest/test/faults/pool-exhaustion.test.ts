// Every database connection of the API held (a table lock makes its queries wait): a request that finds
// no free connection waits a bounded time (API_DB_POOL_WAIT_MS) and gets DATABASE_BUSY in one sentence,
// instead of waiting in the pool's queue for as long as the connections stay busy. Once they are free,
// the API answers at once, without a restart, and holds no more connections than its pools allow.
import { connectClient } from '@claimgraph/db';
import { describe, expect, it } from 'vitest';
import { post, sampleDatabase, startApiProcess, type Answer } from './api-load.js';
import { recordFault } from './record.js';

const POOL = 2;
const WAIT_MS = 2_000;
const database = sampleDatabase(5);

describe('pool exhaustion', () => {
  it('answers DATABASE_BUSY after a bounded wait, then serves again at once', async () => {
    const { api, base, graphql } = await startApiProcess(database().url, {
      API_DB_POOL: String(POOL),
      API_DB_POOL_WAIT_MS: String(WAIT_MS),
      API_STATEMENT_TIMEOUT_MS: '60000',
    });
    const query = JSON.stringify({ query: '{ claims(first: 5) { totalCount edges { node { text } } } }' });
    expect((await post(graphql, query)).code).toBeUndefined();

    // Hold an exclusive lock on Claim: every query that reads it keeps its connection until the lock goes.
    const locker = await connectClient(database().url);
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE "Claim" IN ACCESS EXCLUSIVE MODE');
    const lockedAt = performance.now();
    const requests = Array.from({ length: 12 }, () => post(graphql, query, 60_000));
    const health = fetch(`${base}/health`, { signal: AbortSignal.timeout(60_000) }).then(async (r) => ({
      status: r.status,
      at: performance.now() - lockedAt,
      body: await r.text(),
    }));
    // The busy answers come back while the lock is still held.
    const busy: Answer[] = [];
    const settled = requests.map((p) => p.then((a) => (a.code === 'DATABASE_BUSY' && busy.push(a), a)));
    await new Promise((r) => setTimeout(r, WAIT_MS + 6_000));
    const busyWhileHeld = busy.length;
    const [held] = await database().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    await locker.query('COMMIT');
    await locker.end();
    const releasedAt = performance.now();
    const answers = await Promise.all(settled);
    const healthAnswer = await health;
    const after = await post(graphql, query);
    const [conns] = await database().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );

    const ok = answers.filter((a) => a.status === 200 && !a.code);
    expect(
      answers.every((a) => a.status === 200 && (a.code === undefined || a.code === 'DATABASE_BUSY')),
      JSON.stringify(answers),
    ).toBe(true);
    expect(busyWhileHeld).toBeGreaterThan(0);
    // Bounded: each busy answer came within the pool wait plus slack, not when the lock went.
    const slowestBusy = Math.max(...busy.map((a) => a.ms));
    expect(slowestBusy).toBeLessThan(WAIT_MS + 5_000);
    expect(ok.length + busy.length).toBe(answers.length);
    const busyMessage = 'The database is busy (every connection is in use); try again in a moment';
    expect(
      busy.every((a) => a.message === busyMessage),
      JSON.stringify(busy),
    ).toBe(true);
    expect(after.code).toBeUndefined();
    expect(conns!.n).toBeLessThanOrEqual(2 * POOL);
    api.child.kill('SIGTERM');
    expect((await api.exited).code).toBe(0);

    await recordFault({
      fault: `every API connection held by queries waiting on a table lock (API_DB_POOL=${POOL}, API_DB_POOL_WAIT_MS=${WAIT_MS}), 12 requests at once (\`pool-exhaustion.test.ts\`)`,
      expected:
        'a bounded wait and a clear error; serves again at once when connections free up; no leaked connections',
      observed: `${busy.length} of 12 answered DATABASE_BUSY ("${busyMessage}") after ${(Math.min(...busy.map((a) => a.ms)) / 1000).toFixed(1)}-${(slowestBusy / 1000).toFixed(1)} s, all while the lock was held (${held!.n} queries waiting on it); the other ${ok.length} answered with data once the lock was released after ${((releasedAt - lockedAt) / 1000).toFixed(1)} s; /health answered ${healthAnswer.status} after ${(healthAnswer.at / 1000).toFixed(1)} s; the next query answered in ${after.ms.toFixed(0)} ms; ${conns!.n} connections held (pools: 2 x ${POOL}); SIGTERM exit 0`,
    });
  });
});

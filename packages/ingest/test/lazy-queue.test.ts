// The API's shared queue connection: a failed open (the database away for a moment) is not kept.
import { connectClient } from '@claimgraph/db';
import { afterAll, describe, expect, it } from 'vitest';
import { lazyIngestQueue } from '../src/index.js';

const adminUrl = () => process.env.CLAIMGRAPH_TEST_ADMIN_URL!;
const name = `lazy_queue_${process.pid}_${Date.now()}`;

async function admin(sql: string) {
  const c = await connectClient(adminUrl());
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

afterAll(() => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

describe('lazyIngestQueue', () => {
  it('opens again on the next call after a failed open, instead of failing until a restart', async () => {
    const url = new URL(adminUrl());
    url.pathname = `/${name}`;
    const queue = lazyIngestQueue(url.toString());
    // The database is not there yet: the open fails, as it would while PostgreSQL restarts.
    await expect(queue.get()).rejects.toThrow(/does not exist/);
    await admin(`CREATE DATABASE "${name}"`);
    const opened = await queue.get();
    const { rows } = await opened.boss.getDb().executeSql('SELECT 1 AS one', []);
    expect(rows).toEqual([{ one: 1 }]);
    // The same connection is shared from then on.
    expect(await queue.get()).toBe(opened);
    await queue.close();
  });
});

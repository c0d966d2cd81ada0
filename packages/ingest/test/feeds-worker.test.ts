// The real worker process follows a feed on schedule: its minute tick finds the due feed, a poll job runs, the
// feed's item becomes an article, and the next tick costs the unchanged feed one conditional request.
import { readFileSync } from 'node:fs';
import { send, startServer, type FixtureServer } from '@claimgraph/collect/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addFeed } from '../src/feeds/index.js';
import { freshDb, type TestDb } from './helpers.js';
import { killAll, startWorker, until, type Spawned } from './processes.js';

let t: TestDb;
let server: FixtureServer;
let worker: Spawned | undefined;

beforeAll(async () => {
  t = await freshDb();
  server = await startServer({
    '/feed.xml': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
      res
        .writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' })
        .end(
          `<?xml version="1.0"?><rss version="2.0"><channel><title>Scheduled</title><item><link>${server.origin}/story</link></item></channel></rss>`,
        );
    },
    '/story': send(readFileSync(new URL('../../collect/test/fixtures/pages/liveblog.html', import.meta.url))),
  });
});
afterAll(async () => {
  killAll();
  await server?.close();
  await t?.close();
});

it('polls a due feed from its minute tick and ingests the new item; the unchanged feed then costs one 304', async () => {
  const feed = await addFeed(t.db, t.workspaceId, { url: `${server.origin}/feed.xml`, intervalMinutes: 5 });
  worker = startWorker(t.url, { FETCH_ALLOWED_PRIVATE_RANGES: '127.0.0.0/8', FETCH_MIN_DELAY_MS: '0' });
  // pg-boss fires the cron tick at the next minute boundary (checked every 30 s or so)
  const polled = await until(
    'the feed to be polled by the worker',
    async () => {
      const f = await t.db.feed.findUniqueOrThrow({ where: { id: feed.id } });
      return f.articlesIngested === 1 ? f : null;
    },
    150_000,
    500,
  ).catch((err) => {
    throw new Error(`${(err as Error).message}\n--- worker output ---\n${worker?.output().slice(-3000)}`);
  });
  expect(polled).toMatchObject({ kind: 'rss', lastStatus: 200, itemsSeen: 1, etag: '"v1"' });
  expect(
    await t.db.article.count({
      where: { workspaceId: t.workspaceId, title: 'Flooding forces evacuation of riverside villages' },
    }),
  ).toBe(1);
  // due again: the next tick asks conditionally and fetches nothing else
  await t.db.feed.update({ where: { id: feed.id }, data: { nextFetchAt: new Date(Date.now() - 1000) } });
  const before = server.log.length;
  await until(
    'the second poll',
    async () => (await t.db.feed.findUniqueOrThrow({ where: { id: feed.id } })).lastStatus === 304,
    150_000,
    500,
  );
  expect(server.log.slice(before).map((l) => [l.path, l.headers['if-none-match']])).toEqual([['/feed.xml', '"v1"']]);
}, 330_000);

it('stops at start with one sentence when a FETCH_* variable is bad, before any job loop runs', async () => {
  const bad = startWorker(t.url, { FETCH_TIMEOUT_MS: 'soon' });
  expect((await bad.exited).code).toBe(2);
  expect(bad.output()).toBe(
    'Invalid configuration: FETCH_TIMEOUT_MS must be a whole number from 1000 to 300000 (it is "soon").\n',
  );
});

// The link stage's cluster lock, on real PostgreSQL: a link job decides with nothing held and takes the lock only in
// its write, sent with its COMMIT; the write checks that what the decision read is unchanged, else the job runs again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRegistry, linkArticle, linkPending, seedSampleCorpus } from '../src/index.js';
import { freshDb, links, unlinkAll, type TestDb } from './helpers.js';

let t: TestDb;
/** Two articles with claims in one cluster, the one spanning the most articles. */
let pair: { x: number; y: number };

beforeAll(async () => {
  t = await freshDb();
  await importRegistry(t.db);
  await seedSampleCorpus(t.db, { workspaceId: t.workspaceId });
  const [row] = await t.db.$queryRawUnsafe<{ x: number; y: number }[]>(`
    SELECT min("articleId") AS x, max("articleId") AS y FROM "Claim" WHERE "clusterId" IS NOT NULL
     GROUP BY "clusterId" ORDER BY count(DISTINCT "articleId") DESC, "clusterId" LIMIT 1`);
  pair = row!;
}, 180_000);
afterAll(async () => t?.close());

/** Clusters without a member (a write that decided from clusters read before another job changed them leaves these). */
const emptyClusters = async () =>
  t.db.$queryRawUnsafe<unknown[]>(
    `SELECT cc.id FROM "ClaimCluster" cc WHERE NOT EXISTS (SELECT 1 FROM "Claim" c WHERE c."clusterId" = cc.id)`,
  );

describe('the link stage’s cluster lock', () => {
  it('a link job paused between any two of its statements keeps no other link job of the workspace waiting', async () => {
    // Both already linked: their jobs change nothing, but each still writes its clusters, so each takes the lock.
    let others = 0;
    await linkArticle(t.db, t.workspaceId, pair.x, {
      // While x's job is paused (a slow client, a long compare), y's job runs whole; were x's job holding the lock
      // there, y's would wait for it until its statement timeout.
      beforeStatement: async () => {
        await linkArticle(t.db, t.workspaceId, pair.y, { timeoutMs: 5_000 });
        others++;
      },
    });
    expect(others).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it('a cluster another job formed after this job read sends it round again: the links are those of one job after the other', async () => {
    await unlinkAll(t);
    let attempts = 0;
    let raced = false;
    await linkArticle(t.db, t.workspaceId, pair.x, {
      beforeStatement: async () => {
        if (raced) return;
        attempts++;
        // The third round trip is x's write with its COMMIT: y's job links first, clustering claims x read unclustered.
        if (attempts === 3) {
          raced = true;
          await linkArticle(t.db, t.workspaceId, pair.y);
        }
      },
    });
    await linkPending(t.db, t.workspaceId);
    const got = await links(t);
    expect(await emptyClusters()).toEqual([]);
    await unlinkAll(t);
    await linkPending(t.db, t.workspaceId);
    expect(got).toEqual(await links(t));
  }, 180_000);
});

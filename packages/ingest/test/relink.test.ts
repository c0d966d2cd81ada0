// Late merges re-queue linking, on real PostgreSQL: an article that gives a stored event its day has the
// event's other articles linked again, and a merge committed while a link job runs is never lost.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { poolOf } from '@claimgraph/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  importRegistry,
  ingestArticle,
  LINK_LOCK_NAMESPACE,
  linkArticle,
  linkPending,
  pendingArticles,
  reextractArticles,
  requestRelink,
  seedSampleCorpus,
  unlinkForSplit,
  type ArticleInput,
} from '../src/index.js';
import { SEEDS_DIR } from '../src/paths.js';
import { freshDb, links, unlinkAll, type TestDb } from './helpers.js';
import { until } from './processes.js';

let seeds: ArticleInput[];
const dbs: TestDb[] = [];

beforeAll(async () => {
  const files = ['000_e183f92d0e6f940b.txt', '001_80d017e1972bd3d0.txt'];
  const sources = ['CGTN', 'American Military News'];
  seeds = await Promise.all(
    files.map(async (f, i) => ({
      text: await readFile(path.join(SEEDS_DIR, f), 'utf8'),
      source: sources[i]!,
      publishedAt: '2020-01-13',
    })),
  );
});
afterAll(async () => Promise.all(dbs.map((t) => t.close())));

async function db() {
  const t = await freshDb();
  dbs.push(t);
  await importRegistry(t.db);
  return t;
}
const ingested = (r: Awaited<ReturnType<typeof ingestArticle>>) => {
  if (r.status !== 'ingested') throw new Error(`not ingested: ${JSON.stringify(r)}`);
  return r;
};

describe('late merges', () => {
  it('an article that gives a stored event its day has the event’s other articles linked again', async () => {
    // American Military News tells of the strike without its day; CGTN's report, written after, merges into it and dates it.
    const t = await db();
    const first = ingested(await ingestArticle(t.db, seeds[1]!, { workspaceId: t.workspaceId }));
    const undated = await t.db.event.findMany({ where: { type: 'STRIKE', occurredAt: null }, select: { id: true } });
    expect(undated.length).toBeGreaterThan(0);
    const second = ingested(await ingestArticle(t.db, seeds[0]!, { workspaceId: t.workspaceId, link: 'later' }));
    const dated = await t.db.event.findMany({
      where: { id: { in: undated.map((e) => e.id) }, occurredPrecision: { in: ['DAY', 'EXACT'] } },
    });
    expect(dated.length).toBeGreaterThan(0);
    expect(second.relinked).toEqual([first.articleId]);
    expect((await pendingArticles(t.db, t.workspaceId)).map((a) => a.id).sort()).toEqual(
      [first.articleId, second.articleId].sort(),
    );
    expect((await linkPending(t.db, t.workspaceId)).linked).toBe(2);
    // Linked now (the default), an article links the ones it reset at once.
    const other = await db();
    ingested(await ingestArticle(other.db, seeds[1]!, { workspaceId: other.workspaceId }));
    expect(
      ingested(await ingestArticle(other.db, seeds[0]!, { workspaceId: other.workspaceId })).relinked,
    ).toHaveLength(1);
    expect(await pendingArticles(other.db, other.workspaceId)).toEqual([]);
  }, 120_000);

  it('re-extraction that gives a stored event its day links the event’s other articles again', async () => {
    const t = await db();
    const first = ingested(await ingestArticle(t.db, seeds[1]!, { workspaceId: t.workspaceId }));
    const second = ingested(await ingestArticle(t.db, seeds[0]!, { workspaceId: t.workspaceId }));
    // As if the second had been extracted by an extractor that did not date the strike: its events lose their day.
    const undated = await t.db.event.updateMany({
      where: {
        id: { in: await eventIdsOf(t, second.articleId) },
        claims: { some: { articleId: first.articleId } },
      },
      data: { occurredAt: null, occurredPrecision: 'UNKNOWN' },
    });
    expect(undated.count).toBeGreaterThan(0);
    await t.db.article.update({ where: { id: second.articleId }, data: { extractorVersion: '0.0.0' } });
    const before = await t.db.article.findUniqueOrThrow({ where: { id: first.articleId } });
    const r = await reextractArticles(t.db, { workspaceId: t.workspaceId });
    expect(r).toMatchObject({ articles: 1, relinked: 1, failed: [] });
    const after = await t.db.article.findUniqueOrThrow({ where: { id: first.articleId } });
    expect(after.linkedAt!.getTime()).toBeGreaterThan(before.linkedAt!.getTime());
    expect(await pendingArticles(t.db, t.workspaceId)).toEqual([]);
  }, 120_000);

  it('a merge committed while a link job waits for the article: the job reads the merged rows, and nothing is left pending', async () => {
    const t = await db();
    const a = ingested(await ingestArticle(t.db, seeds[0]!, { workspaceId: t.workspaceId }));
    const b = ingested(await ingestArticle(t.db, seeds[1]!, { workspaceId: t.workspaceId }));
    const relations = async () =>
      (await t.db.claimRelation.findMany({ select: { fromClaimId: true, toClaimId: true, kind: true, slot: true } }))
        .length;
    const linkedOnce = await relations();
    expect(linkedOnce).toBeGreaterThan(0);
    // The links undone (B's job must find them again), then a merge of B's events, its transaction held open while B's link job starts.
    await t.db.$executeRawUnsafe(`DELETE FROM "ClaimRelation"`);
    await t.db.$executeRawUnsafe(`UPDATE "Claim" SET "clusterId" = NULL, "clusterReason" = NULL`);
    await t.db.$executeRawUnsafe(`DELETE FROM "ClaimCluster"`);
    const merge = await poolOf(t.db).connect();
    try {
      await merge.query('BEGIN');
      const reset = await requestRelink(
        { query: async (s) => (await merge.query(s.text, s.values)).rows },
        t.workspaceId,
        { eventIds: await eventIdsOf(t, b.articleId) },
      );
      expect(reset).toContain(b.articleId);
      expect(reset).toContain(a.articleId);
      const job = linkArticle(t.db, t.workspaceId, b.articleId);
      // The job waits for the merge's row lock on the article, before it read any claim (a read would hold a lock on "Claim" to its end) …
      const waiting = await until('the link job to wait for the merge', async () => {
        const [w] = await t.db.$queryRawUnsafe<{ pid: number }[]>(
          `SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%UPDATE "Article" SET "linkedAt" = coalesce%'`,
        );
        return w;
      });
      const read = await t.db.$queryRawUnsafe<{ relname: string }[]>(
        `SELECT c.relname FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE l.pid = $1 AND c.relname IN ('Claim', 'ClaimActor', 'Event')`,
        waiting.pid,
      );
      expect(read).toEqual([]);
      await merge.query('COMMIT');
      // … and runs once the merge commits: B is linked (its pairs with A found again), A stays pending for its own job.
      await job;
    } finally {
      merge.release();
    }
    expect(await relations()).toBe(linkedOnce);
    expect((await pendingArticles(t.db, t.workspaceId)).map((p) => p.id)).toEqual([a.articleId]);
    await linkPending(t.db, t.workspaceId);
    expect(await pendingArticles(t.db, t.workspaceId)).toEqual([]);
    expect(await relations()).toBe(linkedOnce);
  }, 120_000);

  it('a split committed while a link job compares: the job compares again, and the links are those linking afresh finds', async () => {
    const t = await db();
    await seedSampleCorpus(t.db, { workspaceId: t.workspaceId });
    // A clustered claim naming an actor other claims name too, and another article with a claim in its cluster.
    const [pick] = await t.db.$queryRawUnsafe<{ claimId: number; actorId: number; job: number }[]>(`
      SELECT ca."claimId", ca."actorId", (SELECT min(o."articleId") FROM "Claim" o WHERE o."clusterId" = c."clusterId" AND o."articleId" <> c."articleId") AS job
        FROM "ClaimActor" ca JOIN "Claim" c ON c.id = ca."claimId"
       WHERE c."clusterId" IS NOT NULL AND EXISTS (SELECT 1 FROM "ClaimActor" o WHERE o."actorId" = ca."actorId" AND o."claimId" <> ca."claimId")
       ORDER BY ca."claimId", ca."actorId" LIMIT 1`);
    expect(pick).toBeDefined();
    await unlinkAll(t);
    // The split's transaction holds the cluster lock first: the link job reads and compares, then waits for it …
    const split = await poolOf(t.db).connect();
    try {
      await split.query('BEGIN');
      await split.query('SELECT pg_advisory_xact_lock($1::int, $2::int)', [LINK_LOCK_NAMESPACE, t.workspaceId]);
      const job = linkArticle(t.db, t.workspaceId, pick!.job);
      await until('the link job to wait for the cluster lock', async () => {
        const [w] = await t.db.$queryRawUnsafe<{ pid: number }[]>(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'`,
        );
        return w;
      });
      // … while the split moves the claim to a namesake (as the API's splitActor does) and commits.
      const tx = {
        query: async <T>(s: { text: string; values: unknown[] }) => (await split.query(s.text, s.values)).rows as T[],
      };
      const relink = await unlinkForSplit(tx, t.workspaceId, [pick!.claimId]);
      expect(relink).not.toContain(pick!.job);
      const {
        rows: [namesake],
      } = await split.query(
        `INSERT INTO "Actor" ("workspaceId", "canonicalName", kind) SELECT "workspaceId", 'A namesake', kind FROM "Actor" WHERE id = $1 RETURNING id`,
        [pick!.actorId],
      );
      await split.query(`UPDATE "ClaimActor" SET "actorId" = $1 WHERE "actorId" = $2 AND "claimId" = $3`, [
        namesake.id,
        pick!.actorId,
        pick!.claimId,
      ]);
      await split.query('COMMIT');
      await job;
    } finally {
      split.release();
    }
    await linkPending(t.db, t.workspaceId);
    const raced = await links(t);
    await unlinkAll(t);
    await linkPending(t.db, t.workspaceId);
    expect(raced).toEqual(await links(t));
  }, 120_000);
});

const eventIdsOf = async (t: TestDb, articleId: number) =>
  (
    await t.db.$queryRawUnsafe<{ id: number }[]>(
      `SELECT DISTINCT "eventId" AS id FROM "Claim" WHERE "articleId" = $1 AND "eventId" IS NOT NULL`,
      articleId,
    )
  ).map((r) => r.id);

// The timeline's kept series ("TimelineDelta", appended by triggers) against the claims themselves, on the seed
// corpus: after ingestion, a corrected article date, label changes, merges, a split, re-extraction and a roll-up, the
// rows sum to what a rebuild computes, and the API's answer from them equals its answer computed from the claims.
import { reextractArticles } from '@claimgraph/ingest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { toGlobalId } from '../src/ids.js';
import { data } from './testkit/client.js';
import {
  expectFoldAfterRead,
  expectKeptAnswers,
  expectRebuildKeeps,
  startKeptApi,
  topActors,
  type KeptApi,
} from './testkit/kept.js';

let api: KeptApi;
beforeAll(async () => void (api = await startKeptApi()), 180_000);
afterAll(async () => api?.stop());

const TIMELINE = `query($f: ClaimFilter, $b: TimeBucket, $s: String) { timeline(filter: $f, bucket: $b, labelScheme: $s) {
  buckets { start claimCount byLabel { scheme value count } events { databaseId } } } }`;

/** Every series' rows summed per key, in a fixed order, against a rebuild from the claims. */
const expectKept = () =>
  expectRebuildKeeps(
    () => api.db.$queryRaw<unknown[]>`SELECT "actorId", day, scheme, value, "eventId", sum(n)::int AS n
      FROM "TimelineDelta" WHERE "workspaceId" = ${api.workspaceId} GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0
      ORDER BY 1, 2, 3, 4, 5`,
    () => api.db.$executeRaw`SELECT "claimgraph_timeline_rebuild"(${api.workspaceId}::int)`,
  );

/** The API's timeline for the workspace and for each actor, from the kept series, equals the one computed. */
const expectSameAnswers = (actorIds: number[]) =>
  expectKeptAnswers(
    api,
    TIMELINE,
    [
      { b: 'MONTH', s: null },
      { b: 'DAY', s: 'lean' },
      { b: 'WEEK', s: null },
    ],
    actorIds,
  );

describe('the kept timeline', () => {
  test('after ingestion', async () => {
    await expectKept();
    const actors = await topActors(api, 3);
    const r = await data(api.url, TIMELINE, { f: { actorIds: [toGlobalId('Actor', actors[0]!)] }, b: 'MONTH' });
    expect(r.timeline.buckets.length).toBeGreaterThan(0);
    await expectSameAnswers(actors);
  });

  test("after an article's date is corrected or removed", async () => {
    const [a, b] = await api.db.article.findMany({
      where: { workspaceId: api.workspaceId, publishedAt: { not: null }, claims: { some: {} } },
      orderBy: { id: 'asc' },
      take: 2,
    });
    await api.db.article.update({
      where: { id: a!.id },
      data: { publishedAt: new Date(Date.UTC(2019, 5, 30, 23, 30)) },
    });
    await api.db.article.update({ where: { id: b!.id }, data: { publishedAt: null } });
    await expectKept();
    await expectSameAnswers(await topActors(api, 2));
  });

  test('after outlets gain, lose and change labels', async () => {
    const carriers = await api.db.$queryRaw<{ sourceId: number }[]>`
      SELECT "sourceId" FROM "Claim" WHERE "workspaceId" = ${api.workspaceId} GROUP BY 1 ORDER BY count(*) DESC LIMIT 3`;
    const [s1, s2, s3] = carriers.map((c) => c.sourceId);
    // A second rater of a label the outlet has (counted once), a workspace's own label, a retired one, a moved one.
    await api.db.biasLabel.create({ data: { sourceId: s1!, scheme: 'lean', value: 'left', rater: 'one' } });
    await api.db.biasLabel.create({ data: { sourceId: s1!, scheme: 'lean', value: 'left', rater: 'two' } });
    await api.db.biasLabel.create({
      data: { sourceId: s2!, workspaceId: api.workspaceId, scheme: 'lean', value: 'right', rater: 'desk' },
    });
    await expectKept();
    await api.db.biasLabel.updateMany({ where: { sourceId: s1!, rater: 'one' }, data: { retiredAt: new Date() } });
    await expectKept();
    await api.db.biasLabel.updateMany({ where: { sourceId: s2!, rater: 'desk' }, data: { sourceId: s3! } });
    await api.db.biasLabel.updateMany({ where: { sourceId: s1! }, data: { retiredAt: new Date() } });
    await expectKept();
    await expectSameAnswers(await topActors(api, 2));
  });

  test('after merging actors and events, and splitting an actor', async () => {
    const [a, b] = await topActors(api, 2);
    const merged = await data(
      api.url,
      `mutation($into: ID!, $ids: [ID!]!) { mergeActors(into: $into, actorIds: $ids) { error { message } } }`,
      { into: toGlobalId('Actor', a!), ids: [toGlobalId('Actor', b!)] },
    );
    expect(merged.mergeActors.error).toBeNull();
    await expectKept();
    const events = await api.db.$queryRaw<{ id: number }[]>`
      SELECT "eventId" AS id FROM "Claim" WHERE "workspaceId" = ${api.workspaceId} AND "eventId" IS NOT NULL GROUP BY 1 ORDER BY 1 LIMIT 2`;
    const mergedEvents = await data(
      api.url,
      `mutation($into: ID!, $ids: [ID!]!) { mergeEvents(into: $into, eventIds: $ids) { error { message } } }`,
      { into: toGlobalId('Event', events[0]!.id), ids: [toGlobalId('Event', events[1]!.id)] },
    );
    expect(mergedEvents.mergeEvents.error).toBeNull();
    await expectKept();
    const [claim] = await api.db.claimActor.findMany({ where: { actorId: a! }, orderBy: { claimId: 'asc' }, take: 1 });
    const alias = await api.db.actorAlias.findFirst({ where: { actorId: a!, kind: { not: 'CANONICAL' } } });
    const split = await data(
      api.url,
      `mutation($id: ID!, $input: SplitActorInput!) { splitActor(id: $id, input: $input) { ok { databaseId } error { message } } }`,
      {
        id: toGlobalId('Actor', a!),
        input: {
          canonicalName: 'Split-off actor',
          aliases: alias ? [alias.alias] : [],
          claimIds: [toGlobalId('Claim', claim!.claimId)],
        },
      },
    );
    expect(split.splitActor.error).toBeNull();
    await expectKept();
    await expectSameAnswers([a!, split.splitActor.ok.databaseId]);
  });

  test('after re-extraction, and folded', async () => {
    const { failed } = await reextractArticles(api.db, { workspaceId: api.workspaceId, all: true });
    expect(failed).toEqual([]);
    const actors = await topActors(api, 2);
    await expectSameAnswers(actors);
    await expectKept(); // (which also rebuilds: append some rows again before folding)
    await api.db.article.updateMany({
      where: { workspaceId: api.workspaceId, publishedAt: { not: null } },
      data: { publishedAt: new Date(Date.UTC(2021, 2, 3)) },
    });
    const before = await api.db.timelineDelta.count({ where: { workspaceId: api.workspaceId, actorId: 0 } });
    const [kept] = await api.db.$queryRaw<
      { n: number | null }[]
    >`SELECT "claimgraph_timeline_rollup"(${api.workspaceId}::int, 0) AS n`;
    expect(kept!.n).toBeLessThan(before);
    expect(await api.db.timelineDelta.count({ where: { workspaceId: api.workspaceId, actorId: 0 } })).toBe(kept!.n);
    await expectKept();
    await expectSameAnswers(actors);
  });
});

test('a read that sums more than 1,000 rows beyond one per day folds the series after answering', async () => {
  const ws = api.workspaceId;
  const count = () => api.db.timelineDelta.count({ where: { workspaceId: ws, actorId: 0 } });
  const [day] = await api.db.$queryRaw<{ day: Date }[]>`SELECT day FROM "TimelineDelta"
    WHERE "workspaceId" = ${ws} AND "actorId" = 0 AND scheme = '' AND day IS NOT NULL ORDER BY day LIMIT 1`;
  // 1,200 rows that add and remove the same claims on one day (as many dated corrections would append).
  await api.db.$executeRaw`INSERT INTO "TimelineDelta" ("workspaceId", "actorId", day, n)
    SELECT ${ws}::int, 0, ${day!.day}::date, CASE WHEN i % 2 = 0 THEN 1 ELSE -1 END FROM generate_series(1, 1200) i`;
  await expectFoldAfterRead(count, 1200, () => data(api.url, TIMELINE, { b: 'MONTH' }));
  await expectKept();
});

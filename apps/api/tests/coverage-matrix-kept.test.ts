// The coverage matrix's kept counts ("ClusterDelta", appended by triggers) against the claims themselves, on the seed
// corpus: after ingestion, clusters formed, merged, split and deleted, claims re-linked to another event, label
// changes, actor merges and a split, re-extraction, an article deleted and a fold, the rows sum to what a rebuild
// computes, and the API's matrix from them equals the matrix computed from the claims.
import { reextractArticles } from '@claimgraph/ingest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { toGlobalId } from '../src/ids.js';
import { data } from './testkit/client.js';
import {
  expectFoldAfterRead,
  expectKeptAnswers,
  expectRebuildKeeps,
  startKeptApi,
  type KeptApi,
} from './testkit/kept.js';

let api: KeptApi;
beforeAll(async () => void (api = await startKeptApi()), 180_000);
afterAll(async () => api?.stop());

const MATRIX = `query($f: ClaimFilter, $k: Int, $s: String) { coverageMatrix(filter: $f, clusters: $k, labelScheme: $s) {
  labels { scheme value } rows { claimCount cluster { databaseId } cells { scheme value carriers silent } } } }`;

/** Every key's rows summed, in a fixed order, against a rebuild from the claims. */
const expectKept = () =>
  expectRebuildKeeps(
    () => api.db.$queryRaw<unknown[]>`SELECT "actorId", "clusterId", "eventId", "sourceId", sum(n)::int AS n
      FROM "ClusterDelta" WHERE "workspaceId" = ${api.workspaceId} GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0
      ORDER BY 1, 2, 3, 4`,
    () => api.db.$executeRaw`SELECT "claimgraph_cluster_rebuild"(${api.workspaceId}::int)`,
  );

/** Actors with the most clustered claims (the series most worth checking). */
const topActors = async (n: number) =>
  (
    await api.db.$queryRaw<
      { id: number }[]
    >`SELECT ca."actorId" AS id FROM "ClaimActor" ca JOIN "Claim" c ON c.id = ca."claimId"
      WHERE ca."workspaceId" = ${api.workspaceId} AND c."clusterId" IS NOT NULL
      GROUP BY ca."actorId" ORDER BY count(DISTINCT ca."claimId") DESC, ca."actorId" LIMIT ${n}`
  ).map((a) => a.id);

/** The API's matrix for the workspace and for each actor, from the kept counts, equals the one computed. */
const expectSameAnswers = async (actorIds: number[]) =>
  (
    await expectKeptAnswers(
      api,
      MATRIX,
      [
        { k: 20, s: null },
        { k: 2, s: 'lean' },
      ],
      actorIds,
    )
  ).reduce((rows, kept) => rows + kept.coverageMatrix.rows.length, 0);

const clusters = () =>
  api.db.$queryRaw<{ id: number; n: number }[]>`SELECT "clusterId" AS id, count(*)::int AS n FROM "Claim"
    WHERE "workspaceId" = ${api.workspaceId} AND "clusterId" IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1`;

describe('the kept coverage matrix', () => {
  test('after ingestion', async () => {
    await expectKept();
    expect(await expectSameAnswers(await topActors(3))).toBeGreaterThan(0);
  });

  test('after clusters are formed, merged, split and deleted', async () => {
    const ws = api.workspaceId;
    // A cluster of unclustered claims from several articles, as a link job forms one.
    const loose = await api.db.claim.findMany({
      where: { workspaceId: ws, clusterId: null, eventId: { not: null } },
      orderBy: { id: 'asc' },
      take: 6,
    });
    const formed = await api.db.claimCluster.create({ data: { workspaceId: ws, summary: 'formed' } });
    await api.db.claim.updateMany({ where: { id: { in: loose.map((c) => c.id) } }, data: { clusterId: formed.id } });
    await expectKept();
    await expectSameAnswers(await topActors(2));
    // Merged: the largest other cluster's claims move into it and the cluster goes.
    const other = (await clusters()).find((c) => c.id !== formed.id)!;
    await api.db.claim.updateMany({ where: { clusterId: other.id }, data: { clusterId: formed.id } });
    await api.db.claimCluster.delete({ where: { id: other.id } });
    await expectKept();
    // Split: half of it to a new cluster.
    const split = await api.db.claimCluster.create({ data: { workspaceId: ws, summary: 'split' } });
    const members = await api.db.claim.findMany({ where: { clusterId: formed.id }, orderBy: { id: 'asc' } });
    await api.db.claim.updateMany({
      where: { id: { in: members.slice(0, Math.ceil(members.length / 2)).map((c) => c.id) } },
      data: { clusterId: split.id },
    });
    await expectKept();
    await expectSameAnswers(await topActors(2));
    // A cluster deleted: its claims' cluster is set null by the foreign key.
    await api.db.claimCluster.delete({ where: { id: split.id } });
    await expectKept();
    await expectSameAnswers(await topActors(2));
  });

  test("after claims move to another event, outlets' labels change, and events and actors merge", async () => {
    const ws = api.workspaceId;
    const [big] = await clusters();
    const events = await api.db.event.findMany({ where: { workspaceId: ws }, orderBy: { id: 'asc' }, take: 2 });
    // The cluster's claims re-linked to one event (its most common event changes), one claim to none.
    const members = await api.db.claim.findMany({ where: { clusterId: big!.id }, orderBy: { id: 'asc' } });
    await api.db.claim.updateMany({
      where: { id: { in: members.map((c) => c.id) } },
      data: { eventId: events[1]!.id },
    });
    await api.db.claim.update({ where: { id: members[0]!.id }, data: { eventId: null } });
    await expectKept();
    await expectSameAnswers(await topActors(2));
    const carriers = await api.db.$queryRaw<{ sourceId: number }[]>`
      SELECT "sourceId" FROM "Claim" WHERE "workspaceId" = ${ws} AND "clusterId" IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 2`;
    await api.db.biasLabel.create({
      data: { sourceId: carriers[0]!.sourceId, scheme: 'lean', value: 'left', rater: 'x' },
    });
    await api.db.biasLabel.updateMany({ where: { sourceId: carriers[1]!.sourceId }, data: { retiredAt: new Date() } });
    await expectSameAnswers(await topActors(2));
    const merged = await data(
      api.url,
      `mutation($into: ID!, $ids: [ID!]!) { mergeEvents(into: $into, eventIds: $ids) { error { message } } }`,
      { into: toGlobalId('Event', events[0]!.id), ids: [toGlobalId('Event', events[1]!.id)] },
    );
    expect(merged.mergeEvents.error).toBeNull();
    await expectKept();
    const [a, b] = await topActors(2);
    const mergedActors = await data(
      api.url,
      `mutation($into: ID!, $ids: [ID!]!) { mergeActors(into: $into, actorIds: $ids) { error { message } } }`,
      { into: toGlobalId('Actor', a!), ids: [toGlobalId('Actor', b!)] },
    );
    expect(mergedActors.mergeActors.error).toBeNull();
    await expectKept();
    const [claim] = await api.db.$queryRaw<{ claimId: number }[]>`SELECT ca."claimId" FROM "ClaimActor" ca
      JOIN "Claim" c ON c.id = ca."claimId" WHERE ca."actorId" = ${a!} AND c."clusterId" IS NOT NULL ORDER BY 1 LIMIT 1`;
    const split = await data(
      api.url,
      `mutation($id: ID!, $input: SplitActorInput!) { splitActor(id: $id, input: $input) { ok { databaseId } error { message } } }`,
      {
        id: toGlobalId('Actor', a!),
        input: { canonicalName: 'Split-off actor', aliases: [], claimIds: [toGlobalId('Claim', claim!.claimId)] },
      },
    );
    expect(split.splitActor.error).toBeNull();
    await expectKept();
    await expectSameAnswers([a!, split.splitActor.ok.databaseId]);
  });

  test('after re-extraction, an article deleted, and folded', async () => {
    const ws = api.workspaceId;
    const { failed } = await reextractArticles(api.db, { workspaceId: ws, all: true });
    expect(failed).toEqual([]);
    await expectSameAnswers(await topActors(2));
    await expectKept();
    const article = await api.db.article.findFirst({
      where: { workspaceId: ws, claims: { some: { clusterId: { not: null } } } },
      orderBy: { id: 'asc' },
    });
    await api.db.article.delete({ where: { id: article!.id } });
    await expectKept(); // (which also rebuilds: append rows again before folding)
    const [big] = await clusters();
    const spare = await api.db.claimCluster.create({ data: { workspaceId: ws, summary: 'spare' } });
    for (const cl of [spare.id, big!.id])
      await api.db.claim.updateMany({ where: { workspaceId: ws, clusterId: { not: null } }, data: { clusterId: cl } });
    const before = await api.db.clusterDelta.count({ where: { workspaceId: ws } });
    const [kept] = await api.db.$queryRaw<{ n: number | null }[]>`SELECT "claimgraph_cluster_rollup"(${ws}::int, 0,
      ARRAY(SELECT DISTINCT "clusterId" FROM "ClusterDelta" WHERE "clusterId" IS NOT NULL),
      ARRAY(SELECT DISTINCT "eventId" FROM "ClusterDelta" WHERE "eventId" IS NOT NULL)) AS n`;
    expect(await api.db.clusterDelta.count({ where: { workspaceId: ws } })).toBeLessThan(before);
    expect(kept!.n).toBeGreaterThan(0);
    await expectKept();
    await expectSameAnswers(await topActors(2));
  });
});

test('a read that sums more than 1,000 rows beyond one per cluster folds them after answering', async () => {
  const ws = api.workspaceId;
  const count = () => api.db.clusterDelta.count({ where: { workspaceId: ws } });
  const [cluster] = await clusters();
  // 1,200 rows that add and remove the same claims of a cluster (as many re-links would append).
  await api.db.$executeRaw`INSERT INTO "ClusterDelta" ("workspaceId", "actorId", "clusterId", n)
    SELECT ${ws}::int, 0, ${cluster!.id}::int, CASE WHEN i % 2 = 0 THEN 1 ELSE -1 END FROM generate_series(1, 1200) i`;
  await expectFoldAfterRead(count, 1200, () => data(api.url, MATRIX, {}));
  await expectKept();
});

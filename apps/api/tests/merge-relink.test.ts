// An editor's merge of actors or events re-queues the linking of the articles it touches (their claims may now
// meet others'), over HTTP against the seed corpus: those articles become pending, their link jobs are queued,
// and the catch-up pass finishes them.
import { linkPending, seedSampleCorpus } from '@claimgraph/ingest';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { toGlobalId } from '../src/ids.js';
import { data } from './testkit/client.js';
import { startSeededApi, type SeededApi } from './testkit/seeded-api.js';

let api: SeededApi;
beforeAll(async () => {
  api = await startSeededApi(async (db, workspaceId) => void (await seedSampleCorpus(db, { workspaceId })));
}, 180_000);
afterAll(async () => api?.stop());

const linking = async () => (await data(api.url, `{ articlesLinking }`)).articlesLinking as number;
const pending = async () =>
  (await api.db.article.findMany({ where: { linkedAt: null }, select: { id: true }, orderBy: { id: 'asc' } })).map(
    (a) => a.id,
  );
const queued = async () =>
  (
    await api.db.$queryRawUnsafe<{ id: number }[]>(
      `SELECT DISTINCT (data->>'articleId')::int AS id FROM pgboss.job WHERE name = 'link-article' AND state = 'created' ORDER BY 1`,
    )
  ).map((r) => r.id);
const articlesOf = async (where: string, ids: number[]) =>
  (
    await api.db.$queryRawUnsafe<{ id: number }[]>(
      `SELECT DISTINCT c."articleId" AS id FROM "Claim" c WHERE ${where} ORDER BY 1`,
      ids,
    )
  ).map((r) => r.id);

test('merging events: the articles with claims on the merged-away events are linked again, and only they', async () => {
  expect(await linking()).toBe(0);
  // Two events of different articles, each with claims: merge the second's into the first.
  const [a, b] = await api.db.$queryRawUnsafe<{ id: number }[]>(`
    SELECT e.id FROM "Event" e JOIN "Claim" c ON c."eventId" = e.id GROUP BY e.id HAVING count(DISTINCT c."articleId") = 1 ORDER BY min(c."articleId"), e.id`);
  const touched = await articlesOf(`c."eventId" = ANY($1::int[])`, [b!.id]);
  expect(touched.length).toBeGreaterThan(0);
  const r = await data(
    api.url,
    `mutation($into: ID!, $ids: [ID!]!) { mergeEvents(into: $into, eventIds: $ids) { ok { id } error { code message } } }`,
    {
      into: toGlobalId('Event', a!.id),
      ids: [toGlobalId('Event', b!.id)],
    },
  );
  expect(r.mergeEvents.error).toBeNull();
  expect(await pending()).toEqual(touched);
  expect(await queued()).toEqual(touched);
  expect(await linking()).toBe(touched.length);
  expect((await linkPending(api.db, api.workspaceId)).linked).toBe(touched.length);
  expect(await linking()).toBe(0);
}, 60_000);

test('merging actors: the articles whose claims name a merged-away actor are linked again', async () => {
  await api.db.$executeRawUnsafe(`DELETE FROM pgboss.job WHERE name = 'link-article'`);
  const [a, b] = await api.db.$queryRawUnsafe<{ id: number }[]>(`
    SELECT ca."actorId" AS id FROM "ClaimActor" ca JOIN "Claim" c ON c.id = ca."claimId" GROUP BY ca."actorId" HAVING count(DISTINCT c."articleId") = 1 ORDER BY min(c."articleId") DESC, ca."actorId" LIMIT 2`);
  const touched = await articlesOf(`c.id IN (SELECT "claimId" FROM "ClaimActor" WHERE "actorId" = ANY($1::int[]))`, [
    b!.id,
  ]);
  const r = await data(
    api.url,
    `mutation($into: ID!, $ids: [ID!]!) { mergeActors(into: $into, actorIds: $ids) { ok { id } error { code message } } }`,
    {
      into: toGlobalId('Actor', a!.id),
      ids: [toGlobalId('Actor', b!.id)],
    },
  );
  expect(r.mergeActors.error).toBeNull();
  expect(touched.length).toBeGreaterThan(0);
  expect(await pending()).toEqual(touched);
  expect(await queued()).toEqual(touched);
  await linkPending(api.db, api.workspaceId);
  expect(await linking()).toBe(0);
}, 60_000);

// What linking stored: the contradictions, and the clusters as sets of claims.
const links = async () => ({
  relations: await api.db.$queryRawUnsafe<unknown[]>(
    `SELECT "fromClaimId", "toClaimId", kind, slot FROM "ClaimRelation" ORDER BY 1, 2, 3, 4`,
  ),
  clusters: await api.db.$queryRawUnsafe<unknown[]>(
    `SELECT array_agg(id ORDER BY id) AS claims FROM "Claim" WHERE "clusterId" IS NOT NULL GROUP BY "clusterId" ORDER BY 1`,
  ),
});
// After a split and its re-linking, the links are those that linking every article afresh finds.
const expectAsFromScratch = async () => {
  const relinked = await links();
  await api.db.$executeRawUnsafe(`DELETE FROM "ClaimRelation"`);
  await api.db.$executeRawUnsafe(`UPDATE "Claim" SET "clusterId" = NULL, "clusterReason" = NULL`);
  await api.db.$executeRawUnsafe(`DELETE FROM "ClaimCluster"`);
  await api.db.$executeRawUnsafe(`UPDATE "Article" SET "linkedAt" = NULL`);
  await linkPending(api.db, api.workspaceId);
  expect(relinked).toEqual(await links());
};
const linksOf = async (claimId: number) =>
  (
    await api.db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT (SELECT count(*) FROM "ClaimRelation" WHERE $1 IN ("fromClaimId", "toClaimId"))::int
            + (SELECT count(*) FROM "Claim" WHERE id = $1 AND "clusterId" IS NOT NULL)::int AS n`,
      claimId,
    )
  )[0]!.n;

// The articles a corrective split must link again, found here from the stored links (not requestRelink's query):
// the moved claims' own, and those of the claims they are related to or share a cluster with.
const partnersOf = async (claimIds: number[]) =>
  articlesOf(
    `c.id = ANY($1::int[])
      OR c.id IN (SELECT r."toClaimId" FROM "ClaimRelation" r WHERE r."fromClaimId" = ANY($1::int[]))
      OR c.id IN (SELECT r."fromClaimId" FROM "ClaimRelation" r WHERE r."toClaimId" = ANY($1::int[]))
      OR c."clusterId" IN (SELECT m."clusterId" FROM "Claim" m WHERE m.id = ANY($1::int[]))`,
    claimIds,
  );

test('splitting an event: the moved claims’ articles and those they were related to are linked again', async () => {
  await api.db.$executeRawUnsafe(`DELETE FROM pgboss.job WHERE name = 'link-article'`);
  // A claim with a contradiction in another article, on an event that keeps other claims.
  const [moved] = await api.db.$queryRawUnsafe<{ id: number; eventId: number }[]>(`
    SELECT c.id, c."eventId" FROM "ClaimRelation" r JOIN "Claim" c ON c.id = r."fromClaimId"
     WHERE c."eventId" IS NOT NULL AND EXISTS (SELECT 1 FROM "Claim" o WHERE o."eventId" = c."eventId" AND o.id <> c.id)
     ORDER BY c.id LIMIT 1`);
  const touched = await partnersOf([moved!.id]);
  expect(touched.length).toBeGreaterThan(1);
  const r = await data(
    api.url,
    `mutation($id: ID!, $input: SplitEventInput!) { splitEvent(id: $id, input: $input) { ok { id } error { code message } } }`,
    { id: toGlobalId('Event', moved!.eventId), input: { claimIds: [toGlobalId('Claim', moved!.id)] } },
  );
  expect(r.splitEvent.error).toBeNull();
  expect(await pending()).toEqual(touched);
  expect(await queued()).toEqual(touched);
  expect(await linksOf(moved!.id)).toBe(0); // undone until its article is linked again
  expect((await linkPending(api.db, api.workspaceId)).linked).toBe(touched.length);
  expect(await linking()).toBe(0);
  await expectAsFromScratch();
}, 60_000);

test('splitting an actor: the articles of the claims that move, and of their cluster and relations, are linked again', async () => {
  await api.db.$executeRawUnsafe(`DELETE FROM pgboss.job WHERE name = 'link-article'`);
  // A clustered claim naming an actor that other claims name too.
  const [link] = await api.db.$queryRawUnsafe<{ claimId: number; actorId: number }[]>(`
    SELECT ca."claimId", ca."actorId" FROM "ClaimActor" ca JOIN "Claim" c ON c.id = ca."claimId"
     WHERE c."clusterId" IS NOT NULL AND EXISTS (SELECT 1 FROM "ClaimActor" o WHERE o."actorId" = ca."actorId" AND o."claimId" <> ca."claimId")
     ORDER BY ca."claimId", ca."actorId" LIMIT 1`);
  const touched = await partnersOf([link!.claimId]);
  expect(touched.length).toBeGreaterThan(1);
  const r = await data(
    api.url,
    `mutation($id: ID!, $input: SplitActorInput!) { splitActor(id: $id, input: $input) { ok { id } error { code message } } }`,
    {
      id: toGlobalId('Actor', link!.actorId),
      input: { canonicalName: 'A namesake', aliases: [], claimIds: [toGlobalId('Claim', link!.claimId)] },
    },
  );
  expect(r.splitActor.error).toBeNull();
  expect(await pending()).toEqual(touched);
  expect(await queued()).toEqual(touched);
  expect(await linksOf(link!.claimId)).toBe(0);
  await linkPending(api.db, api.workspaceId);
  expect(await linking()).toBe(0);
  await expectAsFromScratch();
}, 60_000);

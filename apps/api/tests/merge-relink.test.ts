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

/* eslint-disable @typescript-eslint/no-explicit-any -- responses of ad-hoc GraphQL documents are checked by value, not typed */
// Default orders on real articles (the demo corpus): the explorer by publication, undated last; actors most-cited first.
import { loadDemoCorpus, reextractArticles } from '@claimgraph/ingest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { data, errorCodes } from './testkit/client.js';
import { startSeededApi, type SeededApi } from './testkit/seeded-api.js';

let api: SeededApi;
beforeAll(async () => {
  // Inserted in file order, which is not publication order; 4 of the first 24 are undated.
  api = await startSeededApi(async (db, workspaceId) =>
    expect((await loadDemoCorpus(db, { workspaceId, limit: 24 })).failed).toEqual([]),
  );
}, 300_000);
afterAll(async () => api?.stop());

/** Every edge of a connection, page by page (`first` 100), in the order served. */
async function walk(field: string, query: (after: string | null) => Promise<any>) {
  const nodes: any[] = [];
  let after: string | null = null;
  for (;;) {
    const page: any = (await query(after))[field];
    nodes.push(...page.edges.map((e: any) => ({ ...e.node, edgeRank: e.rank })));
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

describe('default orders', () => {
  test('the explorer lists claims by publication, newest first, undated last, across pages', async () => {
    const claims = await walk('claims', (after) =>
      data(
        api.url,
        `query($after: String) { claims(first: 100, after: $after) { edges { rank node { id article { publishedAt } } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      ),
    );
    expect(claims.length).toBe(await api.db.claim.count());
    expect(new Set(claims.map((c) => c.id)).size).toBe(claims.length);
    const times = claims.map((c) => (c.article.publishedAt ? Date.parse(c.article.publishedAt) : -Infinity));
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect(times.at(-1)).toBe(-Infinity);
    expect(times[0]).toBeGreaterThan(-Infinity);
    expect(claims.every((c) => c.edgeRank === null)).toBe(true);
    // Insertion order differs (else this test would prove nothing).
    const byId = await api.db.claim.findMany({ orderBy: { id: 'desc' }, select: { id: true } });
    expect(claims.map((c) => Number(Buffer.from(c.id, 'base64').toString().split(':')[1]))).not.toEqual(
      byId.map((c) => c.id),
    );
  });

  test('text search still orders by relevance; a cursor of one order is refused by the other', async () => {
    const r = await data(api.url, `{ claims(filter: { text: "president" }, first: 50) { edges { rank } } }`);
    const ranks = r.claims.edges.map((e: any) => e.rank);
    expect(ranks.length).toBeGreaterThan(1);
    expect(ranks).toEqual([...ranks].sort((x: number, y: number) => y - x));
    const published = await data(api.url, `{ claims(first: 1) { pageInfo { endCursor } } }`);
    const mixed = await errorCodes(
      api.url,
      `query($a: String) { claims(filter: { text: "president" }, first: 1, after: $a) { totalCount } }`,
      { a: published.claims.pageInfo.endCursor },
    );
    expect(mixed.codes).toEqual(['INVALID_CURSOR']);
  });

  test('actors open on the most-cited, across pages', async () => {
    const actors = await walk('actors', (after) =>
      data(
        api.url,
        `query($after: String) { actors(first: 100, after: $after) { edges { node { id canonicalName claimCount } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      ),
    );
    expect(actors.length).toBe(await api.db.actor.count());
    expect(new Set(actors.map((a) => a.id)).size).toBe(actors.length);
    const counts = actors.map((a) => a.claimCount);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    expect(counts[0]).toBeGreaterThan(5);
    // The count served is the one stored.
    const [top] = await api.db.$queryRaw<
      { n: number }[]
    >`SELECT count(DISTINCT "claimId")::int AS n FROM "ClaimActor" GROUP BY "actorId" ORDER BY n DESC LIMIT 1`;
    expect(counts[0]).toBe(top!.n);
  });

  test("the order follows an article's corrected date, and re-extracted claims take their article's date", async () => {
    const stale = () =>
      api.db.$queryRaw<
        { n: number }[]
      >`SELECT count(*)::int AS n FROM "Claim" c JOIN "Article" a ON a.id = c."articleId"
        WHERE c."publishedAt" IS DISTINCT FROM a."publishedAt"`;
    const firstPage = async () =>
      (
        await data(api.url, `{ claims(first: 100) { edges { node { databaseId article { databaseId } } } } }`)
      ).claims.edges.map((e: any) => e.node);
    expect(await stale()).toEqual([{ n: 0 }]);
    // The oldest dated article becomes the newest, and the newest dated one loses its date.
    const dated = await api.db.article.findMany({
      where: { publishedAt: { not: null }, claims: { some: {} } },
      orderBy: { publishedAt: 'asc' },
      select: { id: true, publishedAt: true },
    });
    const [oldest, newest] = [dated[0]!, dated.at(-1)!];
    await api.db.article.update({ where: { id: oldest.id }, data: { publishedAt: new Date(Date.UTC(2030, 0, 1)) } });
    await api.db.article.update({ where: { id: newest.id }, data: { publishedAt: null } });
    expect(await stale()).toEqual([{ n: 0 }]);
    const page = await firstPage();
    const ofOldest = await api.db.claim.count({ where: { articleId: oldest.id } });
    expect(page.slice(0, ofOldest).every((n: any) => n.article.databaseId === oldest.id)).toBe(true);
    expect(page.slice(ofOldest).some((n: any) => n.article.databaseId === newest.id)).toBe(false);
    const all = await walk('claims', (after) =>
      data(
        api.url,
        `query($after: String) { claims(first: 100, after: $after) { edges { node { article { databaseId publishedAt } } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      ),
    );
    expect(all.findIndex((n) => n.article.databaseId === newest.id)).toBeGreaterThan(
      all.findLastIndex((n) => n.article.publishedAt !== null),
    );
    // Re-extraction deletes and writes every claim again: each takes its (corrected) article's date.
    const before = await firstPage();
    const { failed } = await reextractArticles(api.db, { workspaceId: api.workspaceId, all: true });
    expect(failed).toEqual([]);
    expect(await stale()).toEqual([{ n: 0 }]);
    const after = await firstPage();
    expect(after.map((n: any) => n.article.databaseId)).toEqual(before.map((n: any) => n.article.databaseId));
  });
});

// Dedup across the collection on real PostgreSQL: a republished wire story is linked to its origin, another
// report of the same event is not, the earliest-published copy is the origin whatever the order of arrival.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestArticle, reextractArticles, type ArticleInput } from '../src/index.js';
import { candidatesSql } from '../src/origins/assign.js';
import { freshDb, type TestDb } from './helpers.js';

const text = (name: string) => readFileSync(new URL(`./fixtures/origins/${name}.txt`, import.meta.url), 'utf8');

const wire: ArticleInput = {
  text: text('wire'),
  source: 'Balkan Wire',
  url: 'https://balkanwire.example/2026/03/02/vardar-floods',
  publishedAt: '2026-03-02T09:00:00Z',
};
const republished: ArticleInput = {
  text: text('republished'),
  source: 'Valley Daily',
  url: 'https://valleydaily.example/news/thousands-flee-vardar',
  publishedAt: '2026-03-02T11:30:00Z',
};
const other: ArticleInput = {
  text: text('other'),
  source: 'Capital Times',
  url: 'https://capitaltimes.example/veles-rooftops',
  publishedAt: '2026-03-02T14:00:00Z',
};

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
});
afterAll(async () => t?.close());

/** A new workspace of the test database (each scenario starts from an empty collection). */
async function workspace(slug: string): Promise<number> {
  return (await t.db.workspace.create({ data: { slug, name: slug } })).id;
}

async function ingest(input: ArticleInput, workspaceId: number) {
  const r = await ingestArticle(t.db, input, { workspaceId });
  if (r.status !== 'ingested') throw new Error(`not ingested: ${JSON.stringify(r)}`);
  return r;
}

const origins = async (workspaceId: number) =>
  Object.fromEntries(
    (await t.db.article.findMany({ where: { workspaceId }, select: { url: true, originId: true, id: true } })).map(
      (a) => [a.url, a.originId],
    ),
  );

describe('near-duplicate origins', () => {
  it('links a republished wire story with a new headline and an edited paragraph to its origin, and not another report of the event', async () => {
    const ws = await workspace('origins-in-order');
    const first = await ingest(wire, ws);
    expect(first.originId).toBeNull();
    const copy = await ingest(republished, ws);
    expect(copy.originId).toBe(first.articleId);
    const own = await ingest(other, ws);
    expect(own.originId).toBeNull();
    expect(await origins(ws)).toEqual({ [wire.url!]: null, [republished.url!]: first.articleId, [other.url!]: null });
  });

  it('makes the earliest-published copy the origin when the copy arrives first', async () => {
    const ws = await workspace('origins-copy-first');
    const copy = await ingest(republished, ws);
    expect(copy.originId).toBeNull();
    const first = await ingest(wire, ws);
    expect(first.originId).toBe(first.articleId);
    expect(await origins(ws)).toEqual({ [wire.url!]: null, [republished.url!]: first.articleId });
  });

  it('links two copies written at the same time (neither sees the other before it commits)', async () => {
    const ws = await workspace('origins-concurrent');
    const [a, b] = await Promise.all([ingest(wire, ws), ingest(republished, ws)]);
    const stored = await origins(ws);
    expect(stored).toEqual({ [wire.url!]: null, [republished.url!]: a.articleId });
    // The one that committed second saw the first and named the origin.
    expect([a.originId, b.originId]).toContain(a.articleId);
  });

  it('re-extraction signs articles stored without a signature and links them', async () => {
    const ws = await workspace('origins-reextract');
    const first = await ingest(wire, ws);
    await ingest(republished, ws);
    // As an article stored before signatures existed.
    await t.db.article.updateMany({
      where: { workspaceId: ws },
      data: { minhash: [], shingleCount: null, originId: null },
    });
    await t.db.articleBand.deleteMany({ where: { workspaceId: ws } });
    const r = await reextractArticles(t.db, { workspaceId: ws, all: true });
    expect(r.failed).toEqual([]);
    expect(await origins(ws)).toEqual({ [wire.url!]: null, [republished.url!]: first.articleId });
  });

  it('stays within its workspace', async () => {
    const ws = await workspace('origins-elsewhere');
    expect((await ingest(republished, ws)).originId).toBeNull();
  });

  it('finds candidates through the band index, not a scan of the collection', async () => {
    const [row] = await t.db.$queryRawUnsafe<{ id: number; workspaceId: number; bands: number[] }[]>(
      `SELECT "articleId" AS id, "workspaceId", array_agg(band) AS bands FROM "ArticleBand" GROUP BY 1, 2 LIMIT 1`,
    );
    const q = candidatesSql(row!.workspaceId, row!.id, row!.bands);
    // On a test's few rows a sequential scan is cheaper once autovacuum has analysed the table; with it priced out,
    // the plan still scans the table if the statement cannot use the band index, which is what this checks.
    const rows = await t.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
      return tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${q.text}`, ...q.values);
    });
    const plan = rows.map((p) => p['QUERY PLAN']).join('\n');
    expect(plan).toMatch(/(Index Only Scan using|Index Scan using|Bitmap Index Scan on) "ArticleBand_pkey"/);
    expect(plan).not.toMatch(/Seq Scan on "ArticleBand"/);
  });
});

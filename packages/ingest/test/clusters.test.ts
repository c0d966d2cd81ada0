// Corroboration clusters on real PostgreSQL: a claim joins a cluster only when it corroborates every member it is
// compared with, so a chain A ~ B ~ C, where A and C were never judged the same, is not one cluster.
import { afterAll, describe, expect, it } from 'vitest';
import { ingestArticle, linkArticle } from '../src/index.js';
import { freshDb, type TestDb } from './helpers.js';

// Made-up reports of one happening: BOTH says what COLLAPSE says and what SEARCH says; COLLAPSE and SEARCH share nothing.
const COLLAPSE = 'Mayor Ellen Barrow said the Harlow bridge collapsed during the storm, killing four people.';
const BOTH =
  'Mayor Ellen Barrow said the Harlow bridge collapsed during the storm, killing four people, while rescuers searched the river for survivors through the night.';
const SEARCH = 'Mayor Ellen Barrow said rescuers searched the river for survivors through the night.';
const AGAIN = 'The Harlow bridge collapsed during the storm and killed four people, Mayor Ellen Barrow said.';

const dbs: TestDb[] = [];
afterAll(async () => Promise.all(dbs.map((t) => t.close())));

/** Ingests one-sentence articles of different outlets in this order; returns the clusters as their claims' sorted texts. */
async function clustersOf(texts: string[]) {
  const t = await freshDb();
  dbs.push(t);
  for (const [i, text] of texts.entries()) {
    const r = await ingestArticle(
      t.db,
      { text, source: `Outlet ${i}`, publishedAt: '2026-03-02' },
      { workspaceId: t.workspaceId },
    );
    expect(r.status).toBe('ingested');
  }
  const clusters = async () =>
    (
      await t.db.$queryRawUnsafe<{ texts: string[] }[]>(
        `SELECT array_agg(c.text ORDER BY c.text) AS texts FROM "Claim" c
          WHERE c."clusterId" IS NOT NULL GROUP BY c."clusterId" ORDER BY 1`,
      )
    ).map((r) => r.texts);
  const first = await clusters();
  // Linking every article again changes nothing: a claim turned away stays turned away.
  for (const a of await t.db.article.findMany({ select: { id: true }, orderBy: { id: 'asc' } }))
    await linkArticle(t.db, t.workspaceId, a.id);
  expect(await clusters()).toEqual(first);
  return first;
}

describe('corroboration clusters', () => {
  it('a claim corroborating one member of a cluster but not another does not join it: no chain', async () => {
    expect(await clustersOf([COLLAPSE, BOTH, SEARCH])).toEqual([[COLLAPSE, BOTH].sort()]);
    // In the other order the bridge joins the search, and the collapse stays out.
    expect(await clustersOf([SEARCH, BOTH, COLLAPSE])).toEqual([[SEARCH, BOTH].sort()]);
  }, 120_000);

  it('a claim corroborating every member joins the cluster', async () => {
    const again = 'The Harlow bridge collapsed during the storm and killed four people.'; // its claim, without the attribution
    expect(await clustersOf([COLLAPSE, BOTH, SEARCH, AGAIN])).toEqual([[COLLAPSE, BOTH, again].sort()]);
  }, 120_000);

  it('an older claim left out joins the cluster a later claim forms when it corroborates every member', async () => {
    // Two claims of one article are never compared, so neither joins the other: the later article's claim starts a
    // cluster with the first, and the second, corroborating every member of another article, joins it.
    const twice = `${COLLAPSE} Later, Ellen Barrow told residents that the Harlow bridge collapsed during the storm and killed four people.`;
    const again = 'The Harlow bridge collapsed during the storm and killed four people.';
    expect(await clustersOf([twice, AGAIN])).toEqual([
      [
        COLLAPSE,
        'Later, Ellen Barrow told residents that the Harlow bridge collapsed during the storm and killed four people.',
        again,
      ].sort(),
    ]);
  }, 120_000);
});

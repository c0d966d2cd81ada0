/* eslint-disable @typescript-eslint/no-explicit-any -- responses of ad-hoc GraphQL documents are checked by value, not typed */
// Out of the box: a fresh database after the first start (registry + seeds) filters outlets and claims by AllSides lean.
import { loadDemoCorpus, seedSampleCorpus } from '@claimgraph/ingest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { data } from './testkit/client.js';
import { startSeededApi, type SeededApi } from './testkit/seeded-api.js';

let api: SeededApi;
beforeAll(async () => {
  api = await startSeededApi(async (db, workspaceId) => void (await seedSampleCorpus(db, { workspaceId })));
}, 180_000);
afterAll(async () => api?.stop());

const LEANS = ['left', 'center', 'right'] as const;
const CLAIMS = `query($filter: ClaimFilter) { claims(filter: $filter, first: 100) { totalCount edges { node { source { name labels { scheme value rater } } } } } }`;

describe('AllSides lean ratings out of the box', () => {
  test('the first start knows left, center and right outlets, each label with its rater and page', async () => {
    const r = await data(api.url, `{ biasLabels { scheme value count } }`);
    const lean = r.biasLabels.filter((l: any) => l.scheme === 'lean');
    expect(lean.map((l: any) => l.value).sort()).toEqual(['center', 'left', 'right']);
    for (const l of lean) expect(l.count).toBeGreaterThan(100);
    const right = await data(
      api.url,
      `{ sources(filter: { biasLabels: [{ scheme: "lean", value: "right" }], text: "Washington Times" }) { edges { node { name labels { scheme value rater url note shared } } } } }`,
    );
    const [times] = right.sources.edges.map((e: any) => e.node);
    expect(times.name).toBe('Washington Times');
    expect(times.labels).toEqual([
      expect.objectContaining({
        scheme: 'lean',
        value: 'right',
        rater: 'AllSides',
        url: 'https://www.allsides.com/media-bias/media-bias-ratings',
        shared: true,
        note: expect.stringContaining('Apache-2.0'),
      }),
    ]);
  });

  test('claims of demo articles filter by lean: each lean only its outlets, together all of them', async () => {
    const loaded = await loadDemoCorpus(api.db, { workspaceId: api.workspaceId, limit: 9 });
    expect(loaded).toMatchObject({ total: 9, ingested: 9, failed: [] });
    const outletsOf = new Map<string, Set<string>>();
    let sum = 0;
    for (const value of LEANS) {
      const r = await data(api.url, CLAIMS, {
        filter: { biasLabels: [{ scheme: 'LEAN', value: value.toUpperCase() }] },
      });
      expect(r.claims.totalCount, value).toBeGreaterThan(0);
      sum += r.claims.totalCount;
      for (const { node } of r.claims.edges)
        expect(node.source.labels, node.source.name).toContainEqual({ scheme: 'lean', value, rater: 'AllSides' });
      outletsOf.set(value, new Set(r.claims.edges.map((e: any) => e.node.source.name)));
    }
    for (const name of outletsOf.get('left')!) expect(['CNN', 'Politico']).toContain(name);
    for (const name of outletsOf.get('center')!) expect(['NPR', 'The Flip Side', 'USA TODAY']).toContain(name);
    expect([...outletsOf.get('right')!]).toEqual(['Washington Times']);
    const any = await data(api.url, CLAIMS, {
      filter: { biasLabels: LEANS.map((value) => ({ scheme: 'lean', value })) },
    });
    // The five seed articles' outlets carry no lean: only the demo articles' claims.
    const demoClaims = await api.db.claim.count({
      where: {
        workspaceId: api.workspaceId,
        article: { url: { not: null }, source: { labels: { some: { scheme: 'lean' } } } },
      },
    });
    expect(any.claims.totalCount).toBe(sum);
    expect(sum).toBe(demoClaims);
  });
});

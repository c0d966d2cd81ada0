/* eslint-disable @typescript-eslint/no-explicit-any -- responses of ad-hoc GraphQL documents are checked by value, not typed */
// The research questions against the real seed corpus, ingested through @claimgraph/ingest (extractor + linking).
import { createPrisma, ensureLocalWorkspace, type PrismaClient } from '@claimgraph/db';
import { createTestDatabase } from '@claimgraph/db/testing';
import { seedSampleCorpus } from '@claimgraph/ingest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApi, type RunningApi } from '../src/index.js';
import { data } from './testkit/client.js';

let api: RunningApi;
let db: PrismaClient;
let drop: () => Promise<void>;
beforeAll(async () => {
  const database = await createTestDatabase();
  drop = database.drop;
  db = createPrisma(database.url);
  const { workspaceId } = await ensureLocalWorkspace(db);
  const seeded = await seedSampleCorpus(db, { workspaceId });
  expect(seeded.results.every((r) => r.status === 'ingested')).toBe(true);
  api = await startApi({ databaseUrl: database.url, port: 0, logLevel: 'silent', db });
}, 180_000);
afterAll(async () => {
  await api?.stop();
  await db?.$disconnect();
  await drop?.();
});

const CLAIMS = `query($filter: ClaimFilter) { claims(filter: $filter, first: 100) { totalCount edges { node { id text source { name } attribution { label } } } } }`;
const outlets = (r: any) => [...new Set<string>(r.claims.edges.map((e: any) => e.node.source.name))].sort();

describe('seed corpus', () => {
  test('the registry labels the state outlets', async () => {
    const r = await data(
      api.url,
      `{ sources(filter: { biasLabels: [{ scheme: "state-affiliated" }] }, first: 100) { edges { node { name } } } }`,
    );
    expect(r.sources.edges.map((e: any) => e.node.name)).toEqual(expect.arrayContaining(['CGTN', 'Press TV']));
  });

  test('claims about Soleimani from state-affiliated outlets: CGTN, not American Military News', async () => {
    const r = await data(api.url, CLAIMS, {
      filter: { actorNames: ['Soleimani'], biasLabels: [{ scheme: 'state-affiliated' }] },
    });
    expect(outlets(r)).toContain('CGTN');
    expect(outlets(r)).not.toContain('American Military News');
  });

  test('claims about Israel from state-affiliated outlets: CGTN and Press TV, not Times of Jerusalem', async () => {
    const r = await data(api.url, CLAIMS, {
      filter: { actorNames: ['Israel'], biasLabels: [{ scheme: 'state-affiliated' }] },
    });
    expect(outlets(r)).toEqual(expect.arrayContaining(['CGTN', 'Press TV']));
    expect(outlets(r)).not.toContain('Times of Jerusalem');
  });

  test('contradictions: the missile-count pair with both chains; coverage of it shows blindspots', async () => {
    const r = await data(
      api.url,
      `{ contradictions(filter: { text: "missiles" }, first: 50) { edges { node { slot reason fromValue toValue
      from { id text source { name } attribution { label } } to { id text source { name } attribution { label } } } } } }`,
    );
    const pair = r.contradictions.edges.map((e: any) => e.node).find((n: any) => n.slot === 'count');
    expect([pair.from.source.name, pair.to.source.name, pair.fromValue, pair.toValue]).toEqual([
      'CGTN',
      'American Military News',
      '4',
      '2',
    ]);
    expect(pair.from.attribution.length).toBeGreaterThan(0);
    expect(pair.to.attribution.length).toBeGreaterThan(0);
    const cov = await data(
      api.url,
      `query($id: ID!) { coverage(claimId: $id) { basis carriers { source { name } } blindspots { source { name } } byLabel { scheme value carriers { name } blindspots { name } } } }`,
      { id: pair.from.id },
    );
    const carriers = cov.coverage.carriers.map((c: any) => c.source.name);
    const blind = cov.coverage.blindspots.map((c: any) => c.source.name);
    expect(carriers).toContain('CGTN');
    expect(carriers).not.toContain('American Military News');
    expect(blind).toContain('American Military News');
    expect(cov.coverage.byLabel).toContainEqual({
      scheme: 'state-affiliated',
      value: 'China',
      carriers: [{ name: 'CGTN' }],
      blindspots: [],
    });
  });
});

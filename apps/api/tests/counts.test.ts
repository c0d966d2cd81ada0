/* eslint-disable @typescript-eslint/no-explicit-any -- responses of ad-hoc GraphQL documents are checked by value, not typed */
// Claim counts and facets stay bounded on large result sets: exact below the counting limit, an estimate (marked
// as such) above it; facets over the newest claims only. The limits are lowered to 3 so the seeds cross them.
import { subscribe } from 'node:diagnostics_channel';
import { createPrisma, type PrismaClient } from '@claimgraph/db';
import { createTestDatabase } from '@claimgraph/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer } from '../src/server.js';
import { directStatements } from '../src/sql-list.js';
import { data } from './testkit/client.js';
import { seedScenario } from './testkit/scenario.js';

let db: PrismaClient;
let server: Awaited<ReturnType<typeof createServer>>;
let drop: () => Promise<void>;
let direct = 0;
beforeAll(async () => {
  subscribe(directStatements.name, () => direct++);
  const database = await createTestDatabase();
  drop = database.drop;
  db = createPrisma(database.url);
  await seedScenario(db);
  server = await createServer({
    databaseUrl: database.url,
    port: 0,
    host: '127.0.0.1',
    mode: 'local',
    introspection: true,
    webOrigins: [],
    statementTimeoutMs: 5000,
    maxBodyBytes: 1 << 20,
    dbPool: 2,
    logLevel: 'silent',
    countLimits: { exactCount: 3, facetSample: 3 },
  });
});
afterAll(async () => {
  await server?.stop();
  await db?.$disconnect();
  await drop?.();
});

const COUNTS = /* GraphQL */ `
  query($filter: ClaimFilter) { claims(filter: $filter, first: 1) {
    totalCount count { value exact atLeast }
    facets { exact claimsCounted modalities { modality count } sources { source { name } count } }
  } }`;
const sum = (xs: { count: number }[]) => xs.reduce((n, x) => n + x.count, 0);

describe('claim counts and facets with the counting limit at 3', () => {
  test('a selective filter is counted exactly, facets over every matching claim', async () => {
    const r = await data(server.url, COUNTS, {
      filter: { actorNames: ['Soleimani'], biasLabels: [{ scheme: 'state-affiliated' }] },
    });
    expect(r.claims.count).toEqual({ value: 2, exact: true, atLeast: 2 });
    expect(r.claims.totalCount).toBe(2);
    expect(r.claims.facets.exact).toBe(true);
    expect(r.claims.facets.claimsCounted).toBe(2);
    expect(r.claims.facets.sources).toEqual([{ source: { name: 'CGTN' }, count: 2 }]);
  });

  test('exactly at the limit is still exact', async () => {
    const r = await data(server.url, COUNTS, { filter: { actorNames: ['Israel'] } });
    expect(r.claims.count).toEqual({ value: 3, exact: true, atLeast: 3 });
    expect(r.claims.facets.exact).toBe(true);
    expect(sum(r.claims.facets.sources)).toBe(3);
  });

  test('past the limit: an estimate marked as such, never below what was counted; facets over the newest 3', async () => {
    const r = await data(server.url, COUNTS, {});
    const all = await db.claim.count({ where: { workspace: { slug: 'local' } } });
    expect(all).toBeGreaterThan(3);
    expect(r.claims.count.exact).toBe(false);
    expect(r.claims.count.atLeast).toBe(4);
    expect(r.claims.count.value).toBeGreaterThanOrEqual(4);
    expect(r.claims.totalCount).toBe(r.claims.count.value);
    expect(r.claims.facets.exact).toBe(false);
    expect(r.claims.facets.claimsCounted).toBe(3);
    expect(sum(r.claims.facets.modalities)).toBe(3);
    // The newest three claims, as the page lists them.
    const newest = await data(server.url, `{ claims(first: 3) { edges { node { source { name } } } } }`);
    const expected: Record<string, number> = {};
    for (const e of newest.claims.edges as any[])
      expected[e.node.source.name] = (expected[e.node.source.name] ?? 0) + 1;
    expect(Object.fromEntries(r.claims.facets.sources.map((s: any) => [s.source.name, s.count]))).toEqual(expected);
  });

  test('counted once: with facets asked too, their statement gives the count; alone, a bounded count', async () => {
    const filter = { actorNames: ['Soleimani'] };
    direct = 0;
    const both = await data(server.url, COUNTS, { filter });
    expect(direct).toBe(3); // page + facets, then the facets' outlets (the outlet loader reads on the direct pool too)
    direct = 0;
    const alone = await data(
      server.url,
      `query($filter: ClaimFilter) { claims(filter: $filter, first: 1) { count { value exact atLeast } } }`,
      { filter },
    );
    expect(direct).toBe(2); // page + bounded count
    expect(alone.claims.count).toEqual(both.claims.count);
    const all = await data(server.url, `{ claims(first: 1) { count { exact atLeast } } }`);
    expect(all.claims.count).toEqual({ exact: false, atLeast: 4 });
  });

  test('a dropped idle connection of the direct pool does not take the API down', async () => {
    await data(server.url, `{ claims(first: 1) { count { value } } }`);
    const killed = await db.$queryRaw<{ ok: boolean }[]>`
      SELECT pg_terminate_backend(pid) AS ok FROM (
        SELECT pid FROM pg_stat_activity WHERE application_name = 'claimgraph-api-direct' AND datname = current_database() OFFSET 0) t`;
    expect(killed.length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 200));
    const r = await data(server.url, `{ claims(first: 1) { count { value } } }`);
    expect(r.claims.count.value).toBeGreaterThan(0);
  });
});

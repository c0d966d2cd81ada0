// GraphQL-over-HTTP conformance (graphql-http's server audit) against the running API: no MUST may fail.
// Statement timeouts and internal failures are masked with stable codes.
import { auditServer } from 'graphql-http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { errorCodes } from './testkit/client.js';
import { startTestApi, type TestApi } from './testkit/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.stop());

test('graphql-http server audit: 0 errors', async () => {
  const results = await auditServer({ url: api.url });
  const byStatus = { ok: 0, notice: 0, warn: 0, error: 0 };
  for (const r of results) byStatus[r.status]++;
  const notOk = results.filter((r) => r.status !== 'ok').map((r) => `${r.status} ${r.id} ${r.name}`);
  console.log(`graphql-http audit: ${JSON.stringify(byStatus)}\n${notOk.join('\n')}`);
  expect(
    results.filter((r) => r.status === 'error').map((r) => `${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`),
  ).toEqual([]);
  expect(byStatus.ok).toBeGreaterThan(50);
});

test('DATABASE_TIMEOUT when a statement runs past the timeout', async () => {
  // Hold a lock on Claim so the explorer's statement waits past the 5 s statement timeout of the test client.
  await api.db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe('LOCK TABLE "Claim" IN ACCESS EXCLUSIVE MODE');
      const { codes, body } = await errorCodes(api.url, '{ claims { totalCount } }');
      expect(codes).toEqual(['DATABASE_TIMEOUT']);
      expect(JSON.stringify(body)).not.toMatch(/canceling|Claim"/);
    },
    { timeout: 20_000 },
  );
}, 30_000);

test('INTERNAL_SERVER_ERROR hides the cause', async () => {
  await api.db.$executeRawUnsafe('ALTER TABLE "ClaimCluster" RENAME TO "ClaimClusterMoved"');
  try {
    const { codes, body } = await errorCodes(
      api.url,
      '{ claims(first: 20) { edges { node { cluster { summary } } } } }',
    );
    expect(codes.every((c) => c === 'INTERNAL_SERVER_ERROR')).toBe(true);
    expect(JSON.stringify(body)).not.toMatch(/ClaimCluster|relation|prisma|stack/i);
  } finally {
    await api.db.$executeRawUnsafe('ALTER TABLE "ClaimClusterMoved" RENAME TO "ClaimCluster"');
  }
});

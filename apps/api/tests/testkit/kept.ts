/* eslint-disable @typescript-eslint/no-explicit-any -- answers of ad-hoc GraphQL documents are compared by value */
// What the kept aggregates' tests (timeline, coverage matrix) share: a seeded API, the kept rows against a rebuild,
// the API's answers from the kept rows against the same answers computed from the claims, and the fold a large read
// starts after answering.
import { seedSampleCorpus } from '@claimgraph/ingest';
import { expect } from 'vitest';
import { toGlobalId } from '../../src/ids.js';
import { data } from './client.js';
import { startSeededApi, type SeededApi } from './seeded-api.js';

export interface KeptApi extends SeededApi {
  /** Every modality: a filter on all of them matches every claim but is not a kept series, so it is computed. */
  modalities: string[];
}

export async function startKeptApi(): Promise<KeptApi> {
  const api = await startSeededApi(async (db, workspaceId) => void (await seedSampleCorpus(db, { workspaceId })));
  const [row] = await api.db.$queryRaw<{ m: string[] }[]>`SELECT enum_range(NULL::"Modality")::text[] AS m`;
  return { ...api, modalities: row!.m };
}

/** The workspace's actors with the most claims (the timeline series most worth checking). */
export const topActors = async (api: SeededApi, n: number) =>
  (
    await api.db.$queryRaw<
      { id: number }[]
    >`SELECT "actorId" AS id FROM "ClaimActor" WHERE "workspaceId" = ${api.workspaceId}
      GROUP BY "actorId" ORDER BY count(DISTINCT "claimId") DESC, "actorId" LIMIT ${n}`
  ).map((a) => a.id);

/** The kept rows (summed per key by `sums`) equal what `rebuild` computes from the claims, which then replaces them. */
export async function expectRebuildKeeps(sums: () => Promise<unknown[]>, rebuild: () => Promise<unknown>) {
  const kept = await sums();
  expect(kept.length).toBeGreaterThan(0);
  await rebuild();
  expect(await sums()).toEqual(kept);
}

/**
 * For the workspace and for each actor, each variant's answer (`query` takes the filter as `$f`) from the kept rows
 * equals the one computed from the claims. Returns the kept answers.
 */
export async function expectKeptAnswers(
  api: KeptApi,
  query: string,
  variants: Record<string, unknown>[],
  actorIds: number[],
): Promise<any[]> {
  const answers = [];
  for (const actors of [null, ...actorIds.map((id) => [toGlobalId('Actor', id)])]) {
    for (const variant of variants) {
      const kept = await data(api.url, query, { ...variant, f: actors ? { actorIds: actors } : null });
      const computed = await data(api.url, query, {
        ...variant,
        f: { ...(actors ? { actorIds: actors } : {}), modalities: api.modalities },
      });
      expect(kept).toEqual(computed);
      answers.push(kept);
    }
  }
  return answers;
}

/**
 * After `offsetting` rows were appended, a read answers and then folds them away in the background (polled for up
 * to 5 s); the next read gives the same answer.
 */
export async function expectFoldAfterRead(count: () => Promise<number>, offsetting: number, read: () => Promise<any>) {
  const before = await count();
  const answer = await read();
  let after = before;
  for (let i = 0; i < 100 && after > before - offsetting; i++) {
    await new Promise((r) => setTimeout(r, 50));
    after = await count();
  }
  expect(after).toBeLessThanOrEqual(before - offsetting);
  expect(await read()).toEqual(answer);
}

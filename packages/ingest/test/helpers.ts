import { createPrisma, ensureLocalWorkspace, RESEARCH_TABLES, type PrismaClient } from '@claimgraph/db';
import { createTestDatabase } from '@claimgraph/db/testing';

export interface TestDb {
  url: string;
  db: PrismaClient;
  workspaceId: number;
  close(): Promise<void>;
}

/** A fresh migrated database with the local workspace. */
export async function freshDb(): Promise<TestDb> {
  const t = await createTestDatabase();
  const db = createPrisma(t.url, { max: 20 });
  const { workspaceId } = await ensureLocalWorkspace(db);
  return {
    url: t.url,
    db,
    workspaceId,
    close: async () => {
      await db.$disconnect();
      await t.drop();
    },
  };
}

/** Row counts of every research table of the workspace-independent schema (for "nothing partial stored"). */
export async function rowCounts(db: PrismaClient): Promise<Record<string, number>> {
  const tables = [...RESEARCH_TABLES, 'Source', 'BiasLabel'];
  const out: Record<string, number> = {};
  for (const t of tables) {
    const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${t}"`);
    out[t] = Number(rows[0]!.n);
  }
  return out;
}

/** What no ingestion order changes: articles, claims with their chains, and actor names (by content hash and extraction key, not ids). */
export async function orderFree(t: TestDb) {
  const q = async (text: string) => (await t.db.$queryRawUnsafe<{ v: string }[]>(text)).map((r) => r.v).sort();
  return {
    articles: await q(`SELECT "contentHash" AS v FROM "Article"`),
    claims:
      await q(`SELECT a."contentHash" || ':' || c."extractionKey" || ':' || c.text || ':' || (SELECT count(*) FROM "ClaimAttribution" ca WHERE ca."claimId" = c.id) AS v
                       FROM "Claim" c JOIN "Article" a ON a.id = c."articleId"`),
    actorNames: await q(`SELECT DISTINCT normalized AS v FROM "ActorAlias"`),
  };
}

// What linking stored: the contradictions, and the clusters as sets of claims.
export const links = async (t: TestDb) => ({
  relations: await t.db.$queryRawUnsafe<unknown[]>(
    `SELECT "fromClaimId", "toClaimId", kind, slot FROM "ClaimRelation" ORDER BY 1, 2, 3, 4`,
  ),
  clusters: await t.db.$queryRawUnsafe<unknown[]>(
    `SELECT array_agg(id ORDER BY id) AS claims FROM "Claim" WHERE "clusterId" IS NOT NULL GROUP BY "clusterId" ORDER BY 1`,
  ),
});
// Every link undone and every article pending.
export const unlinkAll = async (t: TestDb) => {
  await t.db.$executeRawUnsafe(`DELETE FROM "ClaimRelation"`);
  await t.db.$executeRawUnsafe(`UPDATE "Claim" SET "clusterId" = NULL, "clusterReason" = NULL`);
  await t.db.$executeRawUnsafe(`DELETE FROM "ClaimCluster"`);
  await t.db.$executeRawUnsafe(`UPDATE "Article" SET "linkedAt" = NULL`);
};

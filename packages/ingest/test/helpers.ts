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

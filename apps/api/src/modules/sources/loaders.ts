import { Prisma, type BiasLabel, type PrismaClient, type Source } from '@claimgraph/db';
import DataLoader from 'dataloader';
import { byKey, groupByKey } from '../../loader-utils.js';
import type { DirectDb } from '../../sql-list.js';
import { visibleSource } from './filter-sql.js';

// Outlets and their labels come through the direct pool (named statements, no Prisma decoding), as the claim loaders.
// Outlets are the workspace's own or the shared registry's: another workspace's id loads as null.
export function createSourceLoaders(db: PrismaClient, direct: DirectDb, workspaceId: number) {
  return {
    source: new DataLoader<number, Source | null>(async (ids) =>
      byKey(
        ids,
        await direct.rows<Source>(
          Prisma.sql`SELECT * FROM "Source" WHERE id = ANY(${[...ids]}::int[]) AND ${visibleSource('"Source"', workspaceId)}`,
        ),
        (s) => s.id,
      ),
    ),
    labelsBySource: new DataLoader<number, BiasLabel[]>(async (ids) =>
      groupByKey(
        ids,
        await direct.rows<BiasLabel>(Prisma.sql`
          SELECT * FROM "BiasLabel" WHERE "sourceId" = ANY(${[...ids]}::int[]) AND "retiredAt" IS NULL AND ("workspaceId" IS NULL OR "workspaceId" = ${workspaceId})
          ORDER BY scheme, value, id`),
        (l) => l.sourceId,
      ),
    ),
    biasLabel: new DataLoader<number, BiasLabel | null>(async (ids) =>
      byKey(
        ids,
        await db.biasLabel.findMany({ where: { id: { in: [...ids] }, OR: [{ workspaceId: null }, { workspaceId }] } }),
        (l) => l.id,
      ),
    ),
  };
}

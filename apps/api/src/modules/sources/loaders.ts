import type { BiasLabel, PrismaClient, Source } from '@claimgraph/db';
import DataLoader from 'dataloader';
import { byKey, groupByKey } from '../../loader-utils.js';

export function createSourceLoaders(db: PrismaClient, workspaceId: number) {
  return {
    source: new DataLoader<number, Source | null>(async (ids) =>
      byKey(ids, await db.source.findMany({ where: { id: { in: [...ids] } } }), (s) => s.id),
    ),
    labelsBySource: new DataLoader<number, BiasLabel[]>(async (ids) =>
      groupByKey(
        ids,
        await db.biasLabel.findMany({
          where: { sourceId: { in: [...ids] }, retiredAt: null, OR: [{ workspaceId: null }, { workspaceId }] },
          orderBy: [{ scheme: 'asc' }, { value: 'asc' }, { id: 'asc' }],
        }),
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

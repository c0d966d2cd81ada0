import type { Claim, ClaimActor, ClaimAttribution, ClaimCluster, ClaimRelation, PrismaClient } from '@claimgraph/db';
import DataLoader from 'dataloader';
import { byKey, groupByKey } from '../../loader-utils.js';

export function createClaimLoaders(db: PrismaClient, workspaceId: number) {
  return {
    claim: new DataLoader<number, Claim | null>(async (ids) =>
      byKey(ids, await db.claim.findMany({ where: { id: { in: [...ids] }, workspaceId } }), (c) => c.id),
    ),
    claimsByArticle: new DataLoader<number, Claim[]>(async (ids) =>
      groupByKey(
        ids,
        await db.claim.findMany({ where: { articleId: { in: [...ids] }, workspaceId }, orderBy: [{ evidenceStart: 'asc' }, { id: 'asc' }] }),
        (c) => c.articleId,
      ),
    ),
    claimsByCluster: new DataLoader<number, Claim[]>(async (ids) =>
      groupByKey(
        ids,
        await db.claim.findMany({ where: { clusterId: { in: [...ids] }, workspaceId }, orderBy: { id: 'asc' }, take: 500 * ids.length }),
        (c) => c.clusterId ?? 0,
      ),
    ),
    cluster: new DataLoader<number, ClaimCluster | null>(async (ids) =>
      byKey(ids, await db.claimCluster.findMany({ where: { id: { in: [...ids] }, workspaceId } }), (c) => c.id),
    ),
    attributionByClaim: new DataLoader<number, ClaimAttribution[]>(async (ids) =>
      groupByKey(ids, await db.claimAttribution.findMany({ where: { claimId: { in: [...ids] } }, orderBy: { position: 'asc' } }), (a) => a.claimId),
    ),
    actorsByClaim: new DataLoader<number, ClaimActor[]>(async (ids) =>
      groupByKey(
        ids,
        await db.claimActor.findMany({ where: { claimId: { in: [...ids] } }, orderBy: [{ role: 'asc' }, { actorId: 'asc' }] }),
        (a) => a.claimId,
      ),
    ),
    relationsByClaim: new DataLoader<number, ClaimRelation[]>(async (ids) => {
      const rows = await db.claimRelation.findMany({
        where: { workspaceId, OR: [{ fromClaimId: { in: [...ids] } }, { toClaimId: { in: [...ids] } }] },
        orderBy: { id: 'asc' },
      });
      return ids.map((id) => rows.filter((r) => r.fromClaimId === id || r.toClaimId === id));
    }),
    relation: new DataLoader<number, ClaimRelation | null>(async (ids) =>
      byKey(ids, await db.claimRelation.findMany({ where: { id: { in: [...ids] }, workspaceId } }), (r) => r.id),
    ),
  };
}

import type { Actor, Claim, ClaimActor, ClaimAttribution, ClaimCluster, ClaimRelation, PrismaClient } from '@claimgraph/db';
import DataLoader from 'dataloader';
import { byKey, groupByKey } from '../../loader-utils.js';

export type ClaimActorWithActor = ClaimActor & { actor: Actor };

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
      groupByKey(
        ids,
        await db.$queryRaw<ClaimAttribution[]>`SELECT * FROM "ClaimAttribution" WHERE "claimId" = ANY(${[...ids]}::int[]) AND "workspaceId" = ${workspaceId} ORDER BY "claimId", position`,
        (a) => a.claimId,
      ),
    ),
    /** Each link carries its actor row (one join), so Claim.actors needs no second round trip. */
    actorsByClaim: new DataLoader<number, ClaimActorWithActor[]>(async (ids) => {
      const rows = await db.$queryRaw<(ClaimActor & { a: Actor })[]>`
        SELECT ca."claimId", ca."actorId", ca.role, row_to_json(a) AS a FROM "ClaimActor" ca JOIN "Actor" a ON a.id = ca."actorId"
        WHERE ca."claimId" = ANY(${[...ids]}::int[]) AND a."workspaceId" = ${workspaceId} ORDER BY ca."claimId", ca.role, ca."actorId"`;
      return groupByKey(
        ids,
        rows.map(({ a, ...link }) => ({ ...link, actor: { ...a, createdAt: new Date(a.createdAt) } })),
        (l) => l.claimId,
      );
    }),
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

import type {
  Actor,
  Claim,
  ClaimActor,
  ClaimAttribution,
  ClaimCluster,
  ClaimRelation,
  PrismaClient,
} from '@claimgraph/db';
import { Prisma } from '@claimgraph/db';
import DataLoader from 'dataloader';
import { byKey, groupByKey } from '../../loader-utils.js';
import type { DirectDb } from '../../sql-list.js';

/** Every column of the Prisma models (search vectors aside), as their rows have them, for the direct pool. */
export const CLAIM_ROW =
  Prisma.raw(`"id", "workspaceId", "articleId", "sourceId", "extractionKey", "text", "evidenceStart",
  "evidenceEnd", "modality", "eventId", "clusterId", "clusterReason", "reviewStatus", "reviewNote", "slots", "createdAt", "publishedAt"`);
export const RELATION_ROW = Prisma.raw(
  `"id", "workspaceId", "fromClaimId", "toClaimId", "kind", "reason", "slot", "fromValue", "toValue", "createdAt"`,
);

export type ClaimActorWithActor = ClaimActor & { actor: Actor };

/**
 * Claims, their chains, actors, relations and corroborations come through the direct pool (the contradictions list's
 * claims, the claim page's relations and the contradicting claim): Prisma's query compilation and result decoding
 * were a large part of the API's own CPU for a list of 20 contradictions. Same rows, same statement count.
 */
export function createClaimLoaders(db: PrismaClient, direct: DirectDb, workspaceId: number) {
  return {
    claim: new DataLoader<number, Claim | null>(async (ids) =>
      byKey(
        ids,
        await direct.rows<Claim>(
          Prisma.sql`SELECT ${CLAIM_ROW} FROM "Claim" WHERE id = ANY(${[...ids]}::int[]) AND "workspaceId" = ${workspaceId}`,
        ),
        (c) => c.id,
      ),
    ),
    claimsByArticle: new DataLoader<number, Claim[]>(async (ids) =>
      groupByKey(
        ids,
        await db.claim.findMany({
          where: { articleId: { in: [...ids] }, workspaceId },
          orderBy: [{ evidenceStart: 'asc' }, { id: 'asc' }],
        }),
        (c) => c.articleId,
      ),
    ),
    claimsByCluster: new DataLoader<number, Claim[]>(async (ids) =>
      groupByKey(
        ids,
        await db.claim.findMany({
          where: { clusterId: { in: [...ids] }, workspaceId },
          orderBy: { id: 'asc' },
          take: 500 * ids.length,
        }),
        (c) => c.clusterId ?? 0,
      ),
    ),
    cluster: new DataLoader<number, ClaimCluster | null>(async (ids) =>
      byKey(ids, await db.claimCluster.findMany({ where: { id: { in: [...ids] }, workspaceId } }), (c) => c.id),
    ),
    attributionByClaim: new DataLoader<number, ClaimAttribution[]>(async (ids) =>
      groupByKey(
        ids,
        await direct.rows<ClaimAttribution>(
          Prisma.sql`SELECT * FROM "ClaimAttribution" WHERE "claimId" = ANY(${[...ids]}::int[]) AND "workspaceId" = ${workspaceId} ORDER BY "claimId", position`,
        ),
        (a) => a.claimId,
      ),
    ),
    /** Each link carries its actor row (one join), so Claim.actors needs no second round trip. */
    actorsByClaim: new DataLoader<number, ClaimActorWithActor[]>(async (ids) => {
      const rows = await direct.rows<ClaimActor & { a: Actor }>(Prisma.sql`
        SELECT ca."claimId", ca."actorId", ca.role, row_to_json(a) AS a FROM "ClaimActor" ca JOIN "Actor" a ON a.id = ca."actorId"
        WHERE ca."claimId" = ANY(${[...ids]}::int[]) AND a."workspaceId" = ${workspaceId} ORDER BY ca."claimId", ca.role, ca."actorId"`);
      return groupByKey(
        ids,
        rows.map(({ a, ...link }) => ({ ...link, actor: { ...a, createdAt: new Date(a.createdAt) } })),
        (l) => l.claimId,
      );
    }),
    relationsByClaim: new DataLoader<number, ClaimRelation[]>(async (ids) => {
      const rows = await direct.rows<ClaimRelation>(Prisma.sql`SELECT ${RELATION_ROW} FROM "ClaimRelation"
        WHERE "workspaceId" = ${workspaceId} AND ("fromClaimId" = ANY(${[...ids]}::int[]) OR "toClaimId" = ANY(${[...ids]}::int[]))
        ORDER BY id`);
      return ids.map((id) => rows.filter((r) => r.fromClaimId === id || r.toClaimId === id));
    }),
    /**
     * Corroborations are cluster membership: each claim's fellow members from other articles (the first 500), with
     * the reason each joined, except those a stored relation already ties to the claim (a contradiction, SAME_AS).
     */
    corroborationsByClaim: new DataLoader<number, { claimId: number; otherClaimId: number; reason: string | null }[]>(
      async (ids) =>
        groupByKey(
          ids,
          await direct.rows<{ claimId: number; otherClaimId: number; reason: string | null }>(Prisma.sql`
          SELECT c.id AS "claimId", o.id AS "otherClaimId", o."clusterReason" AS reason
            FROM "Claim" c
            CROSS JOIN LATERAL (SELECT o.id, o."clusterReason" FROM "Claim" o
                                 WHERE o."clusterId" = c."clusterId" AND o."workspaceId" = ${workspaceId} AND o."articleId" <> c."articleId"
                                   AND NOT EXISTS (SELECT 1 FROM "ClaimRelation" r WHERE r."workspaceId" = ${workspaceId}
                                                     AND ((r."fromClaimId" = c.id AND r."toClaimId" = o.id) OR (r."fromClaimId" = o.id AND r."toClaimId" = c.id)))
                                 ORDER BY o.id LIMIT 500) o
           WHERE c.id = ANY(${[...ids]}::int[]) AND c."workspaceId" = ${workspaceId} AND c."clusterId" IS NOT NULL
           ORDER BY c.id, o.id`),
          (r) => r.claimId,
        ),
    ),
    relation: new DataLoader<number, ClaimRelation | null>(async (ids) =>
      byKey(
        ids,
        await direct.rows<ClaimRelation>(
          Prisma.sql`SELECT ${RELATION_ROW} FROM "ClaimRelation" WHERE id = ANY(${[...ids]}::int[]) AND "workspaceId" = ${workspaceId}`,
        ),
        (r) => r.id,
      ),
    ),
  };
}

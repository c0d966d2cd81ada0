import type { Actor, ActorAlias, PrismaClient } from '@claimgraph/db';
import DataLoader from 'dataloader';
import { byKey, groupByKey } from '../../loader-utils.js';

export function createActorLoaders(db: PrismaClient, workspaceId: number) {
  return {
    actor: new DataLoader<number, Actor | null>(async (ids) =>
      byKey(ids, await db.actor.findMany({ where: { id: { in: [...ids] }, workspaceId } }), (a) => a.id),
    ),
    aliasesByActor: new DataLoader<number, ActorAlias[]>(async (ids) =>
      groupByKey(
        ids,
        await db.actorAlias.findMany({ where: { actorId: { in: [...ids] }, workspaceId }, orderBy: { id: 'asc' } }),
        (a) => a.actorId,
      ),
    ),
    claimCountByActor: new DataLoader<number, number>(async (ids) => {
      const rows = await db.$queryRaw<{ actorId: number; n: number }[]>`
        SELECT "actorId", count(DISTINCT "claimId")::int AS n FROM "ClaimActor" WHERE "actorId" = ANY(${[...ids]}::int[]) AND "workspaceId" = ${workspaceId} GROUP BY "actorId"`;
      const map = new Map(rows.map((r) => [r.actorId, r.n]));
      return ids.map((id) => map.get(id) ?? 0);
    }),
  };
}

import { Prisma, type Event, type EventActor, type EventMention, type PrismaClient } from '@claimgraph/db';
import DataLoader from 'dataloader';
import { byKey, groupByKey } from '../../loader-utils.js';
import type { DirectDb } from '../../sql-list.js';

export function createEventLoaders(db: PrismaClient, direct: DirectDb, workspaceId: number) {
  return {
    // Through the direct pool, as the claim loaders: the claim page and the explorer's rows read their events.
    event: new DataLoader<number, Event | null>(async (ids) =>
      byKey(
        ids,
        await direct.rows<Event>(
          Prisma.sql`SELECT * FROM "Event" WHERE id = ANY(${[...ids]}::int[]) AND "workspaceId" = ${workspaceId}`,
        ),
        (e) => e.id,
      ),
    ),
    participantsByEvent: new DataLoader<number, EventActor[]>(async (ids) =>
      groupByKey(
        ids,
        await db.eventActor.findMany({
          where: { eventId: { in: [...ids] }, workspaceId },
          orderBy: [{ role: 'asc' }, { actorId: 'asc' }],
        }),
        (e) => e.eventId,
      ),
    ),
    mentionsByEvent: new DataLoader<number, EventMention[]>(async (ids) =>
      groupByKey(
        ids,
        await db.eventMention.findMany({ where: { eventId: { in: [...ids] }, workspaceId }, orderBy: { id: 'asc' } }),
        (m) => m.eventId,
      ),
    ),
    claimCountByEvent: new DataLoader<number, number>(async (ids) => {
      const rows = await db.$queryRaw<{ eventId: number; n: number }[]>`
        SELECT "eventId", count(*)::int AS n FROM "Claim" WHERE "eventId" = ANY(${[...ids]}::int[]) AND "workspaceId" = ${workspaceId} GROUP BY "eventId"`;
      const map = new Map(rows.map((r) => [r.eventId, r.n]));
      return ids.map((id) => map.get(id) ?? 0);
    }),
  };
}

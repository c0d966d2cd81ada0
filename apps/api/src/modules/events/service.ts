import { Prisma, type Event } from '@claimgraph/db';
import { z } from 'zod';
import { assertCan } from '../../auth.js';
import type { Context } from '../../context.js';
import { loadOrThrow } from '../../loader-utils.js';
import { idsOf } from '../../ids.js';
import { readPage, toConnection, type PageArgs } from '../../pagination.js';
import { countRows, keysetList } from '../../sql-list.js';
import { resolveActorNames } from '../actors/service.js';
import { CommonFilterModel } from '../filters.js';
import { and, resolveLabelGroups, sourceHasLabels } from '../sources/filter-sql.js';
import { parseOrThrow } from '../validation-utils.js';
import type { EventFilter } from '../../__generated__/resolvers.js';

export const EventFilterModel = z.intersection(
  CommonFilterModel,
  z.object({ types: z.array(z.string()).max(20).nullish() }),
);

export async function getEvent(ctx: Context, id: number): Promise<Event> {
  assertCan(ctx.viewer, 'workspace:read');
  return loadOrThrow(ctx.loaders.event, 'Event', id);
}

export async function listEvents(ctx: Context, rawFilter: EventFilter | null | undefined, args: PageArgs) {
  assertCan(ctx.viewer, 'workspace:read');
  const f = parseOrThrow(EventFilterModel, rawFilter ?? {}, 'filter');
  const page = readPage(args);
  const ws = ctx.viewer.workspaceId;
  const conds = [Prisma.sql`e."workspaceId" = ${ws}`];
  if (f.actorIds?.length || f.actorNames?.length) {
    const actorIds = [
      ...idsOf(f.actorIds, 'Actor'),
      ...(f.actorNames?.length ? await resolveActorNames(ctx.db, ws, f.actorNames) : []),
    ];
    conds.push(
      Prisma.sql`e.id IN (SELECT ea."eventId" FROM "EventActor" ea WHERE ea."actorId" = ANY(${actorIds}::int[]))`,
    );
  }
  if (f.types?.length) conds.push(Prisma.sql`e.type::text = ANY(${f.types}::text[])`);
  const reporting: Prisma.Sql[] = [];
  if (f.sourceIds?.length) reporting.push(Prisma.sql`a."sourceId" = ANY(${idsOf(f.sourceIds, 'Source')}::int[])`);
  reporting.push(
    ...sourceHasLabels(
      Prisma.sql`a."sourceId"`,
      await resolveLabelGroups(ctx.db, ws, f.biasLabels ?? []),
      f.biasLabelMatch ?? 'ANY',
      ws,
    ),
  );
  if (reporting.length) {
    conds.push(Prisma.sql`e.id IN (SELECT em."eventId" FROM "EventMention" em JOIN "Article" a ON a.id = em."articleId" WHERE ${and(reporting)}
      UNION SELECT c."eventId" FROM "Claim" c JOIN "Article" a ON a.id = c."articleId" WHERE c."eventId" IS NOT NULL AND ${and(reporting)})`);
  }
  if (f.from) conds.push(Prisma.sql`e."occurredAt" >= ${f.from}`);
  if (f.to) conds.push(Prisma.sql`e."occurredAt" < ${f.to}`);
  if (f.text) {
    const like = `%${f.text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    conds.push(Prisma.sql`(e.summary ILIKE ${like} OR coalesce(e.place, '') ILIKE ${like})`);
  }
  const from = Prisma.sql`"Event" e`;
  const where = and(conds);
  const rows = await keysetList<Event>(
    ctx.db,
    { columns: Prisma.sql`e.*`, from, where, idColumn: Prisma.sql`e.id`, rank: null },
    page,
  );
  for (const r of rows) ctx.loaders.event.prime(r.id, r);
  return { ...toConnection(rows, page), totalCount: () => countRows(ctx.db, from, where) };
}

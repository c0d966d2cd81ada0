// Editors' merges and splits of events (see ../writes.ts for what every write does).
import { audit } from '@claimgraph/auth';
import { requestRelink, unlinkForSplit } from '@claimgraph/ingest';
import { assertCan } from '../../auth.js';
import type { Context } from '../../context.js';
import { ExpectedError, parseInput } from '../access/payload.js';
import { pinClaimsToEvent } from '../claims/corrections.js';
import { relinkAfterMerge } from '../ingest/port.js';
import { assertAllIn, MergeModel, notFound, write } from '../writes.js';
import { SplitEventModel } from './validation.js';

export async function mergeEvents(ctx: Context, into: number, ids: number[]) {
  assertCan(ctx.viewer, 'event:merge');
  let relink: number[] = [];
  const payload = await write(ctx, async (tx, viewer) => {
    const input = parseInput(MergeModel, { into, ids: ids.filter((i) => i !== into) }, 'eventIds');
    const sources = [...new Set(input.ids)];
    const all = [input.into, ...sources];
    const events = await tx.event.findMany({ where: { id: { in: all }, workspaceId: viewer.workspaceId } });
    await assertAllIn(events, all, 'Event');
    // The merged events' articles are linked again: as one happening their claims may now meet others'.
    relink = await requestRelink(tx, viewer.workspaceId, { eventIds: sources });
    const claims = await tx.claim.findMany({
      where: { eventId: { in: sources }, workspaceId: viewer.workspaceId },
      select: { id: true, articleId: true, extractionKey: true, eventId: true },
    });
    await tx.$executeRaw`
      UPDATE "EventMention" m SET "eventId" = ${input.into} WHERE m."eventId" = ANY(${sources})
        AND NOT EXISTS (SELECT 1 FROM "EventMention" t WHERE t."eventId" = ${input.into} AND t."articleId" = m."articleId" AND t.surface = m.surface)`;
    await tx.$executeRaw`
      INSERT INTO "EventActor" ("workspaceId", "eventId", "actorId", role) SELECT "workspaceId", ${input.into}, "actorId", role FROM "EventActor" WHERE "eventId" = ANY(${sources})
      ON CONFLICT DO NOTHING`;
    await tx.claim.updateMany({
      where: { eventId: { in: sources }, workspaceId: viewer.workspaceId },
      data: { eventId: input.into },
    });
    await pinClaimsToEvent(tx, viewer, claims, input.into);
    await tx.event.deleteMany({ where: { id: { in: sources } } });
    await audit(
      tx,
      viewer,
      'event.merge',
      'Event',
      input.into,
      { events: events.map(({ id, type, summary, occurredAt, place }) => ({ id, type, summary, occurredAt, place })) },
      {
        into: input.into,
        merged: sources,
        claimIds: claims.map((c) => c.id),
      },
    );
    return tx.event.findUniqueOrThrow({ where: { id: input.into } });
  });
  if (payload.ok) await relinkAfterMerge(ctx, ctx.viewer.workspaceId, relink);
  return payload;
}

export async function splitEvent(ctx: Context, id: number, raw: unknown) {
  assertCan(ctx.viewer, 'event:split');
  let relink: number[] = [];
  const payload = await write(ctx, async (tx, viewer) => {
    const input = parseInput(SplitEventModel, raw, 'input');
    const event = await tx.event.findFirst({ where: { id, workspaceId: viewer.workspaceId } });
    if (!event) throw notFound('Event', id);
    const claimIds = [...new Set(input.claimIds)];
    const claims = await tx.claim.findMany({
      where: { id: { in: claimIds }, workspaceId: viewer.workspaceId, eventId: id },
    });
    const stray = claimIds.find((c) => !claims.some((x) => x.id === c));
    if (stray !== undefined)
      throw new ExpectedError('INVALID_INPUT', `Claim ${stray} is not a claim of event ${id}`, [
        { path: 'input.claimIds', message: `Claim ${stray} is not on this event` },
      ]);
    const remaining = await tx.claim.count({ where: { eventId: id, id: { notIn: claimIds } } });
    if (remaining === 0)
      throw new ExpectedError('INVALID_INPUT', 'Leave at least one claim on the original event', [
        { path: 'input.claimIds', message: 'Leave at least one claim' },
      ]);
    const created = await tx.event.create({
      data: {
        workspaceId: viewer.workspaceId,
        type: event.type,
        summary: input.summary ?? event.summary,
        occurredAt: event.occurredAt,
        occurredPrecision: event.occurredPrecision,
        place: event.place,
      },
    });
    await tx.$executeRaw`INSERT INTO "EventActor" ("workspaceId", "eventId", "actorId", role) SELECT "workspaceId", ${created.id}, "actorId", role FROM "EventActor" WHERE "eventId" = ${id}`;
    // The moved claims are about another happening now: their links are undone and found again (unlinkForSplit).
    relink = await unlinkForSplit(tx, viewer.workspaceId, claimIds);
    await tx.claim.updateMany({ where: { id: { in: claimIds } }, data: { eventId: created.id } });
    // Articles whose every claim of the event moved take their mentions along.
    const articles = [...new Set(claims.map((c) => c.articleId))];
    await tx.$executeRaw`
      UPDATE "EventMention" m SET "eventId" = ${created.id} WHERE m."eventId" = ${id} AND m."articleId" = ANY(${articles})
        AND NOT EXISTS (SELECT 1 FROM "Claim" c WHERE c."eventId" = ${id} AND c."articleId" = m."articleId")`;
    await pinClaimsToEvent(tx, viewer, claims, created.id);
    await audit(
      tx,
      viewer,
      'event.split',
      'Event',
      id,
      { id, claimIds },
      { newEventId: created.id, summary: created.summary, claimIds },
    );
    return created;
  });
  if (payload.ok) await relinkAfterMerge(ctx, ctx.viewer.workspaceId, relink);
  return payload;
}

// Review and correction by editors. Every mutation runs in one transaction: it checks that each row belongs to
// the viewer's workspace (other workspaces' ids answer NOT_FOUND), changes the rows, stores a Correction where it
// changes extracted data (re-extraction re-applies those), and appends an audit entry with before/after.
import { audit, claimCorrectionKey, recordCorrection, type Db, type Viewer } from '@claimgraph/auth';
import { Prisma, type Claim } from '@claimgraph/db';
import { normalizeName } from '@claimgraph/shared';
import { assertCan } from '../../auth.js';
import type { Context } from '../../context.js';
import { asPayload, ExpectedError, parseInput } from '../access/payload.js';
import { visibleSourceWhere } from '../sources/filter-sql.js';
import {
  AddLabelModel,
  ChangeLabelModel,
  CorrectClaimModel,
  MergeModel,
  ReviewClaimModel,
  SplitActorModel,
  SplitEventModel,
} from './validation.js';

const notFound = (what: string, id: number | string) => new ExpectedError('NOT_FOUND', `${what} ${id} was not found`);

async function claimIn(tx: Db, viewer: Viewer, id: number): Promise<Claim> {
  const claim = await tx.claim.findFirst({ where: { id, workspaceId: viewer.workspaceId } });
  if (!claim) throw notFound('Claim', id);
  return claim;
}

/** Fails NOT_FOUND unless every id is a row of the viewer's workspace. */
async function assertAllIn(found: { id: number }[], ids: number[], what: string) {
  const have = new Set(found.map((r) => r.id));
  const missing = ids.find((id) => !have.has(id));
  if (missing !== undefined) throw notFound(what, missing);
}

function write<T>(ctx: Context, run: (tx: Prisma.TransactionClient, viewer: Viewer) => Promise<T>) {
  const viewer = ctx.viewer;
  return asPayload(() => ctx.db.$transaction((tx) => run(tx, viewer), { timeout: 30_000 }));
}

// --- claims --------------------------------------------------------------------------------------

export async function correctClaim(ctx: Context, id: number, raw: unknown) {
  assertCan(ctx.viewer, 'claim:correct');
  return write(ctx, async (tx, viewer) => {
    const input = parseInput(CorrectClaimModel, raw, 'input');
    const claim = await claimIn(tx, viewer, id);
    const key = claimCorrectionKey(claim.articleId, claim.extractionKey);
    const correct = (field: string, before: unknown, value: unknown) =>
      recordCorrection(tx, viewer, { entityType: 'claim', entityKey: key, field, before, value });

    if (input.text !== undefined && input.text !== claim.text) {
      await tx.claim.update({ where: { id }, data: { text: input.text } });
      await correct('text', claim.text, input.text);
    }
    if (input.modality !== undefined && input.modality !== claim.modality) {
      await tx.claim.update({ where: { id }, data: { modality: input.modality } });
      await correct('modality', claim.modality, input.modality);
    }
    if (input.attribution) {
      const links = input.attribution;
      const actorIds = [...new Set(links.flatMap((l) => (l.actorId ? [l.actorId] : [])))];
      await assertAllIn(await tx.actor.findMany({ where: { id: { in: actorIds }, workspaceId: viewer.workspaceId }, select: { id: true } }), actorIds, 'Actor');
      const sourceIds = [...new Set(links.flatMap((l) => (l.sourceId ? [l.sourceId] : [])))];
      await assertAllIn(await tx.source.findMany({ where: { id: { in: sourceIds }, ...visibleSourceWhere(viewer.workspaceId) }, select: { id: true } }), sourceIds, 'Source');
      const before = await tx.claimAttribution.findMany({ where: { claimId: id }, orderBy: { position: 'asc' } });
      await tx.claimAttribution.deleteMany({ where: { claimId: id } });
      const chain = links.map((l, position) => ({ position, kind: l.kind, label: l.label, actorId: l.actorId ?? null, sourceId: l.sourceId ?? null }));
      await tx.claimAttribution.createMany({ data: chain.map((l) => ({ ...l, workspaceId: viewer.workspaceId, claimId: id })) });
      await correct(
        'attribution',
        before.map(({ position, kind, label, actorId, sourceId }) => ({ position, kind, label, actorId, sourceId })),
        chain,
      );
    }
    if (input.actors) {
      const actorIds = [...new Set(input.actors.map((a) => a.actorId))];
      await assertAllIn(await tx.actor.findMany({ where: { id: { in: actorIds }, workspaceId: viewer.workspaceId }, select: { id: true } }), actorIds, 'Actor');
      const before = await tx.claimActor.findMany({ where: { claimId: id }, orderBy: [{ role: 'asc' }, { actorId: 'asc' }] });
      await tx.claimActor.deleteMany({ where: { claimId: id } });
      await tx.claimActor.createMany({ data: input.actors.map((a) => ({ workspaceId: viewer.workspaceId, claimId: id, actorId: a.actorId, role: a.role })), skipDuplicates: true });
      await correct(
        'actors',
        before.map(({ actorId, role }) => ({ actorId, role })),
        input.actors,
      );
    }
    return tx.claim.findUniqueOrThrow({ where: { id } });
  });
}

export async function reviewClaim(ctx: Context, id: number, raw: unknown) {
  assertCan(ctx.viewer, 'claim:review');
  return write(ctx, async (tx, viewer) => {
    const { status, note } = parseInput(ReviewClaimModel, raw, 'review');
    const claim = await claimIn(tx, viewer, id);
    const key = claimCorrectionKey(claim.articleId, claim.extractionKey);
    const reviewNote = note ?? null;
    const updated = await tx.claim.update({ where: { id }, data: { reviewStatus: status, reviewNote } });
    await recordCorrection(tx, viewer, { entityType: 'claim', entityKey: key, field: 'reviewStatus', before: claim.reviewStatus, value: status });
    await recordCorrection(tx, viewer, { entityType: 'claim', entityKey: key, field: 'reviewNote', before: claim.reviewNote, value: reviewNote });
    await audit(tx, viewer, 'claim.review', 'claim', key, { reviewStatus: claim.reviewStatus, reviewNote: claim.reviewNote }, { reviewStatus: status, reviewNote });
    return updated;
  });
}

// --- actors --------------------------------------------------------------------------------------

export async function mergeActors(ctx: Context, into: number, ids: number[]) {
  assertCan(ctx.viewer, 'actor:merge');
  return write(ctx, async (tx, viewer) => {
    const input = parseInput(MergeModel, { into, ids: ids.filter((i) => i !== into) }, 'actorIds');
    const all = [input.into, ...new Set(input.ids)];
    const actors = await tx.actor.findMany({ where: { id: { in: all }, workspaceId: viewer.workspaceId }, include: { aliases: true } });
    await assertAllIn(actors, all, 'Actor');
    const moved = { aliases: 0, claimLinks: 0, eventLinks: 0, chainLinks: 0 };
    for (const src of new Set(input.ids)) {
      // Aliases the target lacks move (a moved canonical name becomes a variant); duplicates go with the actor.
      moved.aliases += await tx.$executeRaw`
        UPDATE "ActorAlias" a SET "actorId" = ${input.into},
          kind = CASE WHEN a.kind = 'CANONICAL' THEN 'VARIANT'::"AliasKind" ELSE a.kind END
        WHERE a."actorId" = ${src}
          AND NOT EXISTS (SELECT 1 FROM "ActorAlias" b WHERE b."actorId" = ${input.into} AND b.normalized = a.normalized)`;
      moved.claimLinks += await tx.$executeRaw`
        INSERT INTO "ClaimActor" ("workspaceId", "claimId", "actorId", role) SELECT "workspaceId", "claimId", ${input.into}, role FROM "ClaimActor" WHERE "actorId" = ${src}
        ON CONFLICT DO NOTHING`;
      moved.eventLinks += await tx.$executeRaw`
        INSERT INTO "EventActor" ("workspaceId", "eventId", "actorId", role) SELECT "workspaceId", "eventId", ${input.into}, role FROM "EventActor" WHERE "actorId" = ${src}
        ON CONFLICT DO NOTHING`;
      moved.chainLinks += await tx.$executeRaw`UPDATE "ClaimAttribution" SET "actorId" = ${input.into} WHERE "actorId" = ${src}`;
      await tx.actor.delete({ where: { id: src } });
      await recordCorrection(tx, viewer, { entityType: 'actor', entityKey: String(src), field: 'mergedInto', before: null, value: input.into });
    }
    const snapshot = actors.map((a) => ({ id: a.id, canonicalName: a.canonicalName, kind: a.kind, aliases: a.aliases.map((x) => x.alias) }));
    await audit(tx, viewer, 'actor.merge', 'Actor', input.into, { actors: snapshot }, { into: input.into, merged: input.ids, moved });
    return tx.actor.findUniqueOrThrow({ where: { id: input.into } });
  });
}

export async function splitActor(ctx: Context, id: number, raw: unknown) {
  assertCan(ctx.viewer, 'actor:split');
  return write(ctx, async (tx, viewer) => {
    const input = parseInput(SplitActorModel, raw, 'input');
    const actor = await tx.actor.findFirst({ where: { id, workspaceId: viewer.workspaceId }, include: { aliases: true } });
    if (!actor) throw notFound('Actor', id);
    const wanted = new Set(input.aliases.map(normalizeName));
    const moving = actor.aliases.filter((a) => wanted.has(a.normalized) || wanted.has(normalizeName(a.alias)));
    const unknown = input.aliases.filter((a) => !moving.some((m) => m.normalized === normalizeName(a)));
    if (unknown.length) throw new ExpectedError('INVALID_INPUT', `Not aliases of ${actor.canonicalName}: ${unknown.join(', ')}`, [{ path: 'input.aliases', message: `Unknown: ${unknown.join(', ')}` }]);
    if (moving.length === actor.aliases.length && moving.length > 0) {
      throw new ExpectedError('INVALID_INPUT', 'Leave at least one alias on the original actor', [{ path: 'input.aliases', message: 'Leave at least one alias' }]);
    }
    const claimIds = [...new Set(input.claimIds ?? [])];
    await assertAllIn(await tx.claim.findMany({ where: { id: { in: claimIds }, workspaceId: viewer.workspaceId }, select: { id: true } }), claimIds, 'Claim');

    const created = await tx.actor.create({ data: { workspaceId: viewer.workspaceId, canonicalName: input.canonicalName, kind: input.kind ?? actor.kind } });
    if (moving.length) await tx.actorAlias.updateMany({ where: { id: { in: moving.map((m) => m.id) } }, data: { actorId: created.id } });
    const canonical = normalizeName(input.canonicalName);
    if (!moving.some((m) => m.normalized === canonical)) {
      await tx.actorAlias.create({ data: { actorId: created.id, workspaceId: viewer.workspaceId, alias: input.canonicalName, normalized: canonical, kind: 'CANONICAL' } });
    }
    let claimLinks = 0;
    if (claimIds.length) {
      claimLinks = await tx.$executeRaw`
        UPDATE "ClaimActor" SET "actorId" = ${created.id} WHERE "actorId" = ${id} AND "claimId" = ANY(${claimIds})`;
      await tx.$executeRaw`UPDATE "ClaimAttribution" SET "actorId" = ${created.id} WHERE "actorId" = ${id} AND "claimId" = ANY(${claimIds})`;
    }
    await recordCorrection(tx, viewer, { entityType: 'actor', entityKey: String(id), field: 'splitInto', before: null, value: { actorId: created.id, aliases: moving.map((m) => m.alias) } });
    await audit(tx, viewer, 'actor.split', 'Actor', id, { id, aliases: actor.aliases.map((a) => a.alias) }, {
      newActorId: created.id,
      canonicalName: created.canonicalName,
      movedAliases: moving.map((m) => m.alias),
      claimIds,
      claimLinks,
    });
    return created;
  });
}

// --- events --------------------------------------------------------------------------------------

/** Pins claims to an event across re-extraction (the `eventId` correction ingestion re-applies). */
async function pinClaimsToEvent(tx: Db, viewer: Viewer, claims: Pick<Claim, 'articleId' | 'extractionKey' | 'eventId'>[], eventId: number) {
  for (const c of claims) {
    await recordCorrection(tx, viewer, { entityType: 'claim', entityKey: claimCorrectionKey(c.articleId, c.extractionKey), field: 'eventId', before: c.eventId, value: eventId });
  }
}

export async function mergeEvents(ctx: Context, into: number, ids: number[]) {
  assertCan(ctx.viewer, 'event:merge');
  return write(ctx, async (tx, viewer) => {
    const input = parseInput(MergeModel, { into, ids: ids.filter((i) => i !== into) }, 'eventIds');
    const sources = [...new Set(input.ids)];
    const all = [input.into, ...sources];
    const events = await tx.event.findMany({ where: { id: { in: all }, workspaceId: viewer.workspaceId } });
    await assertAllIn(events, all, 'Event');
    const claims = await tx.claim.findMany({ where: { eventId: { in: sources }, workspaceId: viewer.workspaceId }, select: { id: true, articleId: true, extractionKey: true, eventId: true } });
    await tx.$executeRaw`
      UPDATE "EventMention" m SET "eventId" = ${input.into} WHERE m."eventId" = ANY(${sources})
        AND NOT EXISTS (SELECT 1 FROM "EventMention" t WHERE t."eventId" = ${input.into} AND t."articleId" = m."articleId" AND t.surface = m.surface)`;
    await tx.$executeRaw`
      INSERT INTO "EventActor" ("workspaceId", "eventId", "actorId", role) SELECT "workspaceId", ${input.into}, "actorId", role FROM "EventActor" WHERE "eventId" = ANY(${sources})
      ON CONFLICT DO NOTHING`;
    await tx.claim.updateMany({ where: { eventId: { in: sources }, workspaceId: viewer.workspaceId }, data: { eventId: input.into } });
    await pinClaimsToEvent(tx, viewer, claims, input.into);
    await tx.event.deleteMany({ where: { id: { in: sources } } });
    await audit(tx, viewer, 'event.merge', 'Event', input.into, { events: events.map(({ id, type, summary, occurredAt, place }) => ({ id, type, summary, occurredAt, place })) }, {
      into: input.into,
      merged: sources,
      claimIds: claims.map((c) => c.id),
    });
    return tx.event.findUniqueOrThrow({ where: { id: input.into } });
  });
}

export async function splitEvent(ctx: Context, id: number, raw: unknown) {
  assertCan(ctx.viewer, 'event:split');
  return write(ctx, async (tx, viewer) => {
    const input = parseInput(SplitEventModel, raw, 'input');
    const event = await tx.event.findFirst({ where: { id, workspaceId: viewer.workspaceId } });
    if (!event) throw notFound('Event', id);
    const claimIds = [...new Set(input.claimIds)];
    const claims = await tx.claim.findMany({ where: { id: { in: claimIds }, workspaceId: viewer.workspaceId, eventId: id } });
    const stray = claimIds.find((c) => !claims.some((x) => x.id === c));
    if (stray !== undefined) throw new ExpectedError('INVALID_INPUT', `Claim ${stray} is not a claim of event ${id}`, [{ path: 'input.claimIds', message: `Claim ${stray} is not on this event` }]);
    const remaining = await tx.claim.count({ where: { eventId: id, id: { notIn: claimIds } } });
    if (remaining === 0) throw new ExpectedError('INVALID_INPUT', 'Leave at least one claim on the original event', [{ path: 'input.claimIds', message: 'Leave at least one claim' }]);
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
    await tx.claim.updateMany({ where: { id: { in: claimIds } }, data: { eventId: created.id } });
    // Articles whose every claim of the event moved take their mentions along.
    const articles = [...new Set(claims.map((c) => c.articleId))];
    await tx.$executeRaw`
      UPDATE "EventMention" m SET "eventId" = ${created.id} WHERE m."eventId" = ${id} AND m."articleId" = ANY(${articles})
        AND NOT EXISTS (SELECT 1 FROM "Claim" c WHERE c."eventId" = ${id} AND c."articleId" = m."articleId")`;
    await pinClaimsToEvent(tx, viewer, claims, created.id);
    await audit(tx, viewer, 'event.split', 'Event', id, { id, claimIds }, { newEventId: created.id, summary: created.summary, claimIds });
    return created;
  });
}

// --- outlet labels -------------------------------------------------------------------------------

async function ownLabel(tx: Db, viewer: Viewer, id: number) {
  const label = await tx.biasLabel.findFirst({ where: { id, OR: [{ workspaceId: null }, { workspaceId: viewer.workspaceId }] } });
  if (!label) throw notFound('BiasLabel', id);
  if (label.workspaceId === null) {
    throw new ExpectedError('READ_ONLY', 'Shared starter labels are read-only; add your workspace’s own label (addLabel) instead');
  }
  return label;
}

const labelFields = ({ scheme, value, rater, url, note, assertedAt, retiredAt }: Record<string, unknown>) => ({ scheme, value, rater, url, note, assertedAt, retiredAt });

export async function addLabel(ctx: Context, raw: unknown) {
  assertCan(ctx.viewer, 'label:write');
  return write(ctx, async (tx, viewer) => {
    const input = parseInput(AddLabelModel, raw, 'input');
    if (!(await tx.source.findFirst({ where: { id: input.sourceId, ...visibleSourceWhere(viewer.workspaceId) }, select: { id: true } }))) throw notFound('Source', input.sourceId);
    const rater = input.rater ?? (await tx.user.findUniqueOrThrow({ where: { id: viewer.userId } })).email;
    const label = await tx.biasLabel.create({
      data: {
        sourceId: input.sourceId,
        workspaceId: viewer.workspaceId,
        scheme: input.scheme,
        value: input.value,
        rater,
        url: input.url ?? null,
        note: input.note ?? null,
        assertedAt: input.assertedAt ?? new Date(),
      },
    });
    await audit(tx, viewer, 'label.add', 'BiasLabel', label.id, null, { sourceId: label.sourceId, ...labelFields(label) });
    return label;
  });
}

export async function changeLabel(ctx: Context, id: number, raw: unknown) {
  assertCan(ctx.viewer, 'label:write');
  return write(ctx, async (tx, viewer) => {
    const input = parseInput(ChangeLabelModel, raw, 'input');
    const label = await ownLabel(tx, viewer, id);
    if (label.retiredAt) throw new ExpectedError('READ_ONLY', `Label ${id} is retired; add a new one instead`);
    const data: Prisma.BiasLabelUpdateInput = {};
    if (input.value != null) data.value = input.value;
    if (input.rater != null) data.rater = input.rater;
    if (input.url !== undefined) data.url = input.url;
    if (input.note !== undefined) data.note = input.note;
    if (input.assertedAt !== undefined) data.assertedAt = input.assertedAt;
    const updated = await tx.biasLabel.update({ where: { id }, data });
    await audit(tx, viewer, 'label.change', 'BiasLabel', id, labelFields(label), labelFields(updated));
    return updated;
  });
}

export async function retireLabel(ctx: Context, id: number, note: string | null | undefined) {
  assertCan(ctx.viewer, 'label:write');
  return write(ctx, async (tx, viewer) => {
    const label = await ownLabel(tx, viewer, id);
    if (label.retiredAt) return label;
    const updated = await tx.biasLabel.update({ where: { id }, data: { retiredAt: new Date(), ...(note ? { note } : {}) } });
    await audit(tx, viewer, 'label.retire', 'BiasLabel', id, labelFields(label), labelFields(updated));
    return updated;
  });
}

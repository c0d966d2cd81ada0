// Editors' corrections and reviews of claims (the claim's own writes; see ../writes.ts for what every write does).
import { audit, claimCorrectionKey, recordCorrection, type Db, type Viewer } from '@claimgraph/auth';
import type { Claim } from '@claimgraph/db';
import { assertCan } from '../../auth.js';
import type { Context } from '../../context.js';
import { parseInput } from '../access/payload.js';
import { visibleSourceWhere } from '../sources/filter-sql.js';
import { assertAllIn, notFound, write } from '../writes.js';
import { CorrectClaimModel, ReviewClaimModel } from './validation.js';

async function claimIn(tx: Db, viewer: Viewer, id: number): Promise<Claim> {
  const claim = await tx.claim.findFirst({ where: { id, workspaceId: viewer.workspaceId } });
  if (!claim) throw notFound('Claim', id);
  return claim;
}

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
      await assertAllIn(
        await tx.actor.findMany({
          where: { id: { in: actorIds }, workspaceId: viewer.workspaceId },
          select: { id: true },
        }),
        actorIds,
        'Actor',
      );
      const sourceIds = [...new Set(links.flatMap((l) => (l.sourceId ? [l.sourceId] : [])))];
      await assertAllIn(
        await tx.source.findMany({
          where: { id: { in: sourceIds }, ...visibleSourceWhere(viewer.workspaceId) },
          select: { id: true },
        }),
        sourceIds,
        'Source',
      );
      const before = await tx.claimAttribution.findMany({ where: { claimId: id }, orderBy: { position: 'asc' } });
      await tx.claimAttribution.deleteMany({ where: { claimId: id } });
      const chain = links.map((l, position) => ({
        position,
        kind: l.kind,
        label: l.label,
        actorId: l.actorId ?? null,
        sourceId: l.sourceId ?? null,
      }));
      await tx.claimAttribution.createMany({
        data: chain.map((l) => ({ ...l, workspaceId: viewer.workspaceId, claimId: id })),
      });
      await correct(
        'attribution',
        before.map(({ position, kind, label, actorId, sourceId }) => ({ position, kind, label, actorId, sourceId })),
        chain,
      );
    }
    if (input.actors) {
      const actorIds = [...new Set(input.actors.map((a) => a.actorId))];
      await assertAllIn(
        await tx.actor.findMany({
          where: { id: { in: actorIds }, workspaceId: viewer.workspaceId },
          select: { id: true },
        }),
        actorIds,
        'Actor',
      );
      const before = await tx.claimActor.findMany({
        where: { claimId: id },
        orderBy: [{ role: 'asc' }, { actorId: 'asc' }],
      });
      await tx.claimActor.deleteMany({ where: { claimId: id } });
      await tx.claimActor.createMany({
        data: input.actors.map((a) => ({
          workspaceId: viewer.workspaceId,
          claimId: id,
          actorId: a.actorId,
          role: a.role,
        })),
        skipDuplicates: true,
      });
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
    await recordCorrection(tx, viewer, {
      entityType: 'claim',
      entityKey: key,
      field: 'reviewStatus',
      before: claim.reviewStatus,
      value: status,
    });
    await recordCorrection(tx, viewer, {
      entityType: 'claim',
      entityKey: key,
      field: 'reviewNote',
      before: claim.reviewNote,
      value: reviewNote,
    });
    await audit(
      tx,
      viewer,
      'claim.review',
      'claim',
      key,
      { reviewStatus: claim.reviewStatus, reviewNote: claim.reviewNote },
      { reviewStatus: status, reviewNote },
    );
    return updated;
  });
}

/** Pins claims to an event across re-extraction (the `eventId` correction ingestion re-applies). */
export async function pinClaimsToEvent(
  tx: Db,
  viewer: Viewer,
  claims: Pick<Claim, 'articleId' | 'extractionKey' | 'eventId'>[],
  eventId: number,
) {
  for (const c of claims) {
    await recordCorrection(tx, viewer, {
      entityType: 'claim',
      entityKey: claimCorrectionKey(c.articleId, c.extractionKey),
      field: 'eventId',
      before: c.eventId,
      value: eventId,
    });
  }
}

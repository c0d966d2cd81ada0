// Editors' merges and splits of actors (see ../writes.ts for what every write does).
import { audit, recordCorrection } from '@claimgraph/auth';
import { requestRelink, unlinkForSplit } from '@claimgraph/ingest';
import { normalizeName } from '@claimgraph/shared';
import { assertCan } from '../../auth.js';
import type { Context } from '../../context.js';
import { ExpectedError, parseInput } from '../access/payload.js';
import { relinkAfterMerge } from '../ingest/port.js';
import { assertAllIn, MergeModel, notFound, write } from '../writes.js';
import { SplitActorModel } from './validation.js';

export async function mergeActors(ctx: Context, into: number, ids: number[]) {
  assertCan(ctx.viewer, 'actor:merge');
  let relink: number[] = [];
  const payload = await write(ctx, async (tx, viewer) => {
    const input = parseInput(MergeModel, { into, ids: ids.filter((i) => i !== into) }, 'actorIds');
    const all = [input.into, ...new Set(input.ids)];
    const actors = await tx.actor.findMany({
      where: { id: { in: all }, workspaceId: viewer.workspaceId },
      include: { aliases: true },
    });
    await assertAllIn(actors, all, 'Actor');
    // The merged actors' articles are linked again: under one name their claims may now meet others'.
    relink = await requestRelink(tx, viewer.workspaceId, { actorIds: input.ids });
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
      moved.chainLinks +=
        await tx.$executeRaw`UPDATE "ClaimAttribution" SET "actorId" = ${input.into} WHERE "actorId" = ${src}`;
      await tx.actor.delete({ where: { id: src } });
      await recordCorrection(tx, viewer, {
        entityType: 'actor',
        entityKey: String(src),
        field: 'mergedInto',
        before: null,
        value: input.into,
      });
    }
    const snapshot = actors.map((a) => ({
      id: a.id,
      canonicalName: a.canonicalName,
      kind: a.kind,
      aliases: a.aliases.map((x) => x.alias),
    }));
    await audit(
      tx,
      viewer,
      'actor.merge',
      'Actor',
      input.into,
      { actors: snapshot },
      { into: input.into, merged: input.ids, moved },
    );
    return tx.actor.findUniqueOrThrow({ where: { id: input.into } });
  });
  if (payload.ok) await relinkAfterMerge(ctx, ctx.viewer.workspaceId, relink);
  return payload;
}

export async function splitActor(ctx: Context, id: number, raw: unknown) {
  assertCan(ctx.viewer, 'actor:split');
  let relink: number[] = [];
  const payload = await write(ctx, async (tx, viewer) => {
    const input = parseInput(SplitActorModel, raw, 'input');
    const actor = await tx.actor.findFirst({
      where: { id, workspaceId: viewer.workspaceId },
      include: { aliases: true },
    });
    if (!actor) throw notFound('Actor', id);
    const wanted = new Set(input.aliases.map(normalizeName));
    const moving = actor.aliases.filter((a) => wanted.has(a.normalized) || wanted.has(normalizeName(a.alias)));
    const unknown = input.aliases.filter((a) => !moving.some((m) => m.normalized === normalizeName(a)));
    if (unknown.length)
      throw new ExpectedError('INVALID_INPUT', `Not aliases of ${actor.canonicalName}: ${unknown.join(', ')}`, [
        { path: 'input.aliases', message: `Unknown: ${unknown.join(', ')}` },
      ]);
    if (moving.length === actor.aliases.length && moving.length > 0) {
      throw new ExpectedError('INVALID_INPUT', 'Leave at least one alias on the original actor', [
        { path: 'input.aliases', message: 'Leave at least one alias' },
      ]);
    }
    const claimIds = [...new Set(input.claimIds ?? [])];
    await assertAllIn(
      await tx.claim.findMany({
        where: { id: { in: claimIds }, workspaceId: viewer.workspaceId },
        select: { id: true },
      }),
      claimIds,
      'Claim',
    );

    const created = await tx.actor.create({
      data: { workspaceId: viewer.workspaceId, canonicalName: input.canonicalName, kind: input.kind ?? actor.kind },
    });
    if (moving.length)
      await tx.actorAlias.updateMany({ where: { id: { in: moving.map((m) => m.id) } }, data: { actorId: created.id } });
    const canonical = normalizeName(input.canonicalName);
    if (!moving.some((m) => m.normalized === canonical)) {
      await tx.actorAlias.create({
        data: {
          actorId: created.id,
          workspaceId: viewer.workspaceId,
          alias: input.canonicalName,
          normalized: canonical,
          kind: 'CANONICAL',
        },
      });
    }
    let claimLinks = 0;
    if (claimIds.length) {
      // The moved claims name another actor now: their links are undone and found again (unlinkForSplit).
      relink = await unlinkForSplit(tx, viewer.workspaceId, claimIds);
      claimLinks = await tx.$executeRaw`
        UPDATE "ClaimActor" SET "actorId" = ${created.id} WHERE "actorId" = ${id} AND "claimId" = ANY(${claimIds})`;
      await tx.$executeRaw`UPDATE "ClaimAttribution" SET "actorId" = ${created.id} WHERE "actorId" = ${id} AND "claimId" = ANY(${claimIds})`;
    }
    await recordCorrection(tx, viewer, {
      entityType: 'actor',
      entityKey: String(id),
      field: 'splitInto',
      before: null,
      value: { actorId: created.id, aliases: moving.map((m) => m.alias) },
    });
    await audit(
      tx,
      viewer,
      'actor.split',
      'Actor',
      id,
      { id, aliases: actor.aliases.map((a) => a.alias) },
      {
        newActorId: created.id,
        canonicalName: created.canonicalName,
        movedAliases: moving.map((m) => m.alias),
        claimIds,
        claimLinks,
      },
    );
    return created;
  });
  if (payload.ok) await relinkAfterMerge(ctx, ctx.viewer.workspaceId, relink);
  return payload;
}

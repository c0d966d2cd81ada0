import type { Context } from '../../context.js';
import { fromGlobalId, idsOf } from '../../ids.js';
import * as review from './service.js';

type Links = { actorId?: string | null; sourceId?: string | null }[];

/** Global ids inside the correction input → database ids (INVALID_ID when malformed or of another type). */
function decodeCorrection(input: Record<string, unknown>) {
  const out: Record<string, unknown> = { ...input };
  if (Array.isArray(input.attribution)) {
    out.attribution = (input.attribution as Links).map((l) => ({
      ...l,
      actorId: l.actorId ? fromGlobalId(l.actorId, 'Actor').id : null,
      sourceId: l.sourceId ? fromGlobalId(l.sourceId, 'Source').id : null,
    }));
  }
  if (Array.isArray(input.actors)) {
    out.actors = (input.actors as { actorId: string; role: string }[]).map((a) => ({ ...a, actorId: fromGlobalId(a.actorId, 'Actor').id }));
  }
  return out;
}

export const resolvers: Record<string, object> = {
  Mutation: {
    correctClaim: (_: unknown, a: { id: string; input: Record<string, unknown> }, ctx: Context) =>
      review.correctClaim(ctx, fromGlobalId(a.id, 'Claim').id, decodeCorrection(a.input)),
    reviewClaim: (_: unknown, a: { id: string; status: string; note?: string | null }, ctx: Context) =>
      review.reviewClaim(ctx, fromGlobalId(a.id, 'Claim').id, { status: a.status, note: a.note }),
    mergeActors: (_: unknown, a: { into: string; actorIds: string[] }, ctx: Context) =>
      review.mergeActors(ctx, fromGlobalId(a.into, 'Actor').id, idsOf(a.actorIds, 'Actor')),
    splitActor: (_: unknown, a: { id: string; input: { claimIds?: string[] | null } & Record<string, unknown> }, ctx: Context) =>
      review.splitActor(ctx, fromGlobalId(a.id, 'Actor').id, { ...a.input, claimIds: idsOf(a.input.claimIds, 'Claim') }),
    mergeEvents: (_: unknown, a: { into: string; eventIds: string[] }, ctx: Context) =>
      review.mergeEvents(ctx, fromGlobalId(a.into, 'Event').id, idsOf(a.eventIds, 'Event')),
    splitEvent: (_: unknown, a: { id: string; input: { claimIds: string[] } & Record<string, unknown> }, ctx: Context) =>
      review.splitEvent(ctx, fromGlobalId(a.id, 'Event').id, { ...a.input, claimIds: idsOf(a.input.claimIds, 'Claim') }),
    addLabel: (_: unknown, a: { input: { sourceId: string } & Record<string, unknown> }, ctx: Context) =>
      review.addLabel(ctx, { ...a.input, sourceId: fromGlobalId(a.input.sourceId, 'Source').id }),
    changeLabel: (_: unknown, a: { id: string; input: Record<string, unknown> }, ctx: Context) =>
      review.changeLabel(ctx, fromGlobalId(a.id, 'BiasLabel').id, a.input),
    retireLabel: (_: unknown, a: { id: string; note?: string | null }, ctx: Context) => review.retireLabel(ctx, fromGlobalId(a.id, 'BiasLabel').id, a.note),
  },
};

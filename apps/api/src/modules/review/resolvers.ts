import type { CorrectClaimInput, Resolvers } from '../../__generated__/resolvers.js';
import { fromGlobalId, idsOf } from '../../ids.js';
import * as review from './service.js';

/** Global ids inside the correction input → database ids (INVALID_ID when malformed or of another type). */
function decodeCorrection(input: CorrectClaimInput) {
  return {
    ...input,
    ...(input.attribution && {
      attribution: input.attribution.map((l) => ({
        ...l,
        actorId: l.actorId ? fromGlobalId(l.actorId, 'Actor').id : null,
        sourceId: l.sourceId ? fromGlobalId(l.sourceId, 'Source').id : null,
      })),
    }),
    ...(input.actors && { actors: input.actors.map((a) => ({ ...a, actorId: fromGlobalId(a.actorId, 'Actor').id })) }),
  };
}

export const resolvers: Resolvers = {
  Mutation: {
    correctClaim: (_, a, ctx) => review.correctClaim(ctx, fromGlobalId(a.id, 'Claim').id, decodeCorrection(a.input)),
    reviewClaim: (_, a, ctx) => review.reviewClaim(ctx, fromGlobalId(a.id, 'Claim').id, { status: a.status, note: a.note }),
    mergeActors: (_, a, ctx) => review.mergeActors(ctx, fromGlobalId(a.into, 'Actor').id, idsOf(a.actorIds, 'Actor')),
    splitActor: (_, a, ctx) => review.splitActor(ctx, fromGlobalId(a.id, 'Actor').id, { ...a.input, claimIds: idsOf(a.input.claimIds, 'Claim') }),
    mergeEvents: (_, a, ctx) => review.mergeEvents(ctx, fromGlobalId(a.into, 'Event').id, idsOf(a.eventIds, 'Event')),
    splitEvent: (_, a, ctx) => review.splitEvent(ctx, fromGlobalId(a.id, 'Event').id, { ...a.input, claimIds: idsOf(a.input.claimIds, 'Claim') }),
    addLabel: (_, a, ctx) => review.addLabel(ctx, { ...a.input, sourceId: fromGlobalId(a.input.sourceId, 'Source').id }),
    changeLabel: (_, a, ctx) => review.changeLabel(ctx, fromGlobalId(a.id, 'BiasLabel').id, a.input),
    retireLabel: (_, a, ctx) => review.retireLabel(ctx, fromGlobalId(a.id, 'BiasLabel').id, a.note),
  },
};

import type { Resolvers } from '../../__generated__/resolvers.js';
import { fromGlobalId, idsOf } from '../../ids.js';
import { nodeFields } from '../node-fields.js';
import { mergeActors, splitActor } from './merges.js';
import { getActor, listActors } from './service.js';

export const resolvers: Resolvers = {
  Query: {
    actor: (_, a, ctx) => getActor(ctx, fromGlobalId(a.id, 'Actor').id),
    actors: (_, a, ctx) => listActors(ctx, a.filter, a),
  },
  Actor: {
    ...nodeFields('Actor'),
    aliases: (a, _, ctx) => ctx.loaders.aliasesByActor.load(a.id),
    claimCount: (a, _, ctx) => ctx.loaders.claimCountByActor.load(a.id),
  },
  Mutation: {
    mergeActors: (_, a, ctx) => mergeActors(ctx, fromGlobalId(a.into, 'Actor').id, idsOf(a.actorIds, 'Actor')),
    splitActor: (_, a, ctx) =>
      splitActor(ctx, fromGlobalId(a.id, 'Actor').id, { ...a.input, claimIds: idsOf(a.input.claimIds, 'Claim') }),
  },
};

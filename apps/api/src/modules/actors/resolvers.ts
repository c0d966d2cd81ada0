import type { Actor } from '@claimgraph/db';
import type { Context } from '../../context.js';
import { fromGlobalId } from '../../ids.js';
import type { PageArgs } from '../../pagination.js';
import { nodeFields } from '../node-fields.js';
import { getActor, listActors, type ActorFilter } from './service.js';

export const resolvers = {
  Query: {
    actor: (_: unknown, a: { id: string }, ctx: Context) => getActor(ctx, fromGlobalId(a.id, 'Actor').id),
    actors: (_: unknown, a: PageArgs & { filter?: ActorFilter }, ctx: Context) => listActors(ctx, a.filter, a),
  },
  Actor: {
    ...nodeFields('Actor'),
    aliases: (a: Actor, _: unknown, ctx: Context) => ctx.loaders.aliasesByActor.load(a.id),
    claimCount: (a: Actor, _: unknown, ctx: Context) => ctx.loaders.claimCountByActor.load(a.id),
  },
};

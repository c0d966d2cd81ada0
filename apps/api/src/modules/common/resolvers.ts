import type { Resolvers } from '../../__generated__/resolvers.js';
import { assertCan } from '../../auth.js';
import type { Context } from '../../context.js';
import { BadUserInputError } from '../../errors.js';
import { fromGlobalId } from '../../ids.js';
import type { NodeMapper } from './mappers.js';
import { DateTime } from './scalars.js';

/** Loads a node of any type through the per-request loaders (workspace-scoped); null when missing. */
async function loadNode(ctx: Context, globalId: string): Promise<NodeMapper | null> {
  assertCan(ctx.viewer, 'workspace:read');
  const { type, id } = fromGlobalId(globalId);
  const l = ctx.loaders;
  const row = await {
    Source: () => l.source.load(id),
    BiasLabel: () => l.biasLabel.load(id),
    Article: () => l.article.load(id),
    Actor: () => l.actor.load(id),
    Event: () => l.event.load(id),
    Claim: () => l.claim.load(id),
    ClaimCluster: () => l.cluster.load(id),
    ClaimRelation: () => l.relation.load(id),
  }[type]();
  return row ? Object.assign(Object.create(null) as object, row, { __typename: type }) : null;
}

export const resolvers: Resolvers = {
  DateTime,
  Node: {
    __resolveType: (obj) => obj.__typename,
  },
  Query: {
    node: (_, a, ctx) => loadNode(ctx, a.id),
    nodes: (_, a, ctx) => {
      if (a.ids.length > 100)
        throw new BadUserInputError('At most 100 ids', [{ path: 'ids', message: 'Give at most 100 ids' }]);
      return Promise.all(a.ids.map((id) => loadNode(ctx, id)));
    },
  },
  Mutation: {
    ping: () => true,
  },
};

import type { Resolvers } from '../../__generated__/resolvers.js';
import { fromGlobalId } from '../../ids.js';
import { getClaim } from '../claims/service.js';
import { nodeFields } from '../node-fields.js';
import { getRelation, listContradictions, relatedClaims } from './service.js';

export const resolvers: Resolvers = {
  Query: {
    contradictions: (_, a, ctx, info) => listContradictions(ctx, a.filter, a, info),
    relation: (_, a, ctx) => getRelation(ctx, fromGlobalId(a.id, 'ClaimRelation').id),
  },
  ClaimRelation: {
    ...nodeFields('ClaimRelation'),
    from: (r, _, ctx) => getClaim(ctx, r.fromClaimId),
    to: (r, _, ctx) => getClaim(ctx, r.toClaimId),
  },
  RelatedClaim: {
    claim: (r, _, ctx) => getClaim(ctx, r.otherClaimId),
  },
  Claim: {
    related: (c, a, ctx) => relatedClaims(ctx, c.id, a.kinds),
    hasContradictions: async (c, _, ctx) =>
      (await ctx.loaders.relationsByClaim.load(c.id)).some((r) => r.kind === 'CONTRADICTS'),
  },
};

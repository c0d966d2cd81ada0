import type { Claim, ClaimRelation } from '@claimgraph/db';
import type { Context } from '../../context.js';
import { fromGlobalId } from '../../ids.js';
import type { PageArgs } from '../../pagination.js';
import { getClaim } from '../claims/service.js';
import { nodeFields } from '../node-fields.js';
import { getRelation, listContradictions, relatedClaims } from './service.js';

export const resolvers = {
  Query: {
    contradictions: (_: unknown, a: PageArgs & { filter?: unknown }, ctx: Context) => listContradictions(ctx, a.filter, a),
    relation: (_: unknown, a: { id: string }, ctx: Context) => getRelation(ctx, fromGlobalId(a.id, 'ClaimRelation').id),
  },
  ClaimRelation: {
    ...nodeFields('ClaimRelation'),
    from: (r: ClaimRelation, _: unknown, ctx: Context) => getClaim(ctx, r.fromClaimId),
    to: (r: ClaimRelation, _: unknown, ctx: Context) => getClaim(ctx, r.toClaimId),
  },
  RelatedClaim: {
    claim: (r: { otherClaimId: number }, _: unknown, ctx: Context) => getClaim(ctx, r.otherClaimId),
  },
  Claim: {
    related: (c: Claim, a: { kinds?: string[] | null }, ctx: Context) => relatedClaims(ctx, c.id, a.kinds),
    hasContradictions: async (c: Claim, _: unknown, ctx: Context) =>
      (await ctx.loaders.relationsByClaim.load(c.id)).some((r) => r.kind === 'CONTRADICTS'),
  },
};

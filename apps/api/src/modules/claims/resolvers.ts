import type { CorrectClaimInput, Resolvers } from '../../__generated__/resolvers.js';
import { fromGlobalId, toGlobalId } from '../../ids.js';
import { getActor } from '../actors/service.js';
import { getArticle } from '../articles/service.js';
import { getEvent } from '../events/service.js';
import { nodeFields } from '../node-fields.js';
import { getSource } from '../sources/service.js';
import { correctClaim, reviewClaim } from './corrections.js';
import { getCluster, getClaimPage, listClaims, PREFETCHED } from './service.js';

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
  Query: {
    claim: (_, a, ctx, info) => getClaimPage(ctx, fromGlobalId(a.id, 'Claim').id, info),
    claims: (_, a, ctx, info) => listClaims(ctx, a.filter, a, {}, info),
    cluster: (_, a, ctx) => getCluster(ctx, fromGlobalId(a.id, 'ClaimCluster').id),
  },
  Claim: {
    ...nodeFields('Claim'),
    evidence: async (c, _, ctx) => {
      const article = await getArticle(ctx, c.articleId);
      return { start: c.evidenceStart, end: c.evidenceEnd, text: article.body.slice(c.evidenceStart, c.evidenceEnd) };
    },
    article: (c, _, ctx) => getArticle(ctx, c.articleId),
    source: (c, _, ctx) => c[PREFETCHED.source] ?? getSource(ctx, c.sourceId),
    event: (c, _, ctx) => (c.eventId ? getEvent(ctx, c.eventId) : null),
    cluster: (c, _, ctx) => (c.clusterId ? getCluster(ctx, c.clusterId) : null),
    attribution: (c, _, ctx) => c[PREFETCHED.attribution] ?? ctx.loaders.attributionByClaim.load(c.id),
    actors: (c, _, ctx) => c[PREFETCHED.actors] ?? ctx.loaders.actorsByClaim.load(c.id),
  },
  AttributionNode: {
    actor: (n, _, ctx) => n[PREFETCHED.actor] ?? (n.actorId ? ctx.loaders.actor.load(n.actorId) : null),
    source: (n, _, ctx) => n[PREFETCHED.source] ?? (n.sourceId ? ctx.loaders.source.load(n.sourceId) : null),
  },
  ClaimActorLink: {
    actor: (l, _, ctx) => l.actor ?? getActor(ctx, l.actorId),
  },
  ClaimCluster: {
    ...nodeFields('ClaimCluster'),
    claims: (c, _, ctx) => ctx.loaders.claimsByCluster.load(c.id),
  },
  SourceCount: {
    source: (r, _, ctx) => getSource(ctx, r.sourceId),
  },
  ActorCount: {
    actor: (r, _, ctx) => getActor(ctx, r.actorId),
  },
  Article: {
    claims: (a, _, ctx) => ctx.loaders.claimsByArticle.load(a.id),
  },
  Event: {
    claims: (e, a, ctx, info) => listClaims(ctx, null, a, { eventIds: [toGlobalId('Event', e.id)] }, info),
  },
  Actor: {
    claims: (actor, a, ctx, info) =>
      listClaims(ctx, a.filter, a, { actorIds: [toGlobalId('Actor', actor.id)], actorNames: null }, info),
  },
  Mutation: {
    correctClaim: (_, a, ctx) => correctClaim(ctx, fromGlobalId(a.id, 'Claim').id, decodeCorrection(a.input)),
    reviewClaim: (_, a, ctx) => reviewClaim(ctx, fromGlobalId(a.id, 'Claim').id, { status: a.status, note: a.note }),
  },
};

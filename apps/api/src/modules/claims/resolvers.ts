import type { Actor, Article, Claim, ClaimActor, ClaimAttribution, ClaimCluster, Event } from '@claimgraph/db';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context.js';
import { fromGlobalId, toGlobalId } from '../../ids.js';
import type { PageArgs } from '../../pagination.js';
import { getActor } from '../actors/service.js';
import { getArticle } from '../articles/service.js';
import { getEvent } from '../events/service.js';
import { nodeFields } from '../node-fields.js';
import { getSource } from '../sources/service.js';
import { getClaim, getCluster, listClaims, PREFETCHED } from './service.js';

type FilterArgs = PageArgs & { filter?: Record<string, unknown> | null };

export const resolvers = {
  Query: {
    claim: (_: unknown, a: { id: string }, ctx: Context) => getClaim(ctx, fromGlobalId(a.id, 'Claim').id),
    claims: (_: unknown, a: FilterArgs, ctx: Context, info: GraphQLResolveInfo) => listClaims(ctx, a.filter, a, {}, info),
    cluster: (_: unknown, a: { id: string }, ctx: Context) => getCluster(ctx, fromGlobalId(a.id, 'ClaimCluster').id),
  },
  Claim: {
    ...nodeFields('Claim'),
    evidence: async (c: Claim, _: unknown, ctx: Context) => {
      const article = await getArticle(ctx, c.articleId);
      return { start: c.evidenceStart, end: c.evidenceEnd, text: article.body.slice(c.evidenceStart, c.evidenceEnd) };
    },
    article: (c: Claim, _: unknown, ctx: Context) => getArticle(ctx, c.articleId),
    source: (c: Claim & { [PREFETCHED.source]?: unknown }, _: unknown, ctx: Context) => c[PREFETCHED.source] ?? getSource(ctx, c.sourceId),
    event: (c: Claim, _: unknown, ctx: Context) => (c.eventId ? getEvent(ctx, c.eventId) : null),
    cluster: (c: Claim, _: unknown, ctx: Context) => (c.clusterId ? getCluster(ctx, c.clusterId) : null),
    attribution: (c: Claim & { [PREFETCHED.attribution]?: unknown }, _: unknown, ctx: Context) =>
      c[PREFETCHED.attribution] ?? ctx.loaders.attributionByClaim.load(c.id),
    actors: (c: Claim & { [PREFETCHED.actors]?: unknown }, _: unknown, ctx: Context) => c[PREFETCHED.actors] ?? ctx.loaders.actorsByClaim.load(c.id),
  },
  AttributionNode: {
    actor: (n: ClaimAttribution & Record<symbol, unknown>, _: unknown, ctx: Context) =>
      n[PREFETCHED.actor] ?? (n.actorId ? ctx.loaders.actor.load(n.actorId) : null),
    source: (n: ClaimAttribution & Record<symbol, unknown>, _: unknown, ctx: Context) =>
      n[PREFETCHED.source] ?? (n.sourceId ? ctx.loaders.source.load(n.sourceId) : null),
  },
  ClaimActorLink: {
    actor: (l: ClaimActor & { actor?: Actor }, _: unknown, ctx: Context) => l.actor ?? getActor(ctx, l.actorId),
  },
  ClaimCluster: {
    ...nodeFields('ClaimCluster'),
    claims: (c: ClaimCluster, _: unknown, ctx: Context) => ctx.loaders.claimsByCluster.load(c.id),
  },
  SourceCount: {
    source: (r: { sourceId: number }, _: unknown, ctx: Context) => getSource(ctx, r.sourceId),
  },
  ActorCount: {
    actor: (r: { actorId: number }, _: unknown, ctx: Context) => getActor(ctx, r.actorId),
  },
  Article: {
    claims: (a: Article, _: unknown, ctx: Context) => ctx.loaders.claimsByArticle.load(a.id),
  },
  Event: {
    claims: (e: Event, a: PageArgs, ctx: Context, info: GraphQLResolveInfo) => listClaims(ctx, null, a, { eventIds: [toGlobalId('Event', e.id)] }, info),
  },
  Actor: {
    claims: (actor: Actor, a: FilterArgs, ctx: Context, info: GraphQLResolveInfo) =>
      listClaims(ctx, a.filter, a, { actorIds: [toGlobalId('Actor', actor.id)], actorNames: null }, info),
  },
};

import type { Context } from '../../context.js';
import { getActor } from '../actors/service.js';
import { getEvent } from '../events/service.js';
import { getSource } from '../sources/service.js';
import { getCluster } from '../claims/service.js';
import { actorGraph, coverage, coverageMatrix, loadClaims, timeline } from './service.js';

type CoverageResult = Awaited<ReturnType<typeof coverage>>;

export const resolvers = {
  Query: {
    coverage: (_: unknown, a: { claimId?: string; clusterId?: string; eventId?: string }, ctx: Context) => coverage(ctx, a),
    timeline: (_: unknown, a: { filter?: unknown; bucket: 'DAY' | 'WEEK' | 'MONTH'; labelScheme?: string | null }, ctx: Context) =>
      timeline(ctx, a.filter, a.bucket, a.labelScheme),
    coverageMatrix: (_: unknown, a: { filter?: unknown; clusters: number; labelScheme?: string | null }, ctx: Context) =>
      coverageMatrix(ctx, a.filter, a.clusters, a.labelScheme),
    actorGraph: (_: unknown, a: { actorId: string; depth: number; limit: number }, ctx: Context) => actorGraph(ctx, a.actorId, a.depth, a.limit),
  },
  Coverage: {
    event: (c: CoverageResult, _: unknown, ctx: Context) => (c.eventId !== null ? getEvent(ctx, c.eventId) : null),
    claims: (c: CoverageResult, _: unknown, ctx: Context) => loadClaims(ctx, c.claimIds),
  },
  CoverageMatrixRow: {
    cluster: (r: { clusterId: number }, _: unknown, ctx: Context) => getCluster(ctx, r.clusterId),
  },
  CoverageOutlet: {
    source: (o: { sourceId: number }, _: unknown, ctx: Context) => getSource(ctx, o.sourceId),
  },
  CoverageLabelGroup: {
    carriers: (g: { carriers: number[] }, _: unknown, ctx: Context) => Promise.all(g.carriers.map((id) => getSource(ctx, id))),
    blindspots: (g: { blindspots: number[] }, _: unknown, ctx: Context) => Promise.all(g.blindspots.map((id) => getSource(ctx, id))),
  },
  ActorGraphNode: {
    actor: (n: { actorId: number }, _: unknown, ctx: Context) => getActor(ctx, n.actorId),
  },
  ActorGraphEdge: {
    from: (e: { fromId: number }, _: unknown, ctx: Context) => getActor(ctx, e.fromId),
    to: (e: { toId: number }, _: unknown, ctx: Context) => getActor(ctx, e.toId),
  },
};

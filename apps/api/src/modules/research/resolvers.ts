import type { Resolvers } from '../../__generated__/resolvers.js';
import { getActor } from '../actors/service.js';
import { getEvent } from '../events/service.js';
import { getSource } from '../sources/service.js';
import { getCluster, loadClaimPages } from '../claims/service.js';
import { BadUserInputError } from '../../errors.js';
import { actorGraph, coverage, coverageMatrix, timeline } from './service.js';

/** A label scheme's name as the filters take it (label schemes are short names: `lean`, `state-affiliation`). */
function scheme(value: string | null | undefined) {
  if (value == null) return value;
  const name = value.trim();
  if (!name || name.length > 100)
    throw new BadUserInputError('labelScheme must be 1 to 100 characters', [
      { path: 'labelScheme', message: 'Use 1 to 100 characters' },
    ]);
  return name;
}

export const resolvers: Resolvers = {
  Query: {
    coverage: (_, a, ctx, info) => coverage(ctx, a, info),
    timeline: (_, a, ctx) => timeline(ctx, a.filter, a.bucket, scheme(a.labelScheme)),
    coverageMatrix: (_, a, ctx) => coverageMatrix(ctx, a.filter, a.clusters, scheme(a.labelScheme)),
    actorGraph: (_, a, ctx) => actorGraph(ctx, a.actorId, a.depth, a.limit),
  },
  Coverage: {
    event: (c, _, ctx) => (c.eventId !== null ? getEvent(ctx, c.eventId) : null),
    claims: (c, _, ctx, info) => c.claims ?? loadClaimPages(ctx, c.claimIds, info),
  },
  CoverageMatrixRow: {
    cluster: (r, _, ctx) => getCluster(ctx, r.clusterId),
  },
  CoverageOutlet: {
    source: (o, _, ctx) => getSource(ctx, o.sourceId),
  },
  CoverageLabelGroup: {
    carriers: (g, _, ctx) => Promise.all(g.carriers.map((id) => getSource(ctx, id))),
    blindspots: (g, _, ctx) => Promise.all(g.blindspots.map((id) => getSource(ctx, id))),
  },
  ActorGraphNode: {
    actor: (n, _, ctx) => getActor(ctx, n.actorId),
  },
  ActorGraphEdge: {
    from: (e, _, ctx) => getActor(ctx, e.fromId),
    to: (e, _, ctx) => getActor(ctx, e.toId),
  },
};

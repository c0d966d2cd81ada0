import type { BiasLabel, Source } from '@claimgraph/db';
import type { Context } from '../../context.js';
import { fromGlobalId } from '../../ids.js';
import type { PageArgs } from '../../pagination.js';
import { nodeFields } from '../node-fields.js';
import { getSource, listBiasLabels, listSources, type SourceFilter } from './service.js';
import { PREFETCHED_LABELS as LABELS } from './prefetch.js';

export const resolvers = {
  Query: {
    source: (_: unknown, a: { id: string }, ctx: Context) => getSource(ctx, fromGlobalId(a.id, 'Source').id),
    sources: (_: unknown, a: PageArgs & { filter?: SourceFilter }, ctx: Context) => listSources(ctx, a.filter, a),
    biasLabels: (_: unknown, __: unknown, ctx: Context) => listBiasLabels(ctx),
  },
  Source: {
    ...nodeFields('Source'),
    // Labels prefetched with a claims page ride on the source row (see claims/service.ts).
    labels: (s: Source & Record<symbol, unknown>, _: unknown, ctx: Context) => s[LABELS] ?? ctx.loaders.labelsBySource.load(s.id),
  },
  BiasLabel: {
    ...nodeFields('BiasLabel'),
    shared: (l: BiasLabel) => l.workspaceId === null,
    source: (l: BiasLabel, _: unknown, ctx: Context) => getSource(ctx, l.sourceId),
  },
};

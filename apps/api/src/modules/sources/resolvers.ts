import type { BiasLabel, Source } from '@claimgraph/db';
import type { Context } from '../../context.js';
import { fromGlobalId } from '../../ids.js';
import type { PageArgs } from '../../pagination.js';
import { nodeFields } from '../node-fields.js';
import { getSource, listBiasLabels, listSources, type SourceFilter } from './service.js';

export const resolvers = {
  Query: {
    source: (_: unknown, a: { id: string }, ctx: Context) => getSource(ctx, fromGlobalId(a.id, 'Source').id),
    sources: (_: unknown, a: PageArgs & { filter?: SourceFilter }, ctx: Context) => listSources(ctx, a.filter, a),
    biasLabels: (_: unknown, __: unknown, ctx: Context) => listBiasLabels(ctx),
  },
  Source: {
    ...nodeFields('Source'),
    labels: (s: Source, _: unknown, ctx: Context) => ctx.loaders.labelsBySource.load(s.id),
  },
  BiasLabel: {
    ...nodeFields('BiasLabel'),
    shared: (l: BiasLabel) => l.workspaceId === null,
    source: (l: BiasLabel, _: unknown, ctx: Context) => getSource(ctx, l.sourceId),
  },
};

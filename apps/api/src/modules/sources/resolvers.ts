import type { Resolvers } from '../../__generated__/resolvers.js';
import { fromGlobalId } from '../../ids.js';
import { nodeFields } from '../node-fields.js';
import { addLabel, changeLabel, retireLabel } from './labels.js';
import { getSource, listBiasLabels, listSources } from './service.js';
import { PREFETCHED_LABELS as LABELS } from './prefetch.js';

export const resolvers: Resolvers = {
  Query: {
    source: (_, a, ctx) => getSource(ctx, fromGlobalId(a.id, 'Source').id),
    sources: (_, a, ctx) => listSources(ctx, a.filter, a),
    biasLabels: (_, __, ctx) => listBiasLabels(ctx),
  },
  Source: {
    ...nodeFields('Source'),
    // Labels prefetched with a claims page ride on the source row (see claims/service.ts).
    labels: (s, _, ctx) => s[LABELS] ?? ctx.loaders.labelsBySource.load(s.id),
  },
  BiasLabel: {
    ...nodeFields('BiasLabel'),
    shared: (l) => l.workspaceId === null,
    source: (l, _, ctx) => getSource(ctx, l.sourceId),
  },
  Mutation: {
    addLabel: (_, a, ctx) => addLabel(ctx, { ...a.input, sourceId: fromGlobalId(a.input.sourceId, 'Source').id }),
    changeLabel: (_, a, ctx) => changeLabel(ctx, fromGlobalId(a.id, 'BiasLabel').id, a.input),
    retireLabel: (_, a, ctx) => retireLabel(ctx, fromGlobalId(a.id, 'BiasLabel').id, a.note),
  },
};

import type { Resolvers } from '../../__generated__/resolvers.js';
import { search } from './service.js';

export const resolvers: Resolvers = {
  Query: {
    search: (_, a, ctx, info) => search(ctx, a.text, a.first, info),
  },
};

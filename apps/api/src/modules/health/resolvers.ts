import type { Resolvers } from '../../__generated__/resolvers.js';
import { healthStatus } from './service.js';

export const resolvers: Resolvers = {
  Query: {
    health: (_, __, ctx) => healthStatus(ctx.db),
  },
};

import type { Resolvers } from '../../__generated__/resolvers.js';
import { VERSION } from '../../version.js';

export const resolvers: Resolvers = {
  Query: {
    health: async (_, __, ctx) => {
      const database = await ctx.db.$queryRaw`SELECT 1`.then(
        () => true,
        () => false,
      );
      return { ok: database, database, version: VERSION };
    },
  },
};

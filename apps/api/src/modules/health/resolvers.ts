import type { Context } from '../../context.js';
import { VERSION } from '../../version.js';

export const resolvers = {
  Query: {
    health: async (_: unknown, __: unknown, ctx: Context) => {
      const database = await ctx.db.$queryRaw`SELECT 1`.then(
        () => true,
        () => false,
      );
      return { ok: database, database, version: VERSION };
    },
  },
};

import type { Context } from '../../context.js';
import { search } from './service.js';

export const resolvers = {
  Query: {
    search: (_: unknown, a: { text: string; first: number }, ctx: Context) => search(ctx, a.text, a.first),
  },
};

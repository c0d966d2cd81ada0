import type { Resolvers } from '../../__generated__/resolvers.js';
import { copiesOf, originOf, reachOf } from './service.js';

export const resolvers: Resolvers = {
  Article: {
    origin: (a, _, ctx) => originOf(ctx, a),
    copies: (a, args, ctx) => copiesOf(ctx, a, args.first),
  },
  Coverage: {
    reach: (c, _, ctx) => c.reach ?? reachOf(ctx, c.claimIds),
  },
};

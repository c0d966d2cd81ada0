import type { Feed } from '@claimgraph/db';
import type { Context } from '../../context.js';
import { addFeedFor, feedGlobalId, feeds, fetchArticleUrl, pauseFeedFor, removeFeedFor } from './service.js';

export const resolvers = {
  Query: {
    feeds: (_: unknown, _a: unknown, ctx: Context) => feeds(ctx),
  },
  Mutation: {
    addFeed: (_: unknown, a: { input: { url: string; intervalMinutes?: number | null } }, ctx: Context) => addFeedFor(ctx, a.input),
    pauseFeed: (_: unknown, a: { id: string; paused: boolean }, ctx: Context) => pauseFeedFor(ctx, a.id, a.paused),
    removeFeed: (_: unknown, a: { id: string }, ctx: Context) => removeFeedFor(ctx, a.id),
    fetchArticleUrl: (_: unknown, a: { url: string }, ctx: Context) => fetchArticleUrl(ctx, a.url),
  },
  Feed: {
    id: (f: Feed) => feedGlobalId(f.id),
    kind: (f: Feed) => f.kind?.toUpperCase() ?? null,
  },
};

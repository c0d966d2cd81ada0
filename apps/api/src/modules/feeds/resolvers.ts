import type { FeedKind, Resolvers } from '../../__generated__/resolvers.js';
import { addFeedFor, feedGlobalId, feeds, fetchArticleUrl, pauseFeedFor, removeFeedFor } from './service.js';

export const resolvers: Resolvers = {
  Query: {
    feeds: (_, __, ctx) => feeds(ctx),
  },
  Mutation: {
    addFeed: (_, a, ctx) => addFeedFor(ctx, a.input),
    pauseFeed: (_, a, ctx) => pauseFeedFor(ctx, a.id, a.paused),
    removeFeed: (_, a, ctx) => removeFeedFor(ctx, a.id),
    fetchArticleUrl: (_, a, ctx) => fetchArticleUrl(ctx, a.url),
  },
  Feed: {
    id: (f) => feedGlobalId(f.id),
    kind: (f) => (f.kind ? (f.kind.toUpperCase() as FeedKind) : null),
  },
};

import type { FeedKind, Resolvers } from '../../__generated__/resolvers.js';
import { addFeedFor, feedGlobalId, feeds, fetchArticleUrl, pauseFeedFor, removeFeedFor } from './service.js';

// Stored in lower case as the collector names them ('rss', 'atom', 'sitemap').
const KINDS: readonly FeedKind[] = ['RSS', 'ATOM', 'SITEMAP'];

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
    kind: (f) => KINDS.find((k) => k === f.kind?.toUpperCase()) ?? null,
  },
};

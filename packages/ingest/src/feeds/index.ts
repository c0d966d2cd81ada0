// @claimgraph/ingest/feeds: the feeds a workspace follows, their polls and their queue jobs.
export { fetchArticle, type PageHints } from './article.js';
export { pollFeed, MAX_ITEMS_PER_POLL, type PollDeps, type PollOutcome } from './poll.js';
export {
  addFeed,
  feedUrl,
  FeedInputError,
  listFeeds,
  MAX_FEEDS_PER_WORKSPACE,
  removeFeed,
  setFeedPaused,
} from './service.js';
export {
  DEFAULT_INTERVAL_MINUTES,
  MAX_INTERVAL_MINUTES,
  MIN_INTERVAL_MINUTES,
  nextAfterFailure,
  nextAfterSuccess,
} from './state.js';
export { enqueueDueFeeds, startFeedWorker, FEED_POLL_QUEUE, FEED_TICK_QUEUE, type FeedWorkerOptions } from './jobs.js';
// What a caller needs to fetch with the same guard and politeness (the API's fetchArticleUrl).
export { CollectError, Fetcher, fetcherOptionsFromEnv } from '@claimgraph/collect';

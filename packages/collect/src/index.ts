// @claimgraph/collect: fetch feeds and pages politely and safely, read articles and feed items out of them.
export { CollectError, COLLECT_ERROR_CODES, type CollectErrorCode } from './errors.js';
export { Fetcher, DEFAULT_USER_AGENT, type Fetched, type FetcherOptions, type FetchRequest } from './fetch.js';
export { isAddressAllowed, parseAllowedRanges, type AddressRange } from './guard.js';
export { readArticle, MIN_ARTICLE_WORDS, type PageArticle } from './article.js';
export { charsetOf, decodeBody } from './text.js';
export { parseFeed, MAX_FEED_ITEMS, type FeedItem, type FeedKind, type ParsedFeed } from './feed.js';
export { fetcherOptionsFromEnv } from './env.js';

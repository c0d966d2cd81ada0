// Feeds of the viewer's workspace and single-URL fetching, through @claimgraph/ingest/feeds.
import { audit } from '@claimgraph/auth';
import type { Feed } from '@claimgraph/db';
import {
  addFeed,
  CollectError,
  Fetcher,
  fetcherOptionsFromEnv,
  FeedInputError,
  fetchArticle,
  listFeeds,
  removeFeed,
  setFeedPaused,
} from '@claimgraph/ingest/feeds';
import { assertCan } from '../../auth.js';
import type { Context } from '../../context.js';
import type { UserErrorPayload } from '../access/payload.js';
import { ingestArticle } from '../ingest/service.js';

/** Feed ids are opaque like every other id: base64 of "Feed:<n>". */
export const feedGlobalId = (id: number) => Buffer.from(`Feed:${id}`).toString('base64');
function feedIdOf(globalId: string): number | null {
  const m = /^Feed:(\d{1,10})$/.exec(Buffer.from(globalId, 'base64').toString('utf8'));
  const n = Number(m?.[1]);
  return m && Number.isSafeInteger(n) && n <= 2147483647 ? n : null;
}

const userError = (code: string, message: string, path?: string): { error: UserErrorPayload } => ({
  error: { code, message, inputErrors: path ? [{ path, message }] : [] },
});

const notFound = (id: string) => userError('NOT_FOUND', `No feed ${id} in this workspace.`, 'id');

function expected(err: unknown, path: string): { error: UserErrorPayload } {
  if (err instanceof FeedInputError) return userError(err.code, err.message, err.code === 'NOT_FOUND' ? 'id' : path);
  throw err;
}

export async function feeds(ctx: Context): Promise<Feed[]> {
  assertCan(ctx.viewer, 'workspace:read');
  return listFeeds(ctx.db, ctx.viewer.workspaceId);
}

export async function addFeedFor(ctx: Context, input: { url: string; intervalMinutes?: number | null }) {
  assertCan(ctx.viewer, 'article:ingest');
  try {
    const feed = await addFeed(ctx.db, ctx.viewer.workspaceId, input);
    await audit(ctx.db, ctx.viewer, 'feed.add', 'Feed', feed.id, null, {
      url: feed.url,
      intervalMinutes: feed.intervalMinutes,
    });
    return { feed };
  } catch (err) {
    return expected(
      err,
      err instanceof FeedInputError && err.code === 'INVALID_INTERVAL' ? 'input.intervalMinutes' : 'input.url',
    );
  }
}

export async function pauseFeedFor(ctx: Context, id: string, paused: boolean) {
  assertCan(ctx.viewer, 'article:ingest');
  const feedId = feedIdOf(id);
  if (feedId === null) return notFound(id);
  try {
    const feed = await setFeedPaused(ctx.db, ctx.viewer.workspaceId, feedId, paused);
    await audit(ctx.db, ctx.viewer, paused ? 'feed.pause' : 'feed.resume', 'Feed', feed.id, null, { url: feed.url });
    return { feed };
  } catch (err) {
    return expected(err, 'id');
  }
}

export async function removeFeedFor(ctx: Context, id: string) {
  assertCan(ctx.viewer, 'article:ingest');
  const feedId = feedIdOf(id);
  if (feedId === null) return { removed: false, ...notFound(id) };
  try {
    await removeFeed(ctx.db, ctx.viewer.workspaceId, feedId);
    await audit(ctx.db, ctx.viewer, 'feed.remove', 'Feed', feedId, null, {});
    return { removed: true };
  } catch (err) {
    return { removed: false, ...expected(err, 'id') };
  }
}

/** One fetcher per API process: its per-host turns and robots.txt cache are shared by every request. */
let fetcher: Fetcher | null = null;
const sharedFetcher = () => (fetcher ??= new Fetcher(fetcherOptionsFromEnv()));

/** Fetches a page and ingests its article like `ingestArticle` (same checks, audit and payload). */
export async function fetchArticleUrl(ctx: Context, url: string) {
  assertCan(ctx.viewer, 'article:ingest');
  let input;
  try {
    input = await fetchArticle(sharedFetcher(), url);
  } catch (err) {
    if (err instanceof CollectError) return userError(err.code, err.message, 'url');
    throw err;
  }
  return ingestArticle(ctx, {
    text: input.text,
    format: 'TEXT',
    url: input.url,
    outlet: input.source ?? null,
    publishedAt: input.publishedAt ?? null,
    language: input.language ?? null,
  });
}

export const closeFeedFetcher = async () => {
  const f = fetcher;
  fetcher = null;
  await f?.close();
};

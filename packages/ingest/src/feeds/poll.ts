// One poll of one feed: a conditional GET, the items not seen before fetched and ingested, the
// feed's state written back. A feed that fails keeps everything it had and says why.
import { CollectError, decodeBody, parseFeed, type Fetcher, type FeedItem } from '@claimgraph/collect';
import type { PrismaClient } from '@claimgraph/db';
import type { Logger } from '../log.js';
import { ingestArticle, type IngestOptions } from '../service/ingest.js';
import { fetchArticle } from './article.js';
import { nextAfterFailure, nextAfterSuccess } from './state.js';

/** New items fetched per poll at most; the rest wait for the next poll (bounded work per job). */
export const MAX_ITEMS_PER_POLL = 25;
/** A passing failure of an item (timeout, 5xx) is tried again on this many polls in all. */
const ITEM_ATTEMPTS = 3;
const FEED_MAX_BYTES = 10 * 1024 * 1024;
const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1';

export interface PollDeps {
  db: PrismaClient;
  fetcher: Fetcher;
  log?: Logger;
  maxItems?: number;
  /** Passed to the ingest service (retries through a database restart, the extractor to use). */
  ingest?: Omit<IngestOptions, 'workspaceId'>;
}

export type PollOutcome =
  | { status: 'missing' | 'paused' }
  | { status: 'unchanged' }
  | { status: 'failed'; code: string; message: string }
  | {
      status: 'fetched';
      items: number;
      newItems: number;
      ingested: number;
      duplicates: number;
      failed: number;
      retry: number;
    };

const errorOf = (err: unknown) =>
  err instanceof CollectError
    ? err
    : new CollectError('NETWORK', `Unexpected failure: ${(err as Error)?.message ?? String(err)}`);

export async function pollFeed(deps: PollDeps, workspaceId: number, feedId: number): Promise<PollOutcome> {
  const { db, fetcher } = deps;
  const feed = await db.feed.findFirst({ where: { id: feedId, workspaceId } });
  if (!feed) return { status: 'missing' };
  if (feed.paused) return { status: 'paused' };
  const log = deps.log?.child({ feedId, url: feed.url });

  const fail = async (err: unknown): Promise<PollOutcome> => {
    const e = errorOf(err);
    const failures = feed.failures + 1;
    await db.feed.updateMany({
      where: { id: feed.id, workspaceId },
      data: {
        lastFetchedAt: new Date(),
        lastStatus: e.http?.status ?? null,
        lastErrorCode: e.code,
        lastError: e.message,
        failures,
        nextFetchAt: nextAfterFailure(feed.intervalMinutes, failures, e),
      },
    });
    log?.warn({ code: e.code, failures }, e.message);
    return { status: 'failed', code: e.code, message: e.message };
  };

  let parsed;
  let answer;
  try {
    answer = await fetcher.get(feed.url, {
      accept: FEED_ACCEPT,
      etag: feed.etag,
      lastModified: feed.lastModified,
      maxBytes: FEED_MAX_BYTES,
    });
    if (!answer.notModified) parsed = parseFeed(decodeBody(answer.body, answer.contentType), answer.url);
  } catch (err) {
    return fail(err);
  }
  const good = {
    lastFetchedAt: new Date(),
    lastStatus: answer.status,
    lastErrorCode: null,
    lastError: null,
    failures: 0,
    nextFetchAt: nextAfterSuccess(feed.intervalMinutes),
  };
  if (!parsed) {
    await db.feed.updateMany({ where: { id: feed.id, workspaceId }, data: good });
    return { status: 'unchanged' };
  }

  // Items already settled are skipped; passing failures are tried again a few times.
  const urls = parsed.items.map((i) => i.url);
  const known = new Map(
    (
      await db.feedItem.findMany({
        where: { feedId: feed.id, url: { in: urls } },
        select: { url: true, status: true, attempts: true },
      })
    ).map((k) => [k.url, k]),
  );
  const todo = parsed.items.filter((i) => {
    const k = known.get(i.url);
    return !k || (k.status === 'retry' && k.attempts < ITEM_ATTEMPTS);
  });
  const batch = todo.slice(0, deps.maxItems ?? MAX_ITEMS_PER_POLL);
  const counts = { ingested: 0, duplicates: 0, failed: 0, retry: 0 };
  let firstSeen = 0;
  for (const item of batch) {
    const outcome = await ingestItem(deps, workspaceId, item);
    counts[
      outcome.status === 'ingested' ? 'ingested' : outcome.status === 'duplicate' ? 'duplicates' : outcome.status
    ]++;
    if (!known.has(item.url)) firstSeen++;
    await db.feedItem.upsert({
      where: { feedId_url: { feedId: feed.id, url: item.url } },
      create: { workspaceId, feedId: feed.id, url: item.url, ...outcome },
      update: { ...outcome, attempts: { increment: 1 } },
    });
    if (outcome.status !== 'ingested' && outcome.status !== 'duplicate')
      log?.info({ item: item.url, code: outcome.errorCode }, outcome.error ?? 'item failed');
  }
  await db.feed.updateMany({
    where: { id: feed.id, workspaceId },
    data: {
      ...good,
      kind: parsed.kind,
      title: feed.title ?? parsed.title?.slice(0, 300) ?? null,
      // Validators are kept only once the items they cover are all settled: otherwise the next poll
      // must see the document again to take the rest.
      etag: todo.length > batch.length ? null : answer.etag,
      lastModified: todo.length > batch.length ? null : answer.lastModified,
      itemsSeen: { increment: firstSeen },
      articlesIngested: { increment: counts.ingested },
    },
  });
  log?.info({ items: parsed.items.length, newItems: batch.length, ...counts }, 'feed polled');
  return { status: 'fetched', items: parsed.items.length, newItems: batch.length, ...counts };
}

type ItemOutcome = {
  status: 'ingested' | 'duplicate' | 'failed' | 'retry';
  articleId: number | null;
  errorCode: string | null;
  error: string | null;
};

async function ingestItem(deps: PollDeps, workspaceId: number, item: FeedItem): Promise<ItemOutcome> {
  let input;
  try {
    input = await fetchArticle(deps.fetcher, item.url, {
      publishedAt: item.publishedAt,
      language: item.language,
      source: item.publication,
    });
  } catch (err) {
    const e = errorOf(err);
    return { status: e.transient ? 'retry' : 'failed', articleId: null, errorCode: e.code, error: e.message };
  }
  try {
    const r = await ingestArticle(deps.db, input, { ...deps.ingest, workspaceId });
    if (r.status === 'failed')
      return { status: 'failed', articleId: null, errorCode: r.error.code, error: r.error.message };
    return { status: r.status, articleId: r.articleId, errorCode: null, error: null };
  } catch (err) {
    // The database or the extractor pool failed, not the article: tried again on a later poll.
    return {
      status: 'retry',
      articleId: null,
      errorCode: 'DATABASE_ERROR',
      error: (err as Error).message.split('\n').slice(-1)[0] ?? 'database error',
    };
  }
}

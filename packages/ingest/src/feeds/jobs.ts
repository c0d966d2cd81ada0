// Feeds on the Postgres queue: a tick every minute finds the feeds that are due and puts one poll
// job per feed on the queue (at most one waiting or running per feed); workers run the polls.
import type { Fetcher } from '@claimgraph/collect';
import type { PrismaClient } from '@claimgraph/db';
import type PgBoss from 'pg-boss';
import type { Logger } from '../log.js';
import { ensureQueues } from '../queue.js';
import { pollFeed, type PollDeps } from './poll.js';

export const FEED_TICK_QUEUE = 'feeds-due';
export const FEED_POLL_QUEUE = 'feed-poll';
/** Feeds sent per tick at most; the others are due still and go on the next tick. */
const TICK_BATCH = 500;

const FEED_QUEUES = [
  [FEED_TICK_QUEUE, { policy: 'singleton', retryLimit: 0, expireInSeconds: 120 }],
  // A failed poll is already written on the feed (and backed off), so the job is not retried.
  [FEED_POLL_QUEUE, { policy: 'stately', retryLimit: 0, expireInSeconds: 15 * 60, retentionMinutes: 60 * 24 }],
] as const;

/** Puts a poll job on the queue for every feed that is due. Returns how many were sent. */
export async function enqueueDueFeeds(boss: PgBoss, db: PrismaClient, now = new Date()): Promise<number> {
  const due = await db.feed.findMany({
    where: { paused: false, nextFetchAt: { lte: now } },
    select: { id: true, workspaceId: true },
    orderBy: { nextFetchAt: 'asc' },
    take: TICK_BATCH,
  });
  let sent = 0;
  for (const f of due) {
    if (await boss.send(FEED_POLL_QUEUE, { workspaceId: f.workspaceId, feedId: f.id }, { singletonKey: String(f.id) }))
      sent++;
  }
  return sent;
}

export interface FeedWorkerOptions {
  boss: PgBoss;
  db: PrismaClient;
  fetcher: Fetcher;
  log?: Logger;
  /** Polls run at once in this process (each host still gets one request at a time). */
  concurrency?: number;
  ingest?: PollDeps['ingest'];
}

/** Schedules the tick and works both queues on `boss` (the ingest worker's). */
export async function startFeedWorker(options: FeedWorkerOptions): Promise<{ stop(): Promise<void> }> {
  const { boss, db, log } = options;
  await ensureQueues(boss, FEED_QUEUES);
  await boss.schedule(FEED_TICK_QUEUE, '* * * * *');
  await boss.work(FEED_TICK_QUEUE, async () => {
    const sent = await enqueueDueFeeds(boss, db);
    if (sent) log?.info({ sent }, 'feeds due');
  });
  const deps: PollDeps = {
    db,
    fetcher: options.fetcher,
    ...(log ? { log } : {}),
    ...(options.ingest ? { ingest: options.ingest } : {}),
  };
  for (let i = 0; i < (options.concurrency ?? 2); i++) {
    await boss.work<{ workspaceId: number; feedId: number }>(
      FEED_POLL_QUEUE,
      { pollingIntervalSeconds: 2 },
      async ([job]) => {
        if (!job) return;
        return pollFeed(deps, job.data.workspaceId, job.data.feedId);
      },
    );
  }
  log?.info('feed worker started');
  return {
    stop: async () => {
      await boss.offWork(FEED_TICK_QUEUE);
      await boss.offWork(FEED_POLL_QUEUE);
    },
  };
}

// Feeds a workspace follows: add, list, pause, remove. Every call is scoped to one workspace.
import type { Feed, PrismaClient } from '@claimgraph/db';
import { DEFAULT_INTERVAL_MINUTES, MAX_INTERVAL_MINUTES, MIN_INTERVAL_MINUTES } from './state.js';

/** Feeds one workspace may follow (each costs a poll every interval). */
export const MAX_FEEDS_PER_WORKSPACE = 500;

export class FeedInputError extends Error {
  constructor(
    readonly code: 'INVALID_URL' | 'INVALID_INTERVAL' | 'TOO_MANY_FEEDS' | 'ALREADY_FOLLOWED' | 'NOT_FOUND',
    message: string,
  ) {
    super(message);
    this.name = 'FeedInputError';
  }
}

/** The address as stored: absolute http(s), no fragment, no credentials. */
export function feedUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new FeedInputError(
      'INVALID_URL',
      `"${raw}" is not an address; give the feed's full http(s) address, e.g. https://example.org/rss.xml.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new FeedInputError('INVALID_URL', 'A feed address must start with http:// or https://.');
  if (url.username || url.password)
    throw new FeedInputError('INVALID_URL', 'A feed address must not carry a user name or password.');
  if (url.href.length > 2000)
    throw new FeedInputError('INVALID_URL', 'A feed address must be at most 2000 characters.');
  url.hash = '';
  return url.href;
}

export async function addFeed(
  db: PrismaClient,
  workspaceId: number,
  input: { url: string; intervalMinutes?: number | null },
): Promise<Feed> {
  const url = feedUrl(input.url);
  const intervalMinutes = input.intervalMinutes ?? DEFAULT_INTERVAL_MINUTES;
  if (
    !Number.isInteger(intervalMinutes) ||
    intervalMinutes < MIN_INTERVAL_MINUTES ||
    intervalMinutes > MAX_INTERVAL_MINUTES
  ) {
    throw new FeedInputError(
      'INVALID_INTERVAL',
      `The interval must be a whole number of minutes from ${MIN_INTERVAL_MINUTES} to ${MAX_INTERVAL_MINUTES}.`,
    );
  }
  if ((await db.feed.count({ where: { workspaceId } })) >= MAX_FEEDS_PER_WORKSPACE) {
    throw new FeedInputError(
      'TOO_MANY_FEEDS',
      `A workspace follows at most ${MAX_FEEDS_PER_WORKSPACE} feeds; remove one first.`,
    );
  }
  try {
    return await db.feed.create({ data: { workspaceId, url, intervalMinutes } });
  } catch (err) {
    if ((err as { code?: string }).code === 'P2002')
      throw new FeedInputError('ALREADY_FOLLOWED', `This workspace already follows ${url}.`);
    throw err;
  }
}

export function listFeeds(db: PrismaClient, workspaceId: number): Promise<Feed[]> {
  return db.feed.findMany({ where: { workspaceId }, orderBy: { id: 'asc' }, take: MAX_FEEDS_PER_WORKSPACE });
}

/** Pauses or resumes a feed; a resumed feed is polled at the next tick. */
export async function setFeedPaused(db: PrismaClient, workspaceId: number, id: number, paused: boolean): Promise<Feed> {
  const { count } = await db.feed.updateMany({
    where: { id, workspaceId },
    data: paused ? { paused } : { paused, nextFetchAt: new Date() },
  });
  if (!count) throw new FeedInputError('NOT_FOUND', `No feed ${id} in this workspace.`);
  return (await db.feed.findFirst({ where: { id, workspaceId } }))!;
}

/** Stops following a feed; the articles it brought stay. */
export async function removeFeed(db: PrismaClient, workspaceId: number, id: number): Promise<void> {
  const { count } = await db.feed.deleteMany({ where: { id, workspaceId } });
  if (!count) throw new FeedInputError('NOT_FOUND', `No feed ${id} in this workspace.`);
}

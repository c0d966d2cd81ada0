// `claimgraph feeds add|list|poll|pause|resume|remove` and `claimgraph ingest --url <address>`.
import { CollectError, Fetcher, fetcherOptionsFromEnv } from '@claimgraph/collect';
import type { PrismaClient } from '@claimgraph/db';
import type { Command } from 'commander';
import {
  addFeed,
  fetchArticle,
  listFeeds,
  pollFeed,
  removeFeed,
  setFeedPaused,
  type PollOutcome,
} from '../feeds/index.js';
import type { ArticleMetaFlags, InputItem } from './read-input.js';

type WithDb = <T>(fn: (db: PrismaClient, workspaceId: number, url: string) => Promise<T>) => Promise<T>;

async function withFetcher<T>(fn: (fetcher: Fetcher) => Promise<T>): Promise<T> {
  const fetcher = new Fetcher(fetcherOptionsFromEnv());
  try {
    return await fn(fetcher);
  } finally {
    await fetcher.close();
  }
}

/** The article at `url`, fetched and read, as one input item (a failure is one sentence, as for files). */
export async function itemFromUrl(url: string, meta: ArticleMetaFlags): Promise<InputItem> {
  try {
    const input = await withFetcher((f) => fetchArticle(f, url));
    // Flags given on the command line win over what the page says.
    return {
      label: url,
      input: {
        ...input,
        ...(meta.source ? { source: meta.source } : {}),
        ...(meta.publishedAt ? { publishedAt: meta.publishedAt } : {}),
        ...(meta.language ? { language: meta.language } : {}),
      },
      warnings: [],
    };
  } catch (err) {
    if (err instanceof CollectError) throw new Error(`${err.message} (${err.code})`);
    throw err;
  }
}

const id = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`"${v}" is not a feed id; \`claimgraph feeds list\` shows them.`);
  return n;
};

function describe(o: PollOutcome): string {
  switch (o.status) {
    case 'fetched':
      return `${o.items} items, ${o.newItems} new: ${o.ingested} ingested, ${o.duplicates} duplicate, ${o.failed} failed, ${o.retry} to retry`;
    case 'failed':
      return `failed (${o.code}): ${o.message}`;
    case 'unchanged':
      return 'unchanged since the last poll (304)';
    default:
      return o.status;
  }
}

export function feedCommands(program: Command, withDb: WithDb) {
  const feeds = program
    .command('feeds')
    .description('Feeds this workspace follows: RSS, Atom or news sitemaps, polled by `npm run worker`.');
  feeds
    .command('add')
    .argument('<url>', 'the feed address')
    .option('--every <minutes>', 'poll interval in minutes (default 15)', (v) => Number(v))
    .action(async (url: string, flags: { every?: number }) => {
      await withDb(async (db, workspaceId) => {
        const feed = await addFeed(db, workspaceId, { url, intervalMinutes: flags.every ?? null });
        process.stdout.write(
          `Following feed ${feed.id}: ${feed.url} every ${feed.intervalMinutes} min (first poll at the worker's next tick, or now with \`claimgraph feeds poll ${feed.id}\`).\n`,
        );
      });
    });
  feeds.command('list').action(async () => {
    await withDb(async (db, workspaceId) => {
      const rows = await listFeeds(db, workspaceId);
      if (!rows.length) process.stdout.write('No feeds yet: `claimgraph feeds add <url>`.\n');
      for (const f of rows) {
        const state = f.paused
          ? 'paused'
          : f.lastErrorCode
            ? `failing (${f.lastErrorCode}, ${f.failures}x): ${f.lastError}`
            : f.lastFetchedAt
              ? `ok (HTTP ${f.lastStatus})`
              : 'not polled yet';
        process.stdout.write(
          `${String(f.id).padStart(4)}  ${f.url}\n      ${f.kind ?? '?'}, every ${f.intervalMinutes} min, ${f.itemsSeen} items seen, ${f.articlesIngested} articles; ${state}; next ${f.paused ? '-' : f.nextFetchAt.toISOString()}\n`,
        );
      }
    });
  });
  feeds
    .command('poll')
    .description('Poll now: the given feeds, or every feed that is not paused.')
    .argument('[ids...]', 'feed ids')
    .action(async (ids: string[]) => {
      await withDb(async (db, workspaceId) =>
        withFetcher(async (fetcher) => {
          const targets = ids.length
            ? ids.map(id)
            : (await listFeeds(db, workspaceId)).filter((f) => !f.paused).map((f) => f.id);
          for (const feedId of targets) {
            const outcome = await pollFeed({ db, fetcher }, workspaceId, feedId);
            process.stdout.write(`feed ${feedId}: ${describe(outcome)}\n`);
            if (outcome.status === 'failed' || outcome.status === 'missing') process.exitCode = 1;
          }
        }),
      );
    });
  for (const [name, paused] of [
    ['pause', true],
    ['resume', false],
  ] as const) {
    feeds
      .command(name)
      .argument('<id>', 'feed id')
      .action(async (v: string) => {
        await withDb(async (db, workspaceId) => {
          const f = await setFeedPaused(db, workspaceId, id(v), paused);
          process.stdout.write(`Feed ${f.id} ${paused ? 'paused' : 'resumed'}.\n`);
        });
      });
  }
  feeds
    .command('remove')
    .argument('<id>', 'feed id')
    .action(async (v: string) => {
      await withDb(async (db, workspaceId) => {
        await removeFeed(db, workspaceId, id(v));
        process.stdout.write(`Feed ${v} removed; its articles stay.\n`);
      });
    });
}

#!/usr/bin/env node
// `npm run worker -- --concurrency K`: works the ingest queue until SIGINT/SIGTERM.
import { Fetcher, fetcherOptionsFromEnv } from '@claimgraph/collect';
import { createPrisma, isConnectionError } from '@claimgraph/db';
import { Command } from 'commander';
import { env } from '../env.js';
import { openDatabase } from '../cli/database.js';
import { createLogger } from '../log.js';
import { startFeedWorker } from '../feeds/index.js';
import { openIngestQueue, runWorker } from '../queue.js';

/** Measured in bench/ingest/run.ts (docs/benchmarks.md). */
const DEFAULT_BATCH_SIZE = 16;
const cfg = env();
const program = new Command('claimgraph-worker')
  .description('Work the Claimgraph ingest queue (Postgres, pg-boss).')
  .option('-c, --concurrency <k>', 'job loops in this process', (v) => Number.parseInt(v, 10), cfg.WORKER_CONCURRENCY)
  .option(
    '-b, --batch-size <n>',
    'jobs a loop writes in one transaction',
    (v) => Number.parseInt(v, 10),
    DEFAULT_BATCH_SIZE,
  )
  .parse();
const { concurrency, batchSize } = program.opts<{ concurrency: number; batchSize: number }>();
for (const [flag, value] of [
  ['--concurrency', concurrency],
  ['--batch-size', batchSize],
] as const) {
  if (!Number.isInteger(value) || value < 1) {
    process.stderr.write(`${flag} must be a whole number of at least 1\n`);
    process.exit(2);
  }
}
// The fetcher's variables (FETCH_*) are checked before anything starts: a bad one stops the worker with its sentence.
let fetcher: Fetcher;
try {
  fetcher = new Fetcher(fetcherOptionsFromEnv());
} catch (err) {
  process.stderr.write(`Invalid configuration: ${(err as Error).message}\n`);
  process.exit(2);
}

const log = createLogger(cfg.LOG_LEVEL, 'claimgraph-worker');
// pg-boss 10 (the last for Node 20) completes or fails each fetched batch again after our handler,
// without awaiting it: while the database restarts that call rejects unheard and would end the
// process. The worker has already completed or failed every job itself (retrying through the blip),
// so a lost connection there is logged; anything else still ends the process.
process.on('unhandledRejection', (reason) => {
  if (isConnectionError(reason)) {
    log.warn(
      { err: (reason as Error).message },
      'queue bookkeeping lost its connection; the jobs were already settled',
    );
    return;
  }
  log.fatal({ err: reason }, 'unhandled rejection');
  process.exit(1);
});
const database = await openDatabase(cfg);
const delay = cfg.CLAIMGRAPH_TEST_JOB_DELAY_MS;
const linkDelay = cfg.CLAIMGRAPH_TEST_LINK_DELAY_MS;
const worker = await runWorker({
  databaseUrl: database.url,
  concurrency,
  batchSize,
  log,
  retryMs: cfg.INGEST_DB_RETRY_SECONDS * 1000,
  shutdownGraceMs: cfg.WORKER_SHUTDOWN_GRACE_SECONDS * 1000,
  queue: { expireInSeconds: cfg.INGEST_JOB_EXPIRE_SECONDS, maintenanceIntervalSeconds: cfg.INGEST_MAINTENANCE_SECONDS },
  // Test hook: wait after the articles are written, before their linking is queued (a worker to kill between the stages).
  ...(linkDelay
    ? {
        betweenStages: async () => {
          log.info({ delay: linkDelay }, 'test delay between the stages');
          await new Promise((r) => setTimeout(r, linkDelay));
        },
      }
    : {}),
  // Test hook: hold the transaction open after the article row is written (a job to kill mid-way).
  ...(delay
    ? {
        hooks: {
          afterStage: async (stage) => {
            if (stage === 'article') {
              log.info({ delay }, 'test delay inside the ingest transaction');
              await new Promise((r) => setTimeout(r, delay));
            }
          },
        },
      }
    : {}),
});
// A signal during the rest of start-up (the feed worker) is answered once it is up: jobs may already be running.
let requested: string | null = null;
let onSignal = (signal: string) => void (requested ??= signal);
process.on('SIGINT', () => onSignal('SIGINT'));
process.on('SIGTERM', () => onSignal('SIGTERM'));
// Feeds: the same process polls the feeds that are due (docs/collection.md).
const feedDb = createPrisma(database.url, { max: 3 });
const feedQueue = await openIngestQueue(
  database.url,
  { maintenanceIntervalSeconds: cfg.INGEST_MAINTENANCE_SECONDS },
  log,
);
const feeds = await startFeedWorker({
  boss: feedQueue.boss,
  db: feedDb,
  fetcher,
  log: log.child({ part: 'feeds' }),
  ingest: { retryMs: cfg.INGEST_DB_RETRY_SECONDS * 1000 },
});
let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'stopping: no new jobs; running ones may finish');
  try {
    await feeds.stop();
    await worker.stop();
    await feedQueue.close();
    await fetcher.close();
    await feedDb.$disconnect();
    await database.release();
    log.info('stopped');
    process.exit(0);
  } catch (err) {
    log.error({ err }, 'stop failed');
    process.exit(1);
  }
};
onSignal = (signal) => void stop(signal);
if (requested) onSignal(requested);

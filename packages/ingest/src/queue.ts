// The ingest queue on Postgres (pg-boss 10: runs on Node 20 and 22; jobs survive crashes).
//
// Why pg-boss: graphile-worker 0.18 needs Node >= 22.18 and 0.17 only recovers a dead worker's job
// after a fixed 4 hours; pg-boss has per-queue expiry, retries with backoff, dedupe keys and keeps
// failed jobs with their error for retry.
import type { PrismaClient } from '@claimgraph/db';
import { createPrisma, retryOnConnectionLoss } from '@claimgraph/db';
import PgBoss from 'pg-boss';
import { IngestError, type IngestFailure } from './errors.js';
import { createLogger, type Logger } from './log.js';
import { normalizeBody, sha256 } from './normalize.js';
import { ingestBatch, type IngestResult } from './service/ingest.js';
import { linkArticle, pendingArticles } from './service/link.js';
import type { IngestHooks } from './service/types.js';
import { IngestJobModel, parseArticleInput, type ArticleInput, type IngestJob } from './validation.js';

export const INGEST_QUEUE = 'ingest-article';
/** Stage 2: one job per written article, `{ workspaceId, articleId }` (see linkArticle). */
export const LINK_QUEUE = 'link-article';

export interface QueueOptions {
  /** Seconds an active job may run before it counts as abandoned (its worker died) and is retried. */
  expireInSeconds?: number;
  /** How often expired jobs are looked for. */
  maintenanceIntervalSeconds?: number;
  retryLimit?: number;
}

export interface IngestQueue {
  boss: PgBoss;
  close(): Promise<void>;
}

/** Connects to the queue (creating its tables and the ingest queue on first use). */
export async function openIngestQueue(
  databaseUrl: string,
  options: QueueOptions = {},
  log?: Logger,
): Promise<IngestQueue> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: 'pgboss',
    max: 4,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
    monitorStateIntervalSeconds: 600,
  });
  boss.on('error', (err) => log?.error({ err }, 'queue error'));
  try {
    await boss.start();
    await ensureQueue(boss, options);
  } catch (err) {
    // Half-opened (e.g. the database went away between start and the queue check): close its pool.
    await boss.stop({ graceful: false }).catch(() => {});
    throw err;
  }
  return { boss, close: () => boss.stop({ graceful: true, wait: true, timeout: 30_000 }) };
}

async function ensureQueue(boss: PgBoss, options: QueueOptions) {
  // One queued and one running job per key (content hash; article): resubmitting a waiting one is a no-op.
  const spec = {
    policy: 'stately',
    retryLimit: options.retryLimit ?? 4,
    retryDelay: 2,
    retryBackoff: true,
    expireInSeconds: options.expireInSeconds ?? 600,
    retentionMinutes: 60 * 24 * 14,
  } as const;
  await ensureQueues(boss, [
    [INGEST_QUEUE, spec],
    [LINK_QUEUE, spec],
  ]);
}

/**
 * Creates the queues that do not exist yet. Processes starting together (workers, API replicas) race to
 * create queues, and pg-boss's create_queue can deadlock with another process creating a different queue
 * (each inserts its queue row, then adds a foreign key to the queue table): the loser retries.
 */
export async function ensureQueues(boss: PgBoss, queues: readonly (readonly [string, Omit<PgBoss.Queue, 'name'>])[]) {
  for (const [name, options] of queues) {
    for (let attempt = 1; ; attempt++) {
      try {
        if (!(await boss.getQueue(name))) await boss.createQueue(name, { ...options, name });
        break;
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (attempt >= 8 || (code !== '40P01' && code !== '23505')) throw err;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
      }
    }
  }
}

/**
 * One queue connection, opened on first use and shared (the API's). A failed open is forgotten, so
 * the next call tries again: one database blip must not break queued ingestion until a restart.
 */
export function lazyIngestQueue(databaseUrl: string, options: QueueOptions = {}, log?: Logger) {
  let opened: Promise<IngestQueue> | null = null;
  return {
    get: (): Promise<IngestQueue> => {
      if (!opened) {
        const attempt = openIngestQueue(databaseUrl, options, log);
        opened = attempt;
        attempt.catch(() => {
          if (opened === attempt) opened = null;
        });
      }
      return opened;
    },
    close: async () => {
      const current = opened;
      opened = null;
      if (current)
        await current.then(
          (q) => q.close(),
          () => {},
        );
    },
  };
}

export type EnqueueOutcome =
  | { index: number; status: 'queued'; jobId: string; contentHash: string }
  | { index: number; status: 'already-queued'; contentHash: string }
  | { index: number; status: 'rejected'; error: IngestFailure };

/**
 * Validates each article and puts it on the queue with its content hash as dedupe key. Invalid
 * articles are rejected here (with field errors) and never queued; the others are unaffected.
 */
export async function enqueueArticles(
  target: string | IngestQueue,
  inputs: readonly (ArticleInput | unknown)[],
  options: { workspaceId: number; userId?: number; expireInSeconds?: number },
): Promise<EnqueueOutcome[]> {
  const queue = typeof target === 'string' ? await openIngestQueue(target) : target;
  try {
    const out: EnqueueOutcome[] = [];
    for (const [index, input] of inputs.entries()) {
      let article;
      try {
        article = parseArticleInput(input);
      } catch (err) {
        if (err instanceof IngestError) {
          out.push({ index, status: 'rejected', error: err.toFailure() });
          continue;
        }
        throw err;
      }
      const contentHash = sha256(normalizeBody(article.text));
      const data = { workspaceId: options.workspaceId, ...(options.userId ? { userId: options.userId } : {}), article };
      const jobId = await queue.boss.send(INGEST_QUEUE, data, {
        singletonKey: `${options.workspaceId}:${contentHash}`,
        ...(options.expireInSeconds ? { expireInSeconds: options.expireInSeconds } : {}),
      });
      out.push(
        jobId ? { index, status: 'queued', jobId, contentHash } : { index, status: 'already-queued', contentHash },
      );
    }
    return out;
  } finally {
    if (typeof target === 'string') await queue.close();
  }
}

export interface WorkerOptions {
  databaseUrl: string;
  /** Job loops in this process: while one loop writes under the workspace lock, another extracts. */
  concurrency?: number;
  /** Jobs each loop takes at once and writes in one transaction (see `ingestBatch`). */
  batchSize?: number;
  queue?: QueueOptions;
  log?: Logger;
  hooks?: IngestHooks;
  /** Test hook: runs between writing a batch's articles and queueing their link jobs. */
  betweenStages?: () => Promise<void>;
  /** Called after each job (tests, progress). */
  onJob?: (jobId: string, result: IngestResult) => void;
  /** How long a lost database connection is retried before a job fails (ms; default 30 s). */
  retryMs?: number;
  /**
   * On stop, how long running jobs may finish (ms; default 10 s, well inside a container's stop
   * timeout); jobs still running then go back on the queue at once.
   */
  shutdownGraceMs?: number;
}

export interface RunningWorker {
  /** Stops fetching, lets running jobs finish within the grace period, hands back the rest. Returns the ids handed back. */
  stop(): Promise<string[]>;
}

/**
 * Queues the link job (stage 2) of each article; an article already waiting for one is not queued twice.
 * One may be queued while another runs (the queue is stately: one waiting and one running per article),
 * so a job queued after a merge's commit always runs after it.
 */
export async function enqueueLinks(
  queue: IngestQueue,
  articles: readonly { workspaceId: number; articleId: number }[],
): Promise<void> {
  const keys = new Map(articles.map((a) => [`${a.workspaceId}:${a.articleId}`, a]));
  if (!keys.size) return;
  await queue.boss.insert(
    [...keys].map(([singletonKey, a]) => ({
      name: LINK_QUEUE,
      data: { workspaceId: a.workspaceId, articleId: a.articleId },
      singletonKey,
    })),
  );
}

/** The catch-up pass as jobs: a link job for every article whose linking has not finished (a crash between the stages). */
export async function enqueuePendingLinks(
  queue: IngestQueue,
  db: PrismaClient,
  workspaceId: number | null = null,
): Promise<number> {
  const pending = await pendingArticles(db, workspaceId, 1_000_000);
  for (let i = 0; i < pending.length; i += 1000)
    await enqueueLinks(
      queue,
      pending.slice(i, i + 1000).map((a) => ({ workspaceId: a.workspaceId, articleId: a.id })),
    );
  return pending.length;
}

/**
 * Works the ingest and link queues. Each ingest loop fetches up to `batchSize` jobs, writes each
 * article (stage 1, `ingestBatch` with `link: 'later'`) and queues its link job; each link loop links
 * articles (stage 2), one transaction each. On start, articles a crash left unlinked get their link
 * job again (the catch-up pass). Each ingest job is
 * completed or failed on its own, with its own outcome as output: ingested/duplicate complete the
 * job; permanent input errors complete it with `{ status: 'failed', error }` (retrying cannot help);
 * unexpected errors fail it, so it is retried with backoff and, once retries are used up, kept with
 * its error (retry it with `retryFailedJobs`). A job whose worker died expires and runs again; the
 * content-hash check makes the second run write nothing twice.
 */
export async function runWorker(options: WorkerOptions): Promise<RunningWorker> {
  const log = options.log ?? createLogger();
  const concurrency = options.concurrency ?? 2;
  const batchSize = options.batchSize ?? 1;
  const db: PrismaClient = createPrisma(options.databaseUrl, { max: concurrency + 2 });
  const queue = await openIngestQueue(options.databaseUrl, options.queue, log);
  const retry = {
    ...(options.retryMs !== undefined ? { maxMs: options.retryMs } : {}),
    onRetry: (err: unknown, attempt: number) =>
      log.warn({ err: (err as Error).message, attempt }, 'database connection lost; retrying'),
  };
  /** Jobs this process is running now (handed back on stop if they outlast the grace period). */
  const running = new Set<string>();
  // pg-boss sleeps out the polling interval after every fetch (at most 2 batches/s per loop at 0.5 s);
  // after a batch, the loop that ran it is told to fetch the next one at once. Idle loops still poll.
  const loops: string[] = [];
  type Jobs = { id: string; data: unknown }[];
  const handler = async (loop: number, jobs: Jobs, run: (jobs: Jobs) => Promise<void>) => {
    if (!jobs.length) return;
    for (const job of jobs) running.add(job.id);
    try {
      await run(jobs);
    } finally {
      for (const job of jobs) running.delete(job.id);
      const id = loops[loop];
      if (id) queue.boss.notifyWorker(id);
    }
  };
  const finish = async (job: { id: string }, outcome: PromiseSettledResult<IngestResult>, ms: number) => {
    const jobLog = log.child({ jobId: job.id });
    if (outcome.status === 'rejected') {
      jobLog.error({ err: outcome.reason, ms }, 'ingest failed');
      await retryOnConnectionLoss(() => queue.boss.fail(INGEST_QUEUE, job.id, outcome.reason), retry);
      return;
    }
    const result = outcome.value;
    if (result.status === 'ingested')
      jobLog.info({ articleId: result.articleId, ms, claims: result.counts.claims }, 'ingested');
    else if (result.status === 'duplicate') jobLog.info({ articleId: result.articleId, ms }, 'duplicate');
    else jobLog.warn({ error: result.error, ms }, 'rejected');
    options.onJob?.(job.id, result);
    const output =
      result.status === 'ingested'
        ? {
            status: result.status,
            articleId: result.articleId,
            counts: result.counts,
            warnings: result.warnings,
            lockMs: result.lockMs,
            lockWaitMs: result.lockWaitMs,
          }
        : result;
    // Completed here, one by one, so each job keeps its own outcome (pg-boss would complete a batch
    // with one shared output; its completion after the handler then finds no active job left).
    // Retried through a blip: an uncompleted job would wait for its expiry before running again.
    await retryOnConnectionLoss(() => queue.boss.complete(INGEST_QUEUE, job.id, output), retry);
  };
  const handleLinks = async (jobs: { id: string; data: unknown }[]) => {
    for (const job of jobs) {
      const { workspaceId, articleId } = (job.data ?? {}) as { workspaceId?: unknown; articleId?: unknown };
      if (!Number.isInteger(workspaceId) || !Number.isInteger(articleId)) {
        await retryOnConnectionLoss(
          () =>
            queue.boss.complete(LINK_QUEUE, job.id, {
              status: 'failed',
              error: 'workspaceId and articleId must be integers',
            }),
          retry,
        );
        continue;
      }
      const started = Date.now();
      try {
        const linked = await linkArticle(db, workspaceId as number, articleId as number, {
          ...(retry.maxMs !== undefined ? { retryMs: retry.maxMs } : {}),
          onRetry: retry.onRetry,
        });
        log.debug({ jobId: job.id, articleId, ms: Date.now() - started, relations: linked.counts.relations }, 'linked');
        await retryOnConnectionLoss(
          () =>
            queue.boss.complete(LINK_QUEUE, job.id, {
              status: 'linked',
              articleId,
              counts: linked.counts,
              lockMs: linked.lockMs,
              lockWaitMs: linked.lockWaitMs,
            }),
          retry,
        );
      } catch (err) {
        log.error({ jobId: job.id, articleId, err }, 'link failed');
        await retryOnConnectionLoss(() => queue.boss.fail(LINK_QUEUE, job.id, err as object), retry);
      }
    }
  };
  const handle = async (jobs: { id: string; data: unknown }[]) => {
    const started = Date.now();
    // Batches per workspace (jobs of several workspaces rarely share a fetch).
    const groups = new Map<number, { job: { id: string; data: unknown }; payload: IngestJob }[]>();
    for (const job of jobs) {
      const parsed = IngestJobModel.safeParse(job.data);
      if (!parsed.success) {
        await finish(job, { status: 'rejected', reason: parsed.error }, 0);
        continue;
      }
      const group = groups.get(parsed.data.workspaceId) ?? [];
      group.push({ job, payload: parsed.data });
      groups.set(parsed.data.workspaceId, group);
    }
    for (const [workspaceId, group] of groups) {
      const outcomes = await ingestBatch(
        db,
        group.map((g) => g.payload.article),
        {
          workspaceId,
          link: 'later',
          ...(options.hooks ? { hooks: options.hooks } : {}),
          ...(retry.maxMs !== undefined ? { retryMs: retry.maxMs } : {}),
          onRetry: retry.onRetry,
        },
      );
      // Stage 2 queued before the jobs complete: a crash in between leaves the articles to the catch-up pass.
      if (options.betweenStages) await options.betweenStages();
      // Each written article, and the older ones it dated an event of (linked again).
      const written = outcomes.flatMap((o) =>
        o.status === 'fulfilled' && o.value.status === 'ingested'
          ? [o.value.articleId, ...o.value.relinked].map((articleId) => ({ workspaceId, articleId }))
          : [],
      );
      await retryOnConnectionLoss(() => enqueueLinks(queue, written), retry);
      const ms = Date.now() - started;
      await Promise.all(group.map((g, k) => finish(g.job, outcomes[k]!, ms)));
    }
  };
  const caughtUp = await retryOnConnectionLoss(() => enqueuePendingLinks(queue, db), retry);
  if (caughtUp) log.info({ articles: caughtUp }, 'queued the linking of articles written but not linked');
  // The ingest loops last: the caller installs its signal handlers when this returns, and a job may start at once.
  for (const [name, run] of [
    [LINK_QUEUE, handleLinks],
    [INGEST_QUEUE, handle],
  ] as const) {
    for (let i = 0; i < concurrency; i++) {
      const loop = loops.length;
      loops.push(
        await queue.boss.work(name, { batchSize, pollingIntervalSeconds: 0.5 }, (jobs) => handler(loop, jobs, run)),
      );
    }
  }
  log.info({ concurrency, batchSize }, 'ingest worker started');
  return {
    stop: async () => {
      await queue.boss.offWork(INGEST_QUEUE);
      await queue.boss.offWork(LINK_QUEUE);
      const graceEnd = Date.now() + (options.shutdownGraceMs ?? 10_000);
      while (running.size && Date.now() < graceEnd) await new Promise((r) => setTimeout(r, 50));
      const unfinished = [...running];
      // pg-boss fails the jobs still running (state retry, due after its retry delay); its pool stays
      // open a moment longer to make them due now, so another worker takes them at once.
      await queue.boss.stop({ graceful: false, close: false });
      if (unfinished.length) {
        await queue.boss
          .getDb()
          .executeSql(
            `UPDATE pgboss.job SET start_after = now() WHERE name = ANY($1::text[]) AND id = ANY($2::uuid[]) AND state = 'retry'`,
            [[INGEST_QUEUE, LINK_QUEUE], unfinished],
          );
        log.warn({ jobs: unfinished }, 'handed unfinished jobs back to the queue');
      }
      await (queue.boss.getDb() as unknown as { close(): Promise<void> }).close();
      // A transaction still open is abandoned: the process exit closes its connection, which rolls it back.
      if (!unfinished.length) await db.$disconnect();
      return unfinished;
    },
  };
}

/** Puts failed ingest and link jobs back on their queues. Returns how many. */
export async function retryFailedJobs(queue: IngestQueue): Promise<number> {
  let n = 0;
  for (const name of [INGEST_QUEUE, LINK_QUEUE]) {
    const { rows } = await queue.boss
      .getDb()
      .executeSql(`SELECT id FROM pgboss.job WHERE name = $1 AND state = 'failed'`, [name]);
    const ids = (rows as { id: string }[]).map((r) => r.id);
    if (ids.length) await queue.boss.retry(name, ids);
    n += ids.length;
  }
  return n;
}

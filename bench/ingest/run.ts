// Ingestion benchmark: end-to-end articles/s through the queue with 1, 2 and 4 worker processes on a
// generated corpus, and the raw insert ceiling (the same rows written with COPY) in the same run.
//
//   npx tsx bench/ingest/run.ts [--articles 5000] [--workers 1,2,4] [--max-seconds 0] [--worker path/to/worker/main.js[,other/main.js]]
//                               [--concurrency 1] [--batch-size N] [--corpus articles.jsonl[.gz] [--limit N]]
//
// --corpus reads real articles (one JSON object a line: text, source, url, date) instead of generating them;
// --limit keeps the first N.
//
// --max-seconds S stops each worker configuration after S seconds and reports the rate over the
// articles finished by then (0 = run until the whole corpus is in). An article is finished when it is
// written and, for builds that link in a second stage (a link-article job), linked. Several builds
// (--worker a,b) run one after the other for each worker count, on clones of the same template.
//
// Needs `npm run build -w @claimgraph/ingest` (workers run dist/worker/main.js).
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPrisma, ensureLocalWorkspace, migrate, RESEARCH_TABLES, type PrismaClient } from '@claimgraph/db';
import { startEmbeddedPostgres } from '@claimgraph/db/embedded';
import { enqueueArticles, importRegistry, openIngestQueue } from '@claimgraph/ingest';
import { readCorpus } from './corpus.js';
import { generateCorpus } from './generate.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : dflt;
};
// --worker: another build of the worker (e.g. an older commit's dist) to compare in the same conditions.
const BUILDS = arg('worker', path.join(root, 'packages/ingest/dist/worker/main.js'))
  .split(',')
  .map((w) => path.resolve(w));
const CORPUS = arg('corpus', '');
const LIMIT = Number(arg('limit', '0'));
const WORKERS = arg('workers', '1,2,4').split(',').map(Number);
const MAX_SECONDS = Number(arg('max-seconds', '0'));
// Job loops per worker process, and jobs per batch (the worker's default when absent; builds from
// before batching have no --batch-size).
const CONCURRENCY = arg('concurrency', '1');
const BATCH = arg('batch-size', '');
const TABLES = RESEARCH_TABLES;

const base = await mkdtemp(path.join(os.tmpdir(), 'claimgraph-bench-'));
await chmod(base, 0o777);
const server = await startEmbeddedPostgres({ dataDir: path.join(base, 'data'), database: 'bench_template' });
const dbUrl = (name: string) => server.url.replace(/\/bench_template$/, `/${name}`);
const admin = createPrisma(server.adminUrl, { max: 2 });
const children: ChildProcess[] = [];
process.on('exit', () => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

// Template: schema, registry, local workspace — each run clones it.
await migrate(server.url);
const corpus = CORPUS ? await readCorpus(CORPUS, LIMIT) : generateCorpus(Number(arg('articles', '5000')));
const N = corpus.length;
console.log(
  `${CORPUS ? `read from ${CORPUS}` : 'generated'}: ${N} articles (${new Set(corpus.map((a) => a.text)).size} distinct texts)`,
);

{
  const db = createPrisma(server.url, { max: 2 });
  await importRegistry(db);
  const { workspaceId } = await ensureLocalWorkspace(db);
  await db.$disconnect();
  // The jobs go into the template once; every run's database is a clone with all N jobs queued.
  const queue = await openIngestQueue(server.url);
  const te = performance.now();
  const outcomes = await enqueueArticles(queue, corpus, { workspaceId });
  console.log(
    `enqueued ${outcomes.filter((o) => o.status === 'queued').length} jobs in ${((performance.now() - te) / 1000).toFixed(1)} s (enqueueArticles, one send per article)`,
  );
  await queue.close();
}
async function cloneTemplate(name: string): Promise<PrismaClient> {
  await admin.$executeRawUnsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.$executeRawUnsafe(`CREATE DATABASE "${name}" TEMPLATE bench_template`);
  return createPrisma(dbUrl(name), { max: 4 });
}

interface Run {
  build: string;
  workers: number;
  /** Time holding advisory locks per finished article (ms), as the jobs report it; NaN when the build does not. */
  lockMs: number;
  /** Of it, the link jobs' (the per-workspace cluster lock, the one every writer of a workspace shares). */
  linkLockMs: number;
  /** Time waiting for advisory locks per finished article (ms). */
  waitMs: number;
  seconds: number;
  perSecond: number;
  /** Jobs/s from the first finished job to the end (worker start-up excluded). */
  steady: number;
  startup: number;
  ingested: number;
  rows: Record<string, number>;
}
const runs: Run[] = [];
// Articles finished: written, and linked when the build links in a second stage (it queues link jobs).
const FINISHED = `SELECT CASE WHEN EXISTS (SELECT 1 FROM pgboss.job WHERE name = 'link-article') THEN count(*) FILTER (WHERE "linkedAt" IS NOT NULL) ELSE count(*) END AS n FROM "Article"`;
for (const k of WORKERS)
  for (const [b, WORKER] of BUILDS.entries()) {
    const name = `bench_w${k}_b${b}`;
    const db = await cloneTemplate(name);

    const started = performance.now();
    for (let i = 0; i < k; i++) {
      const child = spawn(
        process.execPath,
        [WORKER, '--concurrency', CONCURRENCY, ...(BATCH ? ['--batch-size', BATCH] : [])],
        {
          env: { ...process.env, DATABASE_URL: dbUrl(name), LOG_LEVEL: 'warn' },
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      );
      children.push(child);
    }
    let done = 0;
    let last = 0;
    // When the first job finished (worker start-up is over), for the steady-state rate.
    let first: { at: number; done: number } | null = null;
    for (;;) {
      const r = await db.$queryRawUnsafe<{ done: bigint; failed: bigint; linking: bigint }[]>(
        `SELECT count(*) FILTER (WHERE name = 'ingest-article' AND state = 'completed') AS done, count(*) FILTER (WHERE name = 'ingest-article' AND state = 'failed') AS failed,
              count(*) FILTER (WHERE name = 'link-article' AND state IN ('created', 'retry', 'active')) AS linking FROM pgboss.job`,
      );
      done = Number(r[0]!.done) + Number(r[0]!.failed) - Number(r[0]!.linking);
      if (!first && done > 0) first = { at: performance.now(), done };
      if (done >= N) break;
      if (MAX_SECONDS && performance.now() - started > MAX_SECONDS * 1000) break;
      if (performance.now() - last > 15_000) {
        last = performance.now();
        console.log(`[${k} worker(s)] ${done}/${N} after ${((last - started) / 1000).toFixed(0)} s`);
      }
      await new Promise((res) => setTimeout(res, 250));
    }
    // Stop the workers first (SIGKILL: no half-finished job is counted, its transaction rolls back).
    for (const c of children.splice(0)) c.kill('SIGKILL');
    const ended = performance.now();
    const seconds = (ended - started) / 1000;
    const steady = first && ended - first.at > 1000 ? (done - first.done) / ((ended - first.at) / 1000) : NaN;
    const rows: Record<string, number> = {};
    for (const t of TABLES)
      rows[t] = Number((await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${t}"`))[0]!.n);
    // Corroboration is cluster membership: claims in a cluster (a column of Claim, no row of its own).
    rows['clustered'] = Number(
      (await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "Claim" WHERE "clusterId" IS NOT NULL`))[0]!
        .n,
    );
    const failed = Number(
      (await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM pgboss.job WHERE state = 'failed'`))[0]!.n,
    );
    const finished = Number((await db.$queryRawUnsafe<{ n: bigint }[]>(FINISHED))[0]!.n);
    // The jobs report how long their transactions held advisory locks (builds from before that report nothing).
    const [lock] = await db.$queryRawUnsafe<{ ms: number | null; link: number | null; wait: number | null }[]>(
      `SELECT sum((output->>'lockMs')::float) AS ms, sum((output->>'lockMs')::float) FILTER (WHERE name = 'link-article') AS link, sum((output->>'lockWaitMs')::float) AS wait
       FROM pgboss.job WHERE state = 'completed' AND output ? 'lockMs'`,
    );
    const build = path.relative(root, WORKER);
    runs.push({
      build,
      workers: k,
      seconds,
      perSecond: finished / seconds,
      steady,
      startup: first ? (first.at - started) / 1000 : NaN,
      ingested: finished,
      rows,
      lockMs: lock?.ms == null ? NaN : lock.ms / finished,
      linkLockMs: lock?.link == null ? NaN : lock.link / finished,
      waitMs: lock?.wait == null ? NaN : lock.wait / finished,
    });
    await new Promise((res) => setTimeout(res, 1000));
    console.log(
      `[${build}, ${k} worker(s)] ${finished} articles finished (${rows['Article']} written) in ${seconds.toFixed(1)} s = ${(finished / seconds).toFixed(1)} articles/s (${failed} failed jobs); rows ${JSON.stringify(rows)}`,
    );
    await db.$disconnect();
  }

// --- Raw insert ceiling: the rows of the first run, written with COPY into an empty clone ---------
const sourceDb = createPrisma(dbUrl(`bench_w${WORKERS[0]}_b0`), { max: 2 });
const dump = path.join(base, 'copy');
await import('node:fs/promises').then(async (fs) => {
  await fs.mkdir(dump);
  await fs.chmod(dump, 0o777);
});
const target = await cloneTemplate('bench_copy');
const maxSource = Number(
  (await target.$queryRawUnsafe<{ m: number }[]>(`SELECT coalesce(max(id), 0)::int AS m FROM "Source"`))[0]!.m,
);
await sourceDb.$executeRawUnsafe(`COPY (SELECT * FROM "Source" WHERE id > ${maxSource}) TO '${dump}/Source.copy'`);
for (const t of TABLES) await sourceDb.$executeRawUnsafe(`COPY "${t}" TO '${dump}/${t}.copy'`);
await sourceDb.$disconnect();
const tc = performance.now();
await target.$transaction(
  async (tx) => {
    await tx.$executeRawUnsafe(`COPY "Source" FROM '${dump}/Source.copy'`);
    for (const t of TABLES) await tx.$executeRawUnsafe(`COPY "${t}" FROM '${dump}/${t}.copy'`);
  },
  { timeout: 600_000 },
);
const copySeconds = (performance.now() - tc) / 1000;
const copied = Number((await target.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "Article"`))[0]!.n);
const ceiling = copied / copySeconds;
const totalRows = TABLES.reduce((a, t) => a + runs[0]!.rows[t]!, 0);
console.log(
  `COPY ceiling: ${copied} articles (${totalRows} rows) in ${copySeconds.toFixed(2)} s = ${ceiling.toFixed(0)} articles/s`,
);
await target.$disconnect();

console.log(`\n--concurrency ${CONCURRENCY}${BATCH ? `, --batch-size ${BATCH}` : ''}`);
console.log(
  `load average at the end: ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} on ${os.cpus().length} cores`,
);
console.log(
  '\n| build | workers (processes) | articles | seconds | articles/s end to end | share of COPY ceiling | until first job (s) | articles/s after start-up | lock held per article (ms): all, of it the cluster lock | lock waits per article (ms) | relation rows per article | clustered claims per article |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of runs)
  console.log(
    `| ${r.build} | ${r.workers} | ${r.ingested} | ${r.seconds.toFixed(1)} | ${r.perSecond.toFixed(1)} | ${((r.perSecond / ceiling) * 100).toFixed(2)} % | ${r.startup.toFixed(0)} | ${r.steady.toFixed(1)} | ${Number.isNaN(r.lockMs) ? '—' : `${r.lockMs.toFixed(2)}, ${r.linkLockMs.toFixed(2)}`} | ${Number.isNaN(r.waitMs) ? '—' : r.waitMs.toFixed(2)} | ${(r.rows['ClaimRelation']! / r.rows['Article']!).toFixed(1)} | ${(r.rows['clustered']! / r.rows['Article']!).toFixed(1)} |`,
  );
console.log(
  `| COPY (same rows, ${totalRows} rows) | | ${copied} | ${copySeconds.toFixed(2)} | ${ceiling.toFixed(0)} | 100 % | | | | | | |`,
);

// Projection (Amdahl) from one process's run: an article takes 1000 / (its rate after start-up) ms of one job
// loop; of that, the per-workspace lock (link jobs' cluster update) is serial whatever the cores, and stage 1's
// lock-held time (key locks, and the per-workspace origin lock to its commit) is an upper bound on what else is.
for (const r of runs.filter((x) => x.workers === WORKERS[0] && !Number.isNaN(x.lockMs) && x.steady > 0)) {
  const perArticle = 1000 / r.steady;
  for (const [label, serialMs] of [
    ['cluster lock only', r.linkLockMs],
    ['every lock held', r.lockMs],
  ] as const) {
    const s = Math.min(1, serialMs / perArticle);
    const project = (n: number) => Math.min((r.steady * n) / (1 + s * (n - 1)), 1000 / serialMs);
    console.log(
      `projection (${r.build}, serial = ${label}: ${serialMs.toFixed(1)} of ${perArticle.toFixed(1)} ms per article, s = ${(s * 100).toFixed(1)} %): 2 cores ${project(2).toFixed(0)}, 4 cores ${project(4).toFixed(0)}, 16 cores ${project(16).toFixed(0)} articles/s; one workspace at most ${(1000 / serialMs).toFixed(0)} articles/s`,
    );
  }
}

await admin.$disconnect();
await server.stop();
await rm(base, { recursive: true, force: true });
process.exit(0);

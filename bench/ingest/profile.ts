// Where one ingest spends its time (stage timings over a warm database):
//   npx tsx bench/ingest/profile.ts [--articles 300] [--statements] [--batch N] [--every K] [--corpus articles.jsonl[.gz]]
// --corpus reads the first --articles real articles instead of generating them.
// The CPU budget: the CPU time of this process and of the database server (all its processes, from /proc) per article
// and stage, run one article at a time, so 2 cores ÷ their sum is the most this machine could ingest per second.
// --statements also lists the time each statement spent inside PostgreSQL (pg_stat_statements).
// --batch N ingests N articles at a time with ingestBatch (prepared together, then each written and
// linked in its own transactions); "prepare" is then the validation, look-ups and extraction of the batch.
// "lock held" is stage 1's (the write's keys, from the first taken to the commit); "link lock held" the link stage's
// (its cluster lock), each article linked right after the batch's writes, as `link: 'now'` would.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createPrisma, ensureLocalWorkspace, migrate, type PrismaClient } from '@claimgraph/db';
import { startEmbeddedPostgres } from '@claimgraph/db/embedded';
import { importRegistry, ingestBatch, linkArticle } from '@claimgraph/ingest';
import { readCorpus } from './corpus.js';
import { generateCorpus } from './generate.js';

const i = process.argv.indexOf('--articles');
const N = i > 0 ? Number(process.argv[i + 1]) : 300;
const b = process.argv.indexOf('--batch');
const BATCH = b > 0 ? Number(process.argv[b + 1]) : 1;
const base = await mkdtemp(path.join(os.tmpdir(), 'claimgraph-profile-'));
const { chmod } = await import('node:fs/promises');
await chmod(base, 0o777);
const STATEMENTS = process.argv.includes('--statements');
const c = process.argv.indexOf('--corpus');
const CORPUS = c > 0 ? process.argv[c + 1]! : '';
const server = await startEmbeddedPostgres({
  dataDir: path.join(base, 'data'),
  ...(STATEMENTS
    ? {
        settings: {
          shared_preload_libraries: 'pg_stat_statements',
          'pg_stat_statements.track': 'all',
          'pg_stat_statements.track_planning': 'on',
        },
      }
    : {}),
});
await migrate(server.url);
const db: PrismaClient = createPrisma(server.url);
await importRegistry(db);
const { workspaceId } = await ensureLocalWorkspace(db);
if (STATEMENTS) {
  await db.$executeRawUnsafe('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  await db.$queryRawUnsafe('SELECT pg_stat_statements_reset()');
}
const totals: Record<string, number> = {};
// The claims' update trigger (Claim_timeline_update, per statement) as the link stage fires it when it sets clusters:
// its body's statement, nested execution included, summed over the link calls only.
const linkTrigger = { ms: 0, calls: 0 };
const claimUpdateTrigger = async () => {
  const [r] = await db.$queryRawUnsafe<{ ms: number; calls: number }[]>(
    `SELECT coalesce(sum(total_exec_time), 0)::float AS ms, coalesce(sum(calls), 0)::int AS calls FROM pg_stat_statements
      WHERE query LIKE '%claimgraph_timeline_record"(array_agg(v.ws)%'`,
  );
  return r!;
};
/** CPU time (ms) of the database server: its postmaster, the processes it runs, and those it has reaped. */
const postmaster = Number(readFileSync(path.join(base, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
const TICK_MS = 10; // USER_HZ is 100 on Linux
function serverCpuMs(): number {
  const times = (pid: number, reaped: boolean) => {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const v = f
      .slice(f.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    // Fields 14-17 of stat (utime, stime, cutime, cstime), counted from the state (field 3) here.
    return (v[11]! + v[12]! + (reaped ? v[13]! + v[14]! : 0)) * TICK_MS;
  };
  let ms = times(postmaster, true);
  for (const child of readFileSync(`/proc/${postmaster}/task/${postmaster}/children`, 'utf8')
    .split(' ')
    .filter(Boolean))
    try {
      ms += times(Number(child), false);
    } catch {
      // ended between the two reads: counted in the postmaster's reaped time next time
    }
  return ms;
}
const cpuMs = () => {
  const u = process.cpuUsage();
  return { worker: (u.user + u.system) / 1000, server: serverCpuMs() };
};
const cpuTotals: Record<string, { worker: number; server: number }> = {};
const addCpu = (stage: string, from: ReturnType<typeof cpuMs>, to: ReturnType<typeof cpuMs>) => {
  const t = (cpuTotals[stage] ??= { worker: 0, server: 0 });
  t.worker += to.worker - from.worker;
  t.server += to.server - from.server;
};
let last = 0;
const started = performance.now();
const cpu0 = process.cpuUsage();
const corpus = CORPUS ? await readCorpus(CORPUS, N) : generateCorpus(N);
// --every K: the rate of each K articles, to see whether the cost per article grows with the corpus.
const e = process.argv.indexOf('--every');
const EVERY = e > 0 ? Number(process.argv[e + 1]) : 0;
let window = { from: 0, at: started };
for (let n = 0; n < N; n += BATCH) {
  if (EVERY && n - window.from >= EVERY) {
    const now = performance.now();
    console.log(`articles ${window.from}-${n}: ${((n - window.from) / ((now - window.at) / 1000)).toFixed(1)}/s`);
    window = { from: n, at: now };
  }
  const t0 = performance.now();
  last = t0;
  // The first stage hook of a batch ends its preparation (validation, look-ups, extraction, lock).
  let prepared = false;
  const cpuStart = cpuMs();
  let cpuPrepared = cpuStart;
  const results = await ingestBatch(db, corpus.slice(n, n + BATCH), {
    workspaceId,
    link: 'later',
    hooks: {
      afterStage: (s) => {
        const now = performance.now();
        if (!prepared && s === 'source') {
          prepared = true;
          cpuPrepared = cpuMs();
          totals['prepare'] = (totals['prepare'] ?? 0) + (now - last);
        } else {
          // The time before a later article's first stage is the previous article's commit and link.
          const k = s === 'source' ? 'commit, link' : s;
          totals[k] = (totals[k] ?? 0) + now - last;
        }
        last = now;
      },
    },
  });
  const cpuWritten = cpuMs();
  addCpu('prepare (extraction)', cpuStart, cpuPrepared);
  addCpu('stage 1 write', cpuPrepared, cpuWritten);
  const before = STATEMENTS ? await claimUpdateTrigger() : null;
  for (const r of results)
    if (r.status === 'fulfilled' && r.value.status === 'ingested')
      for (const id of [r.value.articleId, ...r.value.relinked])
        totals['link lock held'] = (totals['link lock held'] ?? 0) + (await linkArticle(db, workspaceId, id)).lockMs;
  addCpu('link', cpuWritten, cpuMs());
  if (before) {
    const after = await claimUpdateTrigger();
    linkTrigger.ms += after.ms - before.ms;
    linkTrigger.calls += after.calls - before.calls;
  }
  const end = performance.now();
  totals['commit, link'] = (totals['commit, link'] ?? 0) + end - last;
  totals['total'] = (totals['total'] ?? 0) + end - t0;
  results.forEach((r, k) =>
    r.status === 'fulfilled' && r.value.status === 'ingested'
      ? null
      : console.log(n + k, r.status === 'fulfilled' ? r.value.status : r.reason),
  );
  for (const r of results)
    if (r.status === 'fulfilled' && r.value.status === 'ingested')
      totals['lock held'] = (totals['lock held'] ?? 0) + r.value.lockMs;
}
const secs = (performance.now() - started) / 1000;
console.log(
  `${N} articles in ${secs.toFixed(1)} s = ${(N / secs).toFixed(1)}/s, batches of ${BATCH}; mean ms per article and stage (prepare = validation, look-ups, extraction and lock):`,
);
for (const [k, v] of Object.entries(totals)) console.log(`  ${k.padEnd(10)} ${(v / N).toFixed(1)}`);
// This process's CPU (extraction, comparison, the ORM): the rest of the machine's busy time is PostgreSQL's.
const cpu = process.cpuUsage(cpu0);
console.log(`  CPU of this process: ${((cpu.user + cpu.system) / 1000 / N).toFixed(1)} ms per article`);
console.log('CPU ms per article (this process, the database server):');
let budget = 0;
for (const [k, v] of Object.entries(cpuTotals)) {
  budget += (v.worker + v.server) / N;
  console.log(`  ${k.padEnd(22)} ${(v.worker / N).toFixed(2).padStart(7)} ${(v.server / N).toFixed(2).padStart(7)}`);
}
console.log(`  total ${budget.toFixed(2)} ms: 2 cores give at most ${(2000 / budget).toFixed(1)} articles/s`);
if (STATEMENTS) {
  // Time spent executing inside PostgreSQL, per statement (the rest of a call is the client's and the wire's).
  const rows = await db.$queryRawUnsafe<{ calls: number; ms: number; plan: number; statement: string }[]>(
    `SELECT calls::int, (total_exec_time / ${N})::float AS ms, (total_plan_time / ${N})::float AS plan,
            left(regexp_replace(query, '\\s+', ' ', 'g'), 100) AS statement
       FROM pg_stat_statements WHERE total_exec_time > 0 ORDER BY total_exec_time + total_plan_time DESC LIMIT 24`,
  );
  console.log(
    `  the claims' update trigger in the link stage: ${(linkTrigger.ms / N).toFixed(2)} ms, ${(linkTrigger.calls / N).toFixed(2)} calls per article`,
  );
  console.log('time inside PostgreSQL per article (ms executing, ms planning, calls per article, statement):');
  for (const r of rows)
    console.log(
      `  ${r.ms.toFixed(2).padStart(6)} ${r.plan.toFixed(2).padStart(6)} ${(r.calls / N).toFixed(2).padStart(7)}  ${r.statement}`,
    );
}
await db.$disconnect();
await server.stop();
await rm(base, { recursive: true, force: true });

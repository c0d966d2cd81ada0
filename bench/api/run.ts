// API benchmark: each research query (bench/api/cases.ts: the claims explorer, search, contradictions, timeline,
// actor graph, claim page) through the real API beside its hand-written single SQL statement served by node:http + pg,
// the CSV export beside `COPY … TO STDOUT` (psql), and two API processes against one, all against the same generated
// database in the same run.
// Phases are interleaved per query (API, raw, raw, API; with --baseline: API, baseline, raw, raw, baseline, API) so a
// neighbour's load hits both sides alike; the table gives the ratios, the load average and CPU per request.
//
//   npm run bench -- api          (= npx tsx bench/api/run.ts)
//   npx tsx bench/api/run.ts [--claims 1000000] [--duration 10] [--connections 10] [--only explorer,timeline]
//                            [--baseline /path/to/other/checkout] [--export-runs 3] [--keep] [--dir <path>]
// (--only also takes 'two processes' and 'export').
//
// The dataset (≈1M claims) is generated once into --dir (default /tmp/claimgraph-bench-api: the dataset and its
// embedded PostgreSQL) and reused while its scale matches; two benchmarks on two directories can run side by side.
// --baseline runs that checkout's API (its bench/api/serve-api.ts, its own build) in the same phases: before/after.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createPrisma, ensureLocalWorkspace, migrate } from '@claimgraph/db';
import { freePort, startEmbeddedPostgres } from '@claimgraph/db/embedded';
import { CASES, EXPORT } from './cases.js';
import { DEFAULT_SCALE, ensureDataset } from './generate.js';
import { arg, postgresCpu, processCpu } from './measure.js';

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(`API benchmark: each research query beside its hand-written SQL, at 1M claims (bench/api/cases.ts).

  npx tsx bench/api/run.ts [--claims 1000000] [--duration 10] [--connections 10] [--only explorer,timeline]
                           [--baseline /path/to/other/checkout] [--export-runs 3] [--keep] [--dir <path>]

  --only        cases by name (${CASES.map((c) => c.name).join('; ')}), 'two processes', 'export'
  --baseline    runs that checkout's API in the same phases (API, baseline, raw, raw, baseline, API)
  --keep        keeps the dataset in --dir even if --claims differs
  --dir         the dataset and its embedded PostgreSQL (default /tmp/claimgraph-bench-api); another directory lets
                two benchmarks run side by side`);
  process.exit(0);
}
const here = path.dirname(fileURLToPath(import.meta.url));
const claims = Number(arg('claims', String(DEFAULT_SCALE.claims)));
const scale = { ...DEFAULT_SCALE, claims, articles: Math.max(1000, Math.round(claims / 10)) };
const DURATION = Number(arg('duration', '10'));
const CONNECTIONS = Number(arg('connections', '10'));
const EXPORT_RUNS = Number(arg('export-runs', '3'));
const only = arg('only', '').split(',').filter(Boolean);
const baselineDir = arg('baseline', '');
const dir = path.resolve(arg('dir', '/tmp/claimgraph-bench-api'));
const dataDir = path.join(dir, 'data');
const marker = path.join(dir, 'scale.json');
const load = () => os.loadavg()[0]!.toFixed(1);

if (
  !process.argv.includes('--keep') &&
  existsSync(marker) &&
  (await readFile(marker, 'utf8')) !== JSON.stringify(scale)
)
  await rm(dir, { recursive: true, force: true });
await mkdir(dir, { recursive: true });
await chmod(dir, 0o777);
const pgServer = await startEmbeddedPostgres({ dataDir, database: 'claimgraph_bench' });
const children: ChildProcess[] = [];
process.on('exit', () => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

interface Server {
  name: string;
  url: string;
  pid: number;
}

try {
  await migrate(pgServer.url);
  const db = createPrisma(pgServer.url, { max: 2 });
  const { workspaceId } = await ensureLocalWorkspace(db);
  await ensureDataset(db, workspaceId, scale, marker);
  const [counts] = await db.$queryRawUnsafe<Record<string, number>[]>(`SELECT
    (SELECT count(*)::int FROM "Claim") AS claims, (SELECT count(*)::int FROM "Article") AS articles, (SELECT count(*)::int FROM "Source") AS sources,
    (SELECT count(*)::int FROM "Actor") AS actors, (SELECT count(*)::int FROM "ClaimActor") AS "claimActors", (SELECT pg_size_pretty(pg_database_size(current_database()))) AS size`);
  console.log('dataset', counts);
  await db.$disconnect();

  const cases = CASES.filter((c) => !only.length || only.includes(c.name));
  const start = (name: string, script: string, env: Record<string, string>, cwd?: string) =>
    new Promise<Server>((resolve, reject) => {
      const child = fork(script, {
        cwd,
        env: { ...process.env, ...env },
        execArgv: ['--import', 'tsx'],
        stdio: 'inherit',
      });
      children.push(child);
      child.once('message', (m: { url: string }) => resolve({ name, url: m.url, pid: child.pid! }));
      child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    });
  const apiEnv = async () => ({
    DATABASE_URL: pgServer.url,
    API_PORT: String(await freePort()),
    NODE_ENV: 'production',
  });
  const api = await start('API', path.join(here, 'serve-api.ts'), await apiEnv());
  const baseline = baselineDir
    ? await start('baseline', path.join(baselineDir, 'bench/api/serve-api.ts'), await apiEnv(), baselineDir)
    : null;
  const raw = await start('raw SQL', path.join(here, 'serve-raw.ts'), {
    DATABASE_URL: pgServer.url,
    RAW_PORT: String(await freePort()),
    RAW_WORKSPACE: String(workspaceId),
    RAW_CASES: JSON.stringify(cases.map((c) => ({ sql: c.sql, params: c.params }))),
  });

  const request = (server: Server, i: number) =>
    server === raw
      ? { url: `${raw.url}${i}`, body: '{}' }
      : { url: server.url, body: JSON.stringify({ query: cases[i]!.query, variables: cases[i]!.variables }) };
  const post = async (server: Server, i: number) => {
    const { url, body } = request(server, i);
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const json = (await res.json()) as { data?: unknown; errors?: { message: string }[] };
    if (!res.ok || json.errors)
      throw new Error(
        `${server.name}, ${cases[i]!.name}: ${res.status} ${JSON.stringify(json.errors ?? json).slice(0, 300)}`,
      );
    return json;
  };
  // Same answer from every server before measuring (a projection: ids, counts).
  for (const [i, c] of cases.entries()) {
    const rawKey = JSON.stringify(c.rawKey(await post(raw, i)));
    for (const s of baseline ? [api, baseline] : [api]) {
      const apiKey = JSON.stringify(c.apiKey((await post(s, i)).data));
      if (apiKey !== rawKey)
        throw new Error(
          `${s.name} and raw SQL disagree on ${c.name}: ${apiKey.slice(0, 200)} vs ${rawKey.slice(0, 200)}`,
        );
    }
  }
  console.log(`every server gives the same answer to: ${cases.map((c) => c.name).join(', ')}`);

  interface Phase {
    rps: number;
    p50: number;
    p99: number;
    nodeMs: number;
    pgMs: number;
    load: string;
  }
  const measure = async (server: Server, i: number): Promise<Phase> => {
    const { url, body } = request(server, i);
    const opts = {
      url,
      method: 'POST' as const,
      headers: { 'content-type': 'application/json' },
      body,
      connections: CONNECTIONS,
    };
    await autocannon({ ...opts, duration: 2 }); // warm-up
    const [node0, pg0] = [await processCpu(server.pid), await postgresCpu(dataDir)];
    const res = await autocannon({ ...opts, duration: DURATION });
    const [node1, pg1] = [await processCpu(server.pid), await postgresCpu(dataDir)];
    if (res.non2xx || res.errors || res.timeouts)
      throw new Error(
        `${server.name}, ${cases[i]!.name}: ${res.non2xx} non-2xx, ${res.errors} errors, ${res.timeouts} timeouts`,
      );
    const n = Math.max(1, res.requests.total);
    return {
      rps: res.requests.average,
      p50: res.latency.p50,
      p99: res.latency.p99,
      nodeMs: (node1 - node0) / n,
      pgMs: (pg1 - pg0) / n,
      load: load(),
    };
  };
  const mean = (xs: Phase[], k: keyof Phase) => xs.reduce((a, x) => a + Number(x[k]), 0) / xs.length;
  const rows: string[] = [];
  // A serial case: requests one at a time in the same interleaved phases, mean time per request.
  const serialRuns = Math.max(1, Math.round(DURATION / 2));
  const timeSerial = async (server: Server, i: number) => {
    await post(server, i); // warm-up
    const t = performance.now();
    for (let k = 0; k < serialRuns; k++) await post(server, i);
    return (performance.now() - t) / serialRuns;
  };
  for (const [i, c] of cases.entries()) {
    const order = baseline ? [api, baseline, raw, raw, baseline, api] : [api, raw, raw, api];
    if (c.serial) {
      const ms = new Map<Server, number[]>();
      const l0 = load();
      for (const s of order) ms.set(s, [...(ms.get(s) ?? []), await timeSerial(s, i)]);
      const f = (s: Server) =>
        ms
          .get(s)!
          .map((x) => x.toFixed(0))
          .join(', ');
      const avg = (s: Server) => ms.get(s)!.reduce((a, x) => a + x, 0) / ms.get(s)!.length;
      console.log(`  ${c.name}: ${[...ms.keys()].map((s) => `${s.name} ${f(s)} ms`).join('; ')} per request`);
      rows.push(
        `| ${c.name} (one at a time, ${serialRuns} each) | ${f(api)} ms per request | | | ${f(raw)} ms per request | | | **${(avg(api) / avg(raw)).toFixed(3)}** (time) |${baseline ? ` | ${(avg(api) / avg(baseline)).toFixed(3)} (time) |` : ''} ${l0}–${load()} |`,
      );
      continue;
    }
    const phases = new Map<Server, Phase[]>();
    for (const s of order) {
      const p = await measure(s, i);
      phases.set(s, [...(phases.get(s) ?? []), p]);
      console.log(
        `  ${c.name} / ${s.name}: ${p.rps.toFixed(p.rps < 10 ? 1 : 0)} req/s, p50 ${p.p50} p99 ${p.p99} ms, CPU per request ${p.nodeMs.toFixed(2)} ms server + ${p.pgMs.toFixed(2)} ms PostgreSQL, load ${p.load}`,
      );
    }
    const fmt = (s: Server) => {
      const ps = phases.get(s)!;
      return `${ps.map((p) => p.rps.toFixed(p.rps < 10 ? 1 : 0)).join(', ')} | ${ps.map((p) => `${p.p50} / ${p.p99}`).join(', ')} | ${mean(ps, 'nodeMs').toFixed(2)} + ${mean(ps, 'pgMs').toFixed(2)}`;
    };
    const ratio = (a: Server, b: Server) => {
      const d = mean(phases.get(b)!, 'rps');
      return d ? (mean(phases.get(a)!, 'rps') / d).toFixed(2) : `— (no ${b.name} request finished)`;
    };
    const loads = [...phases.values()].flat().map((p) => Number(p.load));
    rows.push(
      `| ${c.name} | ${fmt(api)} | ${fmt(raw)} | **${ratio(api, raw)}** |${baseline ? ` ${ratio(baseline, raw)} | ${ratio(api, baseline)} |` : ''} ${Math.min(...loads)}–${Math.max(...loads)} |`,
    );
  }

  // Two API processes on one database against one: the explorer's page with the same connections split over both
  // (phases one, two, two, one). Nothing is cached per process, so a correction through one is read by the other at once.
  if (!only.length || only.includes('two processes')) {
    const i = CASES.findIndex((c) => c.name === 'explorer');
    const second = await start('API, second process', path.join(here, 'serve-api.ts'), await apiEnv());
    const body = JSON.stringify({ query: CASES[i]!.query, variables: CASES[i]!.variables });
    const load1 = (url: string, connections: number) =>
      autocannon({
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        connections,
        duration: DURATION,
      });
    const phase = async (two: boolean) => {
      const half = Math.max(1, Math.floor(CONNECTIONS / 2));
      const rs = two
        ? await Promise.all([load1(api.url, half), load1(second.url, CONNECTIONS - half)])
        : [await load1(api.url, CONNECTIONS)];
      if (rs.some((r) => r.non2xx || r.errors)) throw new Error('two processes: failed requests');
      return rs.reduce((a, r) => a + r.requests.average, 0);
    };
    const l0 = load();
    await load1(second.url, CONNECTIONS); // warm-up of the new process
    const [a1, b1, b2, a2] = [await phase(false), await phase(true), await phase(true), await phase(false)];
    const f = (x: number) => x.toFixed(x < 10 ? 1 : 0);
    rows.push(
      `| explorer, two API processes (${CONNECTIONS} connections split) | ${f(b1)}, ${f(b2)} | | | ${f(a1)}, ${f(a2)} (one process) | | | **${((b1 + b2) / (a1 + a2)).toFixed(2)}** (two ÷ one) |${baseline ? ' | |' : ''} ${l0}–${load()} |`,
    );
  }

  // CSV export: rows per second streamed by the API vs COPY … TO STDOUT through psql, one request at a time.
  if (!only.length || only.includes('export')) {
    const apiBase = new URL(api.url).origin;
    const timeIt = async (fn: () => Promise<number>) => {
      const t = performance.now();
      const lines = await fn();
      return { lines, ms: performance.now() - t };
    };
    const viaApi = () =>
      timeIt(async () => {
        const res = await fetch(apiBase + EXPORT.path);
        if (!res.ok) throw new Error(`export: ${res.status} ${await res.text()}`);
        return (await res.text()).split('\r\n').length - 2; // header, trailing newline
      });
    const viaCopy = () =>
      timeIt(
        () =>
          new Promise<number>((resolve, reject) => {
            const p = spawn('psql', [pgServer.url, '-X', '-q', '-c', EXPORT.copy], {
              stdio: ['ignore', 'pipe', 'inherit'],
            });
            let text = '';
            p.stdout.setEncoding('utf8').on('data', (d: string) => (text += d));
            p.once('exit', (code) =>
              code === 0 ? resolve(text.split('\n').length - 2) : reject(new Error(`psql exited with ${code}`)),
            );
          }),
      );
    const runs: Record<'api' | 'copy', { lines: number; ms: number }[]> = { api: [], copy: [] };
    const l0 = load();
    await viaApi(); // warm-up
    await viaCopy();
    for (const side of ['api', 'copy', 'copy', 'api'] as const)
      for (let k = 0; k < EXPORT_RUNS; k++) runs[side].push(await (side === 'api' ? viaApi() : viaCopy()));
    const rate = (xs: { lines: number; ms: number }[]) =>
      xs.reduce((a, x) => a + x.lines, 0) / (xs.reduce((a, x) => a + x.ms, 0) / 1000);
    const [a, b] = [rate(runs.api), rate(runs.copy)];
    if (runs.api[0]!.lines !== runs.copy[0]!.lines)
      throw new Error(`export: the API wrote ${runs.api[0]!.lines} rows, COPY ${runs.copy[0]!.lines}`);
    rows.push(
      `| CSV export (${runs.api[0]!.lines} rows, one at a time) | ${a.toFixed(0)} rows/s | | | ${b.toFixed(0)} rows/s (COPY) | | | **${(a / b).toFixed(2)}** |${baseline ? ' | |' : ''} ${l0}–${load()} |`,
    );
  }

  console.log(
    `\n${CONNECTIONS} connections, ${DURATION} s per phase after 2 s of warm-up; CPU = this process's (server) + PostgreSQL's, per request`,
  );
  console.log(
    `\n| query | API req/s | API p50 / p99 ms | API CPU ms | raw req/s | raw p50 / p99 ms | raw CPU ms | API ÷ raw |${baseline ? ' baseline ÷ raw | API ÷ baseline |' : ''} load |`,
  );
  console.log(`|---|---|---|---|---|---|---|---|${baseline ? '---|---|' : ''}---|`);
  for (const r of rows) console.log(r);
} finally {
  children.forEach((c) => c.kill('SIGTERM'));
  await new Promise((r) => setTimeout(r, 500));
  await pgServer.stop();
}

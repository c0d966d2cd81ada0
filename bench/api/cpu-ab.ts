// The API process's own CPU per request, this checkout against another (--baseline), one request at a time: for each
// case, rounds of `--requests` sequential requests to each API in turn (A then B, then B then A), and the CPU time
// each process used per request in each round (/proc). Throughput on a shared, loaded box swings by 2× between two
// phases of one server; CPU time per request of sequential requests, interleaved in short rounds, moves far less.
// Beside it, the PostgreSQL cluster's CPU per request in the same rounds (the sides run in turn; nothing else uses it).
//
//   npx tsx bench/api/cpu-ab.ts --baseline /path/to/other/checkout [--only explorer,contradictions] [--rounds 8]
//                               [--requests 60] [--dir /tmp/claimgraph-bench-api]
//
// `--baseline raw` measures against each case's hand-written statement served by node:http + pg (serve-raw.ts) instead:
// with `--only floor` (`{ __typename }` beside a one-row statement) it gives the fixed cost every API request pays.
//
// Uses the dataset bench/api/run.ts generated (run that first); the baseline checkout needs its own install and build.
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPrisma, ensureLocalWorkspace } from '@claimgraph/db';
import { freePort, startEmbeddedPostgres } from '@claimgraph/db/embedded';
import { CASES } from './cases.js';
import { arg, postgresCpu, processCpu } from './measure.js';

const localWorkspace = async (url: string) => {
  const db = createPrisma(url, { max: 1 });
  try {
    return (await ensureLocalWorkspace(db)).workspaceId;
  } finally {
    await db.$disconnect();
  }
};

const here = path.dirname(fileURLToPath(import.meta.url));
const baselineDir = arg('baseline', '');
if (!baselineDir) throw new Error('--baseline <checkout> is required');
const only = arg('only', 'explorer,contradictions,claim page').split(',').filter(Boolean);
const ROUNDS = Number(arg('rounds', '8'));
const REQUESTS = Number(arg('requests', '60'));
const dir = arg('dir', '/tmp/claimgraph-bench-api');
/** NAME=value,… set for the baseline's process only (e.g. a switch of the same checkout). */
const baselineEnv = Object.fromEntries(
  arg('baseline-env', '')
    .split(',')
    .filter(Boolean)
    .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
);
const dataDir = path.join(dir, 'data');
const pgServer = await startEmbeddedPostgres({ dataDir, database: 'claimgraph_bench' });
const children: ChildProcess[] = [];
process.on('exit', () => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

const start = async (script: string, cwd?: string, extra: Record<string, string> = {}) => {
  const child = fork(script, {
    cwd,
    env: {
      ...process.env,
      ...extra,
      DATABASE_URL: pgServer.url,
      API_PORT: String(await freePort()),
      NODE_ENV: 'production',
    },
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
  });
  children.push(child);
  return new Promise<{ url: string; pid: number }>((resolve, reject) => {
    child.once('message', (m: { url: string }) => resolve({ url: m.url, pid: child.pid! }));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const cases = CASES.filter((x) => only.includes(x.name));
const againstRaw = baselineDir === 'raw';
try {
  const sides = {
    API: await start(path.join(here, 'serve-api.ts')),
    baseline: againstRaw
      ? await start(path.join(here, 'serve-raw.ts'), undefined, {
          RAW_PORT: String(await freePort()),
          RAW_WORKSPACE: String(await localWorkspace(pgServer.url)),
          RAW_CASES: JSON.stringify(cases.map((c) => ({ sql: c.sql, params: c.params }))),
        })
      : await start(path.join(baselineDir, 'bench/api/serve-api.ts'), baselineDir, baselineEnv),
  };
  console.log(
    `| case | API ms CPU / request (median, rounds) | ${againstRaw ? 'raw SQL' : 'baseline'} | API ÷ ${againstRaw ? 'raw' : 'baseline'} | PostgreSQL ms CPU / request, API / ${againstRaw ? 'raw' : 'baseline'} (medians) | load |\n|---|---|---|---|---|---|`,
  );
  for (const [i, c] of cases.entries()) {
    const body = JSON.stringify({ query: c.query, variables: c.variables });
    const send = async (url: string) => {
      const raw = againstRaw && url === sides.baseline.url;
      const res = await fetch(raw ? `${url}${i}` : url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: raw ? '{}' : body,
      });
      const json = (await res.json()) as { errors?: unknown };
      if (!res.ok || json.errors) throw new Error(`${c.name}: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
    };
    const round = async (side: { url: string; pid: number }) => {
      const [cpu0, pg0] = [await processCpu(side.pid), await postgresCpu(dataDir)];
      for (let i = 0; i < REQUESTS; i++) await send(side.url);
      const [cpu1, pg1] = [await processCpu(side.pid), await postgresCpu(dataDir)];
      return { node: (cpu1 - cpu0) / REQUESTS, pg: (pg1 - pg0) / REQUESTS };
    };
    for (const s of Object.values(sides)) for (let i = 0; i < 20; i++) await send(s.url); // warm-up
    const per: Record<keyof typeof sides, number[]> = { API: [], baseline: [] };
    const pg: Record<keyof typeof sides, number[]> = { API: [], baseline: [] };
    const load0 = os.loadavg()[0]!.toFixed(1);
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 ? (['baseline', 'API'] as const) : (['API', 'baseline'] as const);
      for (const name of order) {
        const cpu = await round(sides[name]);
        per[name].push(cpu.node);
        pg[name].push(cpu.pg);
      }
    }
    const [a, b] = [median(per.API), median(per.baseline)];
    const list = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' ');
    console.log(
      `| ${c.name} | **${a.toFixed(2)}** (${list(per.API)}) | **${b.toFixed(2)}** (${list(per.baseline)}) | **${(a / b).toFixed(2)}** | ${median(pg.API).toFixed(2)} / ${median(pg.baseline).toFixed(2)} | ${load0}–${os.loadavg()[0]!.toFixed(1)} |`,
    );
  }
} finally {
  await Promise.all(
    children.map((c) => (c.exitCode === null ? new Promise((r) => (c.once('exit', r), c.kill('SIGTERM'))) : null)),
  );
  await pgServer.stop();
}

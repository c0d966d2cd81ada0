// Where an API request's time goes: the real API under autocannon with `node --cpu-prof`, then the profile's self
// time by package and by function, beside the CPU the API process and PostgreSQL used per request.
//
//   npx tsx bench/api/profile.ts [--case explorer] [--duration 15] [--connections 10] [--top 25]
//
// Uses the dataset bench/api/run.ts generated in /tmp/claimgraph-bench-api (run that first). The request is one of
// run.ts's cases (bench/api/cases.ts), the explorer page by default. The .cpuprofile is kept in /tmp/claimgraph-bench-api/profiles (open it in Chrome DevTools).
import { fork } from 'node:child_process';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { freePort, startEmbeddedPostgres } from '@claimgraph/db/embedded';
import { CASES } from './cases.js';
import { arg, postgresCpu, processCpu } from './measure.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const DURATION = Number(arg('duration', '15'));
const CONNECTIONS = Number(arg('connections', '10'));
const TOP = Number(arg('top', '25'));
const CASE = CASES.find((c) => c.name === arg('case', 'explorer'));
if (!CASE) throw new Error(`--case: one of ${CASES.map((c) => c.name).join(', ')}`);
const dataDir = '/tmp/claimgraph-bench-api/data';
const out = '/tmp/claimgraph-bench-api/profiles';

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
const pgServer = await startEmbeddedPostgres({ dataDir, database: 'claimgraph_bench' });
try {
  const port = await freePort();
  const child = fork(path.join(here, 'serve-api.ts'), {
    env: { ...process.env, DATABASE_URL: pgServer.url, API_PORT: String(port), NODE_ENV: 'production' },
    execArgv: ['--import', 'tsx', '--cpu-prof', `--cpu-prof-dir=${out}`],
    stdio: 'inherit',
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { url: string }) => resolve(m.url));
    child.once('exit', (code) => reject(new Error(`serve-api.ts exited with ${code}`)));
  });
  const body = JSON.stringify({ query: CASE.query, variables: CASE.variables });
  const opts = {
    url,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body,
    connections: CONNECTIONS,
  };
  await autocannon({ ...opts, duration: 3 });
  const load = os.loadavg()[0]!.toFixed(1);
  const [node0, pg0] = [await processCpu(child.pid!), await postgresCpu(dataDir)];
  const res = await autocannon({ ...opts, duration: DURATION });
  const [node1, pg1] = [await processCpu(child.pid!), await postgresCpu(dataDir)];
  const n = res.requests.total;
  console.log(
    `${n} requests, ${res.requests.average} req/s, p50 ${res.latency.p50} ms, p99 ${res.latency.p99} ms; load ${load} → ${os.loadavg()[0]!.toFixed(1)}`,
  );
  console.log(
    `CPU per request: API process ${((node1 - node0) / n).toFixed(2)} ms, PostgreSQL ${((pg1 - pg0) / n).toFixed(2)} ms`,
  );
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));

  const file = (await readdir(out)).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('no .cpuprofile written');
  interface Node {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }
  const profile = JSON.parse(await readFile(path.join(out, file), 'utf8')) as {
    nodes: Node[];
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  // A package: node_modules/<name>, the API's own source, node's internals, or V8's pseudo-frames ((garbage collector)).
  const where = (u: string, fn: string) => {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u);
    if (m) return m[1]!;
    if (u.includes('/apps/api/src/')) return 'apps/api/src';
    if (u.includes('/packages/')) return u.replace(/.*\/packages\/([^/]+)\/.*/, 'packages/$1');
    if (u.startsWith('node:')) return 'node internals';
    return u ? 'other' : fn;
  };
  const sum = (key: (x: Node) => string) => {
    const m = new Map<string, number>();
    for (const [id, t] of self) {
      const k = key(byId.get(id)!);
      m.set(k, (m.get(k) ?? 0) + t);
    }
    return [...m].sort((a, b) => b[1] - a[1]);
  };
  const pct = (t: number) => `${((100 * t) / total).toFixed(1)} %`;
  const busy = total - (sum((x) => x.callFrame.functionName).find(([k]) => k === '(idle)')?.[1] ?? 0);
  console.log(
    `\nprofile ${file}: ${(total / 1000).toFixed(0)} ms sampled, ${(busy / 1000).toFixed(0)} ms not idle (${(busy / 1000 / n).toFixed(2)} ms per request over the measured run and warm-up)`,
  );
  console.log('\n| package | self time |\n|---|---|');
  for (const [k, t] of sum((x) => where(x.callFrame.url, x.callFrame.functionName)).slice(0, TOP))
    console.log(`| ${k} | ${pct(t)} |`);
  console.log('\n| function | where | self time |\n|---|---|---|');
  for (const [k, t] of sum(
    (x) =>
      `${x.callFrame.functionName || '(anonymous)'} | ${x.callFrame.url.replace(/.*node_modules\//, '').replace(/.*\/work\/[^/]+\//, '')}:${x.callFrame.lineNumber + 1}`,
  ).slice(0, TOP)) {
    console.log(`| ${k} | ${pct(t)} |`);
  }
} finally {
  await pgServer.stop();
}

// Dashboard benchmark: Lighthouse (npm, v12 for Node 20) against Debian's Chromium, offline, on the
// production build under `next start` with the real API and a generated dataset. Pages: the claims
// explorer, a claim page, and the static Help page of the same app as the baseline shell.
//
//   npx tsx bench/web/run.ts [--claims 1000000] [--runs 3] [--keep] [--only 'filtered']  (pages whose name contains it, plus the baseline)
//                            [--profile]  (Lighthouse's main-thread breakdown, costliest scripts and long tasks per run)
//                            [--baseline /path/to/other/checkout]  (its apps/web build too, runs alternated: before/after)
//                            [--dir /tmp/claimgraph-bench-web] [--probe-only] [--save-html] [--serve]
//                            [--database claimgraph_bench_web]  (bench/api's dataset: --dir /tmp/claimgraph-bench-api --database claimgraph_bench)
//                            [--trace]  (keeps each run's trace, with JS samples, in --dir/traces) [--modes mobile]
//                            [--floor]  (also a bare Next.js page, bench/web/bare: the framework's own cost here)
//
// Needs `npm run build -w @claimgraph/web` first (and in the baseline checkout); --floor needs `next build` in bench/web/bare. The dataset is generated once into
// --dir (bench/api's generator) and reused while its scale matches. --serve keeps the servers up after the probes,
// for a profiler of one's own, until interrupted.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { createPrisma, ensureLocalWorkspace, migrate } from '@claimgraph/db';
import { freePort, startEmbeddedPostgres } from '@claimgraph/db/embedded';
import { startApi } from '@claimgraph/api';
import { print } from 'graphql';
import { OFFLINE_FLAGS } from '../../apps/web/e2e/browser.js';
import { DEFAULT_SCALE, ensureDataset } from '../api/generate.js';
import {
  ClaimPage_ClaimDocument,
  Explorer_ClaimsDocument,
  Explorer_OptionsDocument,
} from '../../apps/web/src/__generated__/graphql.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const webDir = path.join(root, 'apps/web');
const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : dflt;
};
const claims = Number(arg('claims', String(DEFAULT_SCALE.claims)));
const RUNS = Number(arg('runs', '3'));
const scale = { ...DEFAULT_SCALE, claims, articles: Math.max(1000, Math.round(claims / 10)) };
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const dir = path.resolve(arg('dir', '/tmp/claimgraph-bench-web'));
const marker = path.join(dir, 'scale.json');
const PROBE_DONE = Symbol('probe done');
const TRACE = process.argv.includes('--trace');
const MODES = (['mobile', 'desktop'] as const).filter((m) => arg('modes', 'mobile,desktop').split(',').includes(m));

const baseline = arg('baseline', '');
// Each build measured: this checkout's, and with --baseline the other checkout's, served side by side.
const builds = [
  { name: 'this', dir: webDir },
  ...(baseline ? [{ name: 'baseline', dir: path.join(path.resolve(baseline), 'apps/web') }] : []),
];
for (const b of builds)
  if (!existsSync(path.join(b.dir, '.next/BUILD_ID')))
    throw new Error(`Build the dashboard first: npm run build -w @claimgraph/web (in ${b.dir})`);
// The floor: a bare page of the same Next.js and React, built and served the same way, measured in the same runs.
const bareDir = path.join(here, 'bare');
const FLOOR = process.argv.includes('--floor');
if (FLOOR && !existsSync(path.join(bareDir, '.next/BUILD_ID')))
  throw new Error(`Build the bare page first: (cd ${bareDir} && npx next build)`);
if (!existsSync(CHROMIUM))
  throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);

if (
  !process.argv.includes('--keep') &&
  existsSync(marker) &&
  (await readFile(marker, 'utf8')) !== JSON.stringify(scale)
)
  await rm(dir, { recursive: true, force: true });
await mkdir(dir, { recursive: true });
await chmod(dir, 0o777);
const pgServer = await startEmbeddedPostgres({
  dataDir: path.join(dir, 'data'),
  database: arg('database', 'claimgraph_bench_web'),
});
const nexts: ChildProcess[] = [];
let api: Awaited<ReturnType<typeof startApi>> | undefined;
process.on('exit', () => nexts.forEach((n) => n.exitCode === null && n.kill('SIGKILL')));
const load = () => os.loadavg()[0]!.toFixed(1);

try {
  await migrate(pgServer.url);
  const db = createPrisma(pgServer.url, { max: 2 });
  const { workspaceId } = await ensureLocalWorkspace(db);
  await ensureDataset(db, workspaceId, scale, marker);
  const [counts] = await db.$queryRawUnsafe<{ claims: number }[]>(`SELECT count(*)::int AS claims FROM "Claim"`);
  // A claim with a contradiction, so the claim page shows its full layout.
  const [claim] = await db.$queryRawUnsafe<{ id: number }[]>(
    `SELECT "fromClaimId" AS id FROM "ClaimRelation" WHERE kind = 'CONTRADICTS' ORDER BY id LIMIT 1`,
  );
  await db.$disconnect();
  console.log(`dataset: ${counts?.claims} claims; claim page: /claims/${claim?.id}`);

  const servers = [...builds.map((b) => b.dir), ...(FLOOR ? [bareDir] : [])];
  const ports = await Promise.all(servers.map(() => freePort()));
  const urls = ports.map((p) => `http://127.0.0.1:${p}`);
  api = await startApi({
    databaseUrl: pgServer.url,
    port: 0,
    webOrigins: urls,
    logLevel: 'error',
    statementTimeoutMs: 30_000,
  });
  const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
  for (const [i, cwd] of servers.entries()) {
    nexts.push(
      spawn(process.execPath, [nextBin, 'start', '-H', '127.0.0.1', '-p', String(ports[i])], {
        cwd,
        env: {
          ...process.env,
          API_URL: api!.url,
          PUBLIC_API_URL: api!.url,
          NEXT_TELEMETRY_DISABLED: '1',
          NODE_ENV: 'production',
        },
        stdio: 'ignore',
      }),
    );
    for (let t = 0; ; t++) {
      try {
        if ((await fetch(`${urls[i]}${cwd === bareDir ? '/' : '/help'}`)).ok) break;
      } catch {
        /* starting */
      }
      if (t > 150) throw new Error(`next start did not answer (${cwd})`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  // Server-side cost of each page's first-paint queries (the API round trip Next waits for).
  const gql = async (doc: Parameters<typeof print>[0], variables: object) => {
    const t = performance.now();
    const res = await fetch(api!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: print(doc), variables }),
    });
    const body = (await res.json()) as { errors?: { message: string }[] };
    return { ms: performance.now() - t, error: body.errors?.[0]?.message };
  };
  const filtered = {
    actorIds: [Buffer.from('Actor:1').toString('base64')],
    biasLabels: [{ scheme: 'lean', value: 'right' }],
  };
  const probes: [string, () => ReturnType<typeof gql>][] = [
    ['Explorer_Claims (no filter)', () => gql(Explorer_ClaimsDocument, { filter: {}, first: 25 })],
    ['Explorer_Claims (actor + lean:right)', () => gql(Explorer_ClaimsDocument, { filter: filtered, first: 25 })],
    ['Explorer_Options', () => gql(Explorer_OptionsDocument, { actorIds: [] })],
    [
      'ClaimPage_Claim',
      () => gql(ClaimPage_ClaimDocument, { id: Buffer.from(`Claim:${claim?.id ?? 1}`).toString('base64') }),
    ],
  ];
  const probeLines: string[] = [];
  for (const [name, fn] of probes) {
    const times: number[] = [];
    let error: string | undefined;
    for (let i = 0; i < 4; i++) {
      const r = await fn();
      if (i > 0) times.push(r.ms);
      error ??= r.error;
    }
    const line = `| ${name} | ${times.sort((a, b) => a - b)[1]!.toFixed(0)} | ${error ?? ''} |`;
    probeLines.push(line);
    console.log(line);
  }
  const only = arg('only', '');
  const pages = (
    [
      ['shell (Help, static)', '/help'],
      ['claims explorer', '/'],
      [
        'claims explorer, filtered',
        `/?label=lean:right&actor=${encodeURIComponent(Buffer.from('Actor:1').toString('base64'))}`,
      ],
      ['claim page', `/claims/${claim?.id ?? 1}`],
    ] as [string, string][]
  ).filter(([name]) => name.startsWith('shell') || !only || name.includes(only));
  // The bare page is served by its own server, once (not per build): an absolute URL.
  if (FLOOR) pages.unshift(['bare Next.js page (floor)', `${urls[builds.length]}/`]);
  const target = (i: number, p: string) => (p.startsWith('http') ? p : `${urls[i]}${p}`);
  const measuredBuilds = (p: string) => (p.startsWith('http') ? [builds[0]!] : builds);
  // What each page's HTML carries: markup, and the inline RSC payload (scripts) the browser parses to hydrate.
  for (const [i, b] of builds.entries())
    for (const [name, p] of pages) {
      const html = await (await fetch(target(i, p))).text();
      const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + m[1]!.length, 0);
      if (process.argv.includes('--save-html'))
        await writeFile(path.join(dir, `${b.name}-${name.replace(/\W+/g, '-')}.html`), html);
      console.log(
        `${name} (${b.name}): HTML ${(html.length / 1024).toFixed(0)} KB, of it inline scripts ${(inline / 1024).toFixed(0)} KB`,
      );
    }
  if (process.argv.includes('--serve')) {
    console.log(
      `serving until interrupted: ${builds.map((b, i) => `${b.name} ${urls[i]}`).join(', ')}; API ${api.url}`,
    );
    await new Promise((resolve) => process.once('SIGINT', resolve));
    throw PROBE_DONE;
  }
  if (process.argv.includes('--probe-only')) throw PROBE_DONE;
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', ...OFFLINE_FLAGS],
  });
  type Row = {
    page: string;
    mode: string;
    build: string;
    lcp: number;
    tbt: number;
    cpuTbt: number;
    cls: number;
    jsKb: number;
    jsGzKb: number;
    ttfb: number;
    score: number;
    load: string;
  };
  const rows: Row[] = [];
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const measure = async (url: string, mode: 'mobile' | 'desktop', label: string): Promise<Row | null> => {
    const result = await lighthouse(
      url,
      {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance'],
        // JS samples in the trace, for a profile by function (they add a little overhead of their own).
        additionalTraceCategories: TRACE ? 'disabled-by-default-v8.cpu_profiler' : null,
      },
      mode === 'desktop' ? desktopConfig : undefined,
    );
    if (!result) return null;
    if (TRACE) {
      const file = path.join(dir, 'traces', `${label.replace(/\W+/g, '-')}-${Date.now()}.json`);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, JSON.stringify(result.artifacts.Trace));
      console.log(`  trace of ${label}: ${file}`);
    }
    const a = result.lhr.audits;
    const items = (a['network-requests']?.details as { items?: NetworkItem[] } | undefined)?.items ?? [];
    const scripts = items.filter((i) => i.resourceType === 'Script');
    // Name what moved, so a layout shift can be traced to its element.
    const shifts =
      (
        a['layout-shifts']?.details as
          { items?: { score?: number; node?: { selector?: string; snippet?: string } }[] } | undefined
      )?.items ?? [];
    for (const s of shifts)
      console.log(
        `  layout shift ${(s.score ?? 0).toFixed(3)} on ${label}: ${s.node?.selector ?? '?'} ${s.node?.snippet?.slice(0, 120) ?? ''}`,
      );
    if (process.argv.includes('--profile')) printProfile(a, label, url.slice(0, url.indexOf('/', 8)));
    return {
      page: '',
      mode,
      build: '',
      lcp: a['largest-contentful-paint']?.numericValue ?? NaN,
      tbt: a['total-blocking-time']?.numericValue ?? NaN,
      cpuTbt: cpuBlocking(result.artifacts.Trace.traceEvents as TraceEvent[]),
      cls: a['cumulative-layout-shift']?.numericValue ?? NaN,
      jsGzKb: scripts.reduce((s, i) => s + (i.transferSize ?? 0), 0) / 1024,
      jsKb: scripts.reduce((s, i) => s + (i.resourceSize ?? 0), 0) / 1024,
      ttfb: a['server-response-time']?.numericValue ?? NaN,
      score: (result.lhr.categories.performance?.score ?? NaN) * 100,
      load: load(),
    };
  };
  try {
    for (const [name, p] of pages) {
      for (const mode of MODES) {
        const these = measuredBuilds(p);
        const samples: Row[][] = these.map(() => []);
        // One warm-up per build (the server's and the API's caches), then runs alternating the builds' order.
        for (let r = 0; r < RUNS + 1; r++) {
          const order = r % 2 ? [...these.keys()].reverse() : [...these.keys()];
          for (const i of order) {
            const row = await measure(target(i, p), mode, `${name} [${mode}, ${these[i]!.name}]`);
            if (row && r > 0) samples[i]!.push(row);
          }
        }
        for (const [i, b] of these.entries()) {
          const ss = samples[i]!;
          const m: Row = {
            page: name,
            mode,
            build: b.name,
            lcp: median(ss.map((s) => s.lcp)),
            tbt: median(ss.map((s) => s.tbt)),
            cpuTbt: median(ss.map((s) => s.cpuTbt)),
            cls: median(ss.map((s) => s.cls)),
            jsKb: median(ss.map((s) => s.jsKb)),
            jsGzKb: median(ss.map((s) => s.jsGzKb)),
            ttfb: median(ss.map((s) => s.ttfb)),
            score: median(ss.map((s) => s.score)),
            load: ss.map((s) => s.load).join('/'),
          };
          rows.push(m);
          console.log(
            `${name} [${mode}, ${b.name}] LCP ${m.lcp.toFixed(0)} ms · TBT ${m.tbt.toFixed(0)} ms (runs ${ss.map((s) => s.tbt.toFixed(0)).join(', ')}) · CPU TBT ${m.cpuTbt.toFixed(0)} ms (runs ${ss.map((s) => s.cpuTbt.toFixed(0)).join(', ')}) · CLS ${m.cls.toFixed(3)} · JS ${m.jsGzKb.toFixed(1)} KB transferred (${m.jsKb.toFixed(0)} KB raw) · TTFB ${m.ttfb.toFixed(0)} ms · score ${m.score.toFixed(0)} · load ${m.load}`,
          );
        }
      }
    }
  } finally {
    await chrome.kill();
  }
  const shell = (r: Row) => rows.find((s) => s.mode === r.mode && s.build === r.build && s.page.startsWith('shell'))!;
  // A ratio to a zero (a shell with no long task) means nothing: print a dash, not Infinity or NaN.
  const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '–');
  const table = [
    '| page | mode | build | LCP ms | LCP ×shell | TBT ms | TBT ×shell | CPU TBT ms | CPU TBT ×shell | CLS | JS transferred KB (gzip) | JS raw KB | server response ms | perf score | load avg |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.page} | ${r.mode} | ${r.build} | ${r.lcp.toFixed(0)} | ${ratio(r.lcp, shell(r).lcp)} | ${r.tbt.toFixed(0)} | ${ratio(r.tbt, shell(r).tbt)} | ${r.cpuTbt.toFixed(0)} | ${ratio(r.cpuTbt, shell(r).cpuTbt)} | ${r.cls.toFixed(3)} | ${r.jsGzKb.toFixed(1)} | ${r.jsKb.toFixed(0)} | ${r.ttfb.toFixed(0)} | ${r.score.toFixed(0)} | ${r.load} |`,
    ),
  ].join('\n');
  console.log(`\n${counts?.claims} claims, median of ${RUNS} runs after one warm-up\n${table}`);
  const probeTable = ['| first-paint query | median ms (3 warm runs) | error |', '|---|---|---|', ...probeLines].join(
    '\n',
  );
  await writeFile(
    path.join(here, 'last-run.md'),
    `${new Date().toISOString()} — ${counts?.claims} claims, median of ${RUNS} runs\n\n${table}\n\n${probeTable}\n`,
  );
} catch (err) {
  if (err !== PROBE_DONE) throw err;
} finally {
  nexts.forEach((n) => n.kill('SIGTERM'));
  await api?.stop();
  await pgServer.stop();
}

type NetworkItem = { resourceType?: string; transferSize?: number; resourceSize?: number };
type Audits = Record<string, { details?: unknown } | undefined>;

/** Where the main thread went (Lighthouse's breakdown, throttled ms), the costliest scripts and the long tasks. */
function printProfile(a: Audits, label: string, origin: string) {
  const items = <T>(id: string) => ((a[id]?.details as { items?: T[] } | undefined)?.items ?? []) as T[];
  const groups = items<{ groupLabel?: string; duration?: number }>('mainthread-work-breakdown');
  console.log(
    `  main thread on ${label}: ${groups.map((g) => `${g.groupLabel} ${(g.duration ?? 0).toFixed(0)}`).join(' · ')}`,
  );
  for (const b of items<{ url?: string; scripting?: number; scriptParseCompile?: number }>('bootup-time').slice(0, 4))
    console.log(
      `    ${(b.url ?? '?').replace(origin, '')}: scripting ${(b.scripting ?? 0).toFixed(0)} ms, parse+compile ${(b.scriptParseCompile ?? 0).toFixed(0)} ms`,
    );
  const tasks = items<{ url?: string; duration?: number; startTime?: number }>('long-tasks');
  console.log(
    `    long tasks (start+duration ms, simulated): ${tasks.map((t) => `${(t.startTime ?? 0).toFixed(0)}+${(t.duration ?? 0).toFixed(0)} ${(t.url ?? '').replace(origin, '')}`).join(' · ')}`,
  );
}

type TraceEvent = {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
};

/**
 * Total blocking time from the page's main-thread tasks after first contentful paint, each task's *thread* time
 * (CPU it got) times Lighthouse's mobile slow-down of 4, minus 50 ms. Lighthouse's own TBT simulates from wall
 * time, which on a shared 2-core box is mostly the neighbours' load; this one is not, so A/B runs compare.
 */
function cpuBlocking(events: TraceEvent[]): number {
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const fcp = events.find((e) => e.name === 'firstContentfulPaint');
  const busy = new Map<string, number>();
  for (const e of events)
    if (e.ph === 'X' && e.name === 'RunTask' && mainThreads.has(`${e.pid}:${e.tid}`))
      busy.set(`${e.pid}:${e.tid}`, (busy.get(`${e.pid}:${e.tid}`) ?? 0) + (e.tdur ?? 0));
  const page = [...busy.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  let total = 0;
  for (const e of events)
    if (e.ph === 'X' && e.name === 'RunTask' && `${e.pid}:${e.tid}` === page && (!fcp || e.ts >= fcp.ts))
      total += Math.max(0, ((e.tdur ?? 0) * 4) / 1000 - 50);
  return total;
}

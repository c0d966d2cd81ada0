// Dashboard benchmark: Lighthouse (npm, v12 for Node 20) against Debian's Chromium, offline, on the
// production build under `next start` with the real API and a generated dataset. Pages: the claims
// explorer, a claim page, and the static Help page of the same app as the baseline shell.
//
//   npx tsx bench/web/run.ts [--claims 1000000] [--runs 3] [--keep] [--only 'filtered']  (pages whose name contains it, plus the baseline)
//                            [--profile]  (Lighthouse's main-thread breakdown and costliest scripts per run)
//
// Needs `npm run build -w @claimgraph/web` first. The dataset is generated once into
// /tmp/claimgraph-bench-web (bench/api's generator) and reused while its scale matches.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
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
const dir = '/tmp/claimgraph-bench-web';
const marker = path.join(dir, 'scale.json');
const PROBE_DONE = Symbol('probe done');

if (!existsSync(path.join(webDir, '.next/BUILD_ID')))
  throw new Error('Build the dashboard first: npm run build -w @claimgraph/web');
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
const pgServer = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), database: 'claimgraph_bench_web' });
let next: ChildProcess | undefined;
let api: Awaited<ReturnType<typeof startApi>> | undefined;
process.on('exit', () => next?.exitCode === null && next.kill('SIGKILL'));

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

  const webPort = await freePort();
  const webUrl = `http://127.0.0.1:${webPort}`;
  api = await startApi({
    databaseUrl: pgServer.url,
    port: 0,
    webOrigins: [webUrl],
    logLevel: 'error',
    statementTimeoutMs: 30_000,
  });
  const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
  next = spawn(process.execPath, [nextBin, 'start', '-H', '127.0.0.1', '-p', String(webPort)], {
    cwd: webDir,
    env: {
      ...process.env,
      API_URL: api!.url,
      PUBLIC_API_URL: api!.url,
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'production',
    },
    stdio: 'ignore',
  });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${webUrl}/help`)).ok) break;
    } catch {
      /* starting */
    }
    if (i > 150) throw new Error('next start did not answer');
    await new Promise((r) => setTimeout(r, 200));
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
  // What each page's HTML carries: markup, and the inline RSC payload (scripts) the browser parses to hydrate.
  for (const [name, p] of pages) {
    const html = await (await fetch(`${webUrl}${p}`)).text();
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + m[1]!.length, 0);
    if (process.argv.includes('--save-html'))
      await writeFile(path.join(dir, `${name.replace(/\W+/g, '-')}.html`), html);
    console.log(
      `${name}: HTML ${(html.length / 1024).toFixed(0)} KB, of it inline scripts ${(inline / 1024).toFixed(0)} KB`,
    );
  }
  if (process.argv.includes('--probe-only')) throw PROBE_DONE;
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', ...OFFLINE_FLAGS],
  });
  type Row = {
    page: string;
    mode: string;
    lcp: number;
    tbt: number;
    cls: number;
    jsKb: number;
    jsGzKb: number;
    ttfb: number;
    score: number;
  };
  const rows: Row[] = [];
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  try {
    for (const [name, p] of pages) {
      for (const mode of ['mobile', 'desktop'] as const) {
        const samples: Row[] = [];
        for (let r = 0; r < RUNS + 1; r++) {
          const result = await lighthouse(
            `${webUrl}${p}`,
            { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] },
            mode === 'desktop' ? desktopConfig : undefined,
          );
          if (!result || r === 0) continue; // first run warms the server (and the API's caches)
          const a = result.lhr.audits;
          const items =
            (
              a['network-requests']?.details as
                { items?: { resourceType?: string; transferSize?: number; resourceSize?: number }[] } | undefined
            )?.items ?? [];
          const scripts = items.filter((i) => i.resourceType === 'Script');
          // Name what moved, so a layout shift can be traced to its element.
          const shifts =
            (
              a['layout-shifts']?.details as
                { items?: { score?: number; node?: { selector?: string; snippet?: string } }[] } | undefined
            )?.items ?? [];
          for (const s of shifts)
            console.log(
              `  layout shift ${(s.score ?? 0).toFixed(3)} on ${name} [${mode}]: ${s.node?.selector ?? '?'} ${s.node?.snippet?.slice(0, 120) ?? ''}`,
            );
          // Where the main thread went (Lighthouse's breakdown, throttled ms), and which scripts cost most.
          if (process.argv.includes('--profile')) {
            const groups =
              (a['mainthread-work-breakdown']?.details as { items?: { groupLabel?: string; duration?: number }[] })
                ?.items ?? [];
            const boot =
              (
                a['bootup-time']?.details as {
                  items?: { url?: string; scripting?: number; scriptParseCompile?: number }[];
                }
              )?.items ?? [];
            console.log(
              `  main thread on ${name} [${mode}]: ${groups.map((g) => `${g.groupLabel} ${(g.duration ?? 0).toFixed(0)}`).join(' · ')}`,
            );
            for (const b of boot.slice(0, 4))
              console.log(
                `    ${(b.url ?? '?').replace(webUrl, '')}: scripting ${(b.scripting ?? 0).toFixed(0)} ms, parse+compile ${(b.scriptParseCompile ?? 0).toFixed(0)} ms`,
              );
          }
          samples.push({
            page: name,
            mode,
            lcp: a['largest-contentful-paint']?.numericValue ?? NaN,
            tbt: a['total-blocking-time']?.numericValue ?? NaN,
            cls: a['cumulative-layout-shift']?.numericValue ?? NaN,
            jsGzKb: scripts.reduce((s, i) => s + (i.transferSize ?? 0), 0) / 1024,
            jsKb: scripts.reduce((s, i) => s + (i.resourceSize ?? 0), 0) / 1024,
            ttfb: a['server-response-time']?.numericValue ?? NaN,
            score: (result.lhr.categories.performance?.score ?? NaN) * 100,
          });
        }
        const m: Row = {
          page: name,
          mode,
          lcp: median(samples.map((s) => s.lcp)),
          tbt: median(samples.map((s) => s.tbt)),
          cls: median(samples.map((s) => s.cls)),
          jsKb: median(samples.map((s) => s.jsKb)),
          jsGzKb: median(samples.map((s) => s.jsGzKb)),
          ttfb: median(samples.map((s) => s.ttfb)),
          score: median(samples.map((s) => s.score)),
        };
        rows.push(m);
        console.log(
          `${name} [${mode}] LCP ${m.lcp.toFixed(0)} ms · TBT ${m.tbt.toFixed(0)} ms · CLS ${m.cls.toFixed(3)} · JS ${m.jsGzKb.toFixed(1)} KB transferred (${m.jsKb.toFixed(0)} KB raw) · TTFB ${m.ttfb.toFixed(0)} ms · score ${m.score.toFixed(0)}`,
        );
      }
    }
  } finally {
    await chrome.kill();
  }
  const base = (mode: string) => rows.find((r) => r.mode === mode && r.page.startsWith('shell'))!;
  const table = [
    '| page | mode | LCP ms | ×shell | TBT ms | CLS | JS transferred KB (gzip) | JS raw KB | server response ms | perf score |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.page} | ${r.mode} | ${r.lcp.toFixed(0)} | ${(r.lcp / base(r.mode).lcp).toFixed(2)} | ${r.tbt.toFixed(0)} | ${r.cls.toFixed(3)} | ${r.jsGzKb.toFixed(1)} | ${r.jsKb.toFixed(0)} | ${r.ttfb.toFixed(0)} | ${r.score.toFixed(0)} |`,
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
  next?.kill('SIGTERM');
  await api?.stop();
  await pgServer.stop();
}

// API benchmark: the claims-explorer query (actor + bias-label filter, 50 per page, nested source/labels/actors/chain)
// through the real API, beside the hand-written single SQL statement for the same page served by node:http + pg,
// both measured with autocannon in the same run against the same generated database.
//
//   npx tsx bench/api/run.ts [--claims 1000000] [--duration 20] [--connections 10] [--keep]
//
// The dataset (≈1M claims) is generated once into /tmp/claimgraph-bench-api and reused while its scale matches.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createPrisma, ensureLocalWorkspace, migrate } from '@claimgraph/db';
import { freePort, startEmbeddedPostgres } from '@claimgraph/db/embedded';
import { DEFAULT_SCALE, ensureDataset } from './generate.js';
import { API_PAGE_QUERY } from './raw-sql.js';

interface Page {
  data: { claims: { edges: { node: { id: string | number } }[] } };
}

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : dflt;
};
const claims = Number(arg('claims', String(DEFAULT_SCALE.claims)));
const scale = { ...DEFAULT_SCALE, claims, articles: Math.max(1000, Math.round(claims / 10)) };
const DURATION = Number(arg('duration', '20'));
const CONNECTIONS = Number(arg('connections', '10'));
const dir = '/tmp/claimgraph-bench-api';
const marker = path.join(dir, 'scale.json');

if (!process.argv.includes('--keep') && existsSync(marker) && (await readFile(marker, 'utf8')) !== JSON.stringify(scale)) await rm(dir, { recursive: true, force: true });
await mkdir(dir, { recursive: true });
await chmod(dir, 0o777);
const pgServer = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), database: 'claimgraph_bench' });
const children: ChildProcess[] = [];
process.on('exit', () => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

try {
  await migrate(pgServer.url);
  const db = createPrisma(pgServer.url, { max: 2 });
  const { workspaceId } = await ensureLocalWorkspace(db);
  await ensureDataset(db, workspaceId, scale, marker);
  const [counts] = await db.$queryRawUnsafe<Record<string, number>[]>(`SELECT
    (SELECT count(*)::int FROM "Claim") AS claims, (SELECT count(*)::int FROM "Article") AS articles, (SELECT count(*)::int FROM "Source") AS sources,
    (SELECT count(*)::int FROM "Actor") AS actors, (SELECT count(*)::int FROM "ClaimActor") AS "claimActors", (SELECT pg_size_pretty(pg_database_size(current_database()))) AS size`);
  console.log('dataset', counts);
  // The explorer's case: the most-claimed actor, outlets leaning right.
  const actorId = 1;
  const label = { scheme: 'lean', value: 'right' };
  const [match] = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM "Claim" c WHERE c.id IN (SELECT "claimId" FROM "ClaimActor" WHERE "actorId" = $1)
       AND c."sourceId" IN (SELECT "sourceId" FROM "BiasLabel" WHERE scheme = $2 AND value = $3)`,
    actorId, label.scheme, label.value,
  );
  console.log(`claims matching the filter: ${match?.n}`);
  await db.$disconnect();

  const start = (script: string, env: Record<string, string>) =>
    new Promise<string>((resolve, reject) => {
      const child = fork(path.join(here, script), { env: { ...process.env, ...env }, execArgv: ['--import', 'tsx'], stdio: 'inherit' });
      children.push(child);
      child.once('message', (m: { url: string }) => resolve(m.url));
      child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    });
  const apiUrl = await start('serve-api.ts', { DATABASE_URL: pgServer.url, API_PORT: String(await freePort()), NODE_ENV: 'production' });
  const rawUrl = await start('serve-raw.ts', {
    DATABASE_URL: pgServer.url,
    RAW_PORT: String(await freePort()),
    RAW_PARAMS: JSON.stringify([workspaceId, [actorId], label.scheme, label.value]),
  });
  const body = JSON.stringify({
    query: API_PAGE_QUERY,
    variables: { filter: { actorIds: [Buffer.from(`Actor:${actorId}`).toString('base64')], biasLabels: [label] } },
  });

  // Same page from both? Compare ids before measuring.
  const post = (url: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then((r) => r.json() as Promise<Page>);
  const [a, r] = await Promise.all([post(apiUrl), post(rawUrl)]);
  const apiIds = a.data.claims.edges.map((e) => Number(Buffer.from(String(e.node.id), 'base64').toString().split(':')[1]));
  const rawIds = r.data.claims.edges.map((e) => Number(e.node.id));
  if (JSON.stringify(apiIds) !== JSON.stringify(rawIds) || apiIds.length !== 50) throw new Error(`API and raw SQL disagree: ${apiIds.slice(0, 5)} vs ${rawIds.slice(0, 5)}`);
  console.log(`both return the same 50 claims (response ${JSON.stringify(a).length} vs ${JSON.stringify(r).length} bytes)`);

  const load = async (name: string, url: string) => {
    await autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: CONNECTIONS, duration: 3 }); // warm-up
    const res = await autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: CONNECTIONS, duration: DURATION });
    if (res.non2xx || res.errors) throw new Error(`${name}: ${res.non2xx} non-2xx, ${res.errors} errors`);
    return { name, rps: res.requests.average, p50: res.latency.p50, p99: res.latency.p99, requests: res.requests.total };
  };
  const api = await load('API (Apollo + loaders)', apiUrl);
  const raw = await load('raw single SQL (node:http + pg)', rawUrl);
  console.log(`\n| Implementation | req/s | p50 ms | p99 ms | requests |\n|---|---|---|---|---|`);
  for (const x of [api, raw]) console.log(`| ${x.name} | ${x.rps.toFixed(0)} | ${x.p50} | ${x.p99} | ${x.requests} |`);
  console.log(`\nAPI ÷ raw SQL = ${(api.rps / raw.rps).toFixed(2)} (target ≥ 0.5); ${CONNECTIONS} connections, ${DURATION} s each, same run`);
} finally {
  children.forEach((c) => c.kill('SIGTERM'));
  await new Promise((r) => setTimeout(r, 500));
  await pgServer.stop();
}

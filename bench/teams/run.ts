// Team-mode cost: the same explorer query through the built API (`node apps/api/dist/main.js`) in local mode,
// in team mode with a bearer token and with a session cookie; plus the latency of one audited correction
// (correctClaim: Correction + AuditLog rows in the claim's transaction). Each API runs in its own process.
// And two local-mode API processes on the one database against one: the same connections, split between the two,
// in rounds of one, two, two, one; the ratio of the summed req/s.
//
//   npx tsx bench/teams/run.ts [--duration 10] [--connections 10] [--corrections 200] [--rounds 2]
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createApiToken, hashPassword } from '@claimgraph/auth';
import { createPrisma, ensureLocalWorkspace } from '@claimgraph/db';
import { freePort } from '@claimgraph/db/embedded';
import { createTestDatabase, setupTestCluster } from '@claimgraph/db/testing';
import { seedSampleCorpus } from '@claimgraph/ingest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return Number(i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : dflt);
};
const DURATION = arg('duration', '10');
const CONNECTIONS = arg('connections', '10');
const CORRECTIONS = arg('corrections', '200');
const ROUNDS = arg('rounds', '2');
const QUERY = JSON.stringify({
  query: '{ claims(first: 20) { totalCount edges { node { id text modality source { name } } } } }',
});
const PASSWORD = 'benchmark passphrase 1234';

const stopCluster = await setupTestCluster();
const database = await createTestDatabase();
const children: ChildProcess[] = [];
process.on('exit', () => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

async function api(mode: 'local' | 'team'): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, 'apps/api/dist/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      API_PORT: String(port),
      API_HOST: '127.0.0.1',
      CLAIMGRAPH_MODE: mode,
      SESSION_SECRET: 'bench-secret-0123456789abcdef0123456789',
      LOG_LEVEL: 'warn',
    },
    stdio: 'inherit',
  });
  children.push(child);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if ((await fetch(`${base}/health`).catch(() => null))?.ok) return base;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`API (${mode}) did not start`);
}

async function load(
  name: string,
  url: string,
  headers: Record<string, string>,
  { connections = CONNECTIONS, duration = DURATION } = {},
) {
  const r = await autocannon({
    url,
    method: 'POST',
    connections,
    duration,
    headers: { 'content-type': 'application/json', ...headers },
    body: QUERY,
  });
  const line = {
    name,
    reqPerSec: Math.round(r.requests.average),
    p50ms: r.latency.p50,
    p99ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  };
  console.log(JSON.stringify(line));
  return line;
}

try {
  const db = createPrisma(database.url, { max: 2 });
  const { workspaceId } = await ensureLocalWorkspace(db);
  await seedSampleCorpus(db, { workspaceId });
  const user = await db.user.create({
    data: { email: 'bench@local.example', passwordHash: await hashPassword(PASSWORD) },
  });
  await db.membership.create({ data: { workspaceId, userId: user.id, role: 'EDITOR' } });
  const { token } = await createApiToken(
    db,
    { userId: user.id, workspaceId, role: 'EDITOR', via: 'session' },
    { name: 'bench', role: 'EDITOR' },
  );
  const claims = await db.claim.count();

  const local = await api('local');
  const local2 = await api('local');
  const team = await api('team');
  const login = await fetch(`${team}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: PASSWORD }),
  });
  const cookies = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const csrf = /cg_csrf=([^;]+)/.exec(cookies)?.[1] ?? '';
  console.log(`dataset: ${claims} claims (seed corpus); ${CONNECTIONS} connections, ${DURATION} s each`);

  const rows = [
    await load('local mode (no auth)', `${local}/graphql`, {}),
    await load('team mode, Bearer token', `${team}/graphql`, { authorization: `Bearer ${token}` }),
    await load('team mode, session cookie', `${team}/graphql`, { cookie: cookies }),
  ];

  // One process, then two sharing the same connections (the first gets the odd one).
  const one = () => load('1 process', `${local}/graphql`, {});
  const two = async () => {
    const half = Math.floor(CONNECTIONS / 2);
    const parts = await Promise.all([
      load('2 processes: first', `${local}/graphql`, {}, { connections: CONNECTIONS - half }),
      load('2 processes: second', `${local2}/graphql`, {}, { connections: half }),
    ]);
    return parts.reduce((sum, p) => sum + p.reqPerSec, 0);
  };
  // The second process has served nothing yet: warm it (JIT, pools, prepared statements) as the first is.
  await load('warm-up of the second process', `${local2}/graphql`, {}, { duration: 5 });
  const scaling: { one: number[]; two: number[] } = { one: [], two: [] };
  for (let round = 0; round < ROUNDS; round++) {
    scaling.one.push((await one()).reqPerSec);
    scaling.two.push(await two());
    scaling.two.push(await two());
    scaling.one.push((await one()).reqPerSec);
  }

  const claim = await db.claim.findFirstOrThrow({ where: { workspaceId } });
  const id = Buffer.from(`Claim:${claim.id}`).toString('base64');
  const times: number[] = [];
  for (let i = 0; i < CORRECTIONS; i++) {
    const t = performance.now();
    const res = await fetch(`${team}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookies, 'x-csrf-token': decodeURIComponent(csrf) },
      body: JSON.stringify({
        query:
          'mutation($id: ID!, $t: String!) { correctClaim(id: $id, input: { text: $t }) { ok { id } error { code } } }',
        variables: { id, t: `Bench correction ${i}` },
      }),
    });
    const body = (await res.json()) as { data?: { correctClaim: { ok: unknown } } };
    if (!body.data?.correctClaim.ok) throw new Error(`correction failed: ${JSON.stringify(body)}`);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(1);
  const audits = await db.auditLog.count({ where: { action: 'claim.correct' } });
  console.log(
    JSON.stringify({
      name: 'correctClaim (sequential, session + CSRF)',
      n: CORRECTIONS,
      p50ms: pct(50),
      p95ms: pct(95),
      p99ms: pct(99),
      auditRows: audits,
    }),
  );
  console.log('\n| case | req/s | p50 ms | p99 ms |\n|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.name} | ${r.reqPerSec} | ${r.p50ms} | ${r.p99ms} |`);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  console.log(
    `\nlocal mode, ${CONNECTIONS} connections in all: 1 process ${scaling.one.join(' / ')} req/s, 2 processes ${scaling.two.join(' / ')} req/s (${ROUNDS} × one, two, two, one): 2 ÷ 1 = ${(sum(scaling.two) / sum(scaling.one)).toFixed(2)}`,
  );
  await db.$disconnect();
} finally {
  for (const c of children) c.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  await database.drop();
  await stopCluster();
}

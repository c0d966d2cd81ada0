// Two API processes and two ingest workers (the built entry points, as docker-compose runs them) against one
// PostgreSQL: a session opened on one API works on the other, a batch queued through both APIs is ingested once
// by the workers, both APIs serve the same answers while and after it runs, and a revocation is seen everywhere.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createApiToken, hashPassword } from '@claimgraph/auth';
import { createPrisma, type PrismaClient } from '@claimgraph/db';
import { freePort } from '@claimgraph/db/embedded';
import { createTestDatabase } from '@claimgraph/db/testing';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { asSession, asToken, gql, login, ok, PASSWORD, stopProcesses } from './harness.js';

const ROOT = path.resolve(new URL('.', import.meta.url).pathname, '../../../..');
const API_MAIN = path.join(ROOT, 'apps/api/dist/main.js');
const WORKER_MAIN = path.join(ROOT, 'packages/ingest/dist/worker/main.js');
const SECRET = 'multi-process-test-secret-0123456789abcdef';

interface Proc {
  name: string;
  child: ChildProcess;
  log: string[];
}

let database: { url: string; drop(): Promise<void> };
let db: PrismaClient;
const procs: Proc[] = [];
const apis: string[] = [];
let workspaceId: number;
let userId: number;

function start(name: string, file: string, env: Record<string, string>): Proc {
  const child = spawn(process.execPath, [file], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const p: Proc = { name, child, log: [] };
  child.stdout?.on('data', (d: Buffer) => p.log.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => p.log.push(d.toString()));
  procs.push(p);
  return p;
}

async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 60_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const dead = procs.find((p) => p.child.exitCode !== null);
    if (dead) throw new Error(`${dead.name} exited with ${dead.child.exitCode}:\n${dead.log.join('')}`);
    const v = await probe().catch(() => null);
    if (v) return v;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `Timed out waiting for ${what}\n${procs.map((p) => `--- ${p.name}\n${p.log.join('').slice(-2000)}`).join('\n')}`,
  );
}

beforeAll(async () => {
  for (const f of [API_MAIN, WORKER_MAIN]) {
    if (!existsSync(f))
      throw new Error(`${f} is missing: run \`npx turbo run build --filter=@claimgraph/api...\` first`);
  }
  database = await createTestDatabase();
  db = createPrisma(database.url);
  workspaceId = (await db.workspace.create({ data: { slug: 'desk', name: 'Desk' } })).id;
  userId = (await db.user.create({ data: { email: 'lead@desk.example', passwordHash: await hashPassword(PASSWORD) } }))
    .id;
  await db.membership.create({ data: { workspaceId, userId, role: 'ADMIN' } });

  for (const i of [1, 2]) {
    const port = await freePort();
    start(`api-${i}`, API_MAIN, {
      DATABASE_URL: database.url,
      API_PORT: String(port),
      API_HOST: '127.0.0.1',
      CLAIMGRAPH_MODE: 'team',
      SESSION_SECRET: SECRET,
      LOG_LEVEL: 'warn',
      API_DB_POOL: '4',
    });
    apis.push(`http://127.0.0.1:${port}/graphql`);
  }
  for (const i of [1, 2])
    start(`worker-${i}`, WORKER_MAIN, {
      DATABASE_URL: database.url,
      WORKER_CONCURRENCY: '2',
      LOG_LEVEL: 'info',
      INGEST_MAINTENANCE_SECONDS: '5',
    });
  for (const url of apis)
    await until(`${url} health`, async () => (await fetch(url.replace('/graphql', '/health'))).ok);
}, 180_000);

afterAll(async () => {
  await stopProcesses(procs.map((p) => p.child));
  await db?.$disconnect();
  await database?.drop();
}, 60_000);

test('two APIs and two workers share sessions, the queue and revocations through PostgreSQL', async () => {
  const [api1, api2] = apis as [string, string];
  const base1 = api1.replace(/\/graphql$/, '');
  // A session opened on API 1 works on API 2 (sessions live in Postgres, not in a process).
  const session = await login(base1, 'lead@desk.example');
  expect(session.status).toBe(200);
  expect((await ok(api2, asSession(session), '{ me { role workspace { slug } } }')).me).toEqual({
    role: 'ADMIN',
    workspace: { slug: 'desk' },
  });
  // Anonymous is refused by both.
  for (const url of apis)
    expect((await gql(url, { headers: {} }, '{ claims { totalCount } }')).codes).toEqual(['UNAUTHENTICATED']);

  // A batch: the five seed articles, each also as a dated follow-up copy, queued half through each API.
  const seedsDir = path.join(ROOT, 'corpus/seeds');
  const manifest = JSON.parse(readFileSync(path.join(seedsDir, 'manifest.json'), 'utf8')) as {
    articles: { file: string; source: string }[];
  };
  const inputs = manifest.articles.flatMap((m, i) => {
    const text = readFileSync(path.join(seedsDir, m.file), 'utf8');
    return [
      { text, outlet: m.source },
      {
        text: `${text}\n\nUpdate ${i + 1}: officials said on Friday that the review of the incident would continue, according to Reuters.`,
        outlet: m.source,
      },
    ];
  });
  const { token } = await createApiToken(
    db,
    { userId, workspaceId, role: 'ADMIN', via: 'session' },
    { name: 'batch script', role: 'EDITOR' },
  );
  const enqueue =
    'mutation($inputs: [IngestArticleInput!]!) { enqueueArticles(inputs: $inputs) { ok { count } error { code message } } }';
  const half = Math.ceil(inputs.length / 2);
  const q1 = await ok(api1, asToken(token), enqueue, { inputs: inputs.slice(0, half) });
  const q2 = await ok(api2, asSession(session), enqueue, { inputs: inputs.slice(half) });
  expect(q1.enqueueArticles.ok.count + q2.enqueueArticles.ok.count).toBe(inputs.length);

  // While the workers ingest, both APIs answer; the counts only grow and agree with the database.
  const seen: number[] = [];
  await until(
    'the whole batch ingested and linked',
    async () => {
      const [a, b] = await Promise.all(
        apis.map((url) => ok(url, asToken(token), '{ articles { totalCount } claims { totalCount } articlesLinking }')),
      );
      seen.push(a.articles.totalCount);
      expect(b.articles.totalCount).toBeGreaterThanOrEqual(seen.at(-2) ?? 0);
      // Written and linked (stage 2 adds contradictions after the article is written).
      return (
        a.articles.totalCount === inputs.length &&
        b.articles.totalCount === inputs.length &&
        a.articlesLinking === 0 &&
        b.articlesLinking === 0
      );
    },
    150_000,
  );
  const claims = await db.claim.count({ where: { workspaceId } });
  expect(claims).toBeGreaterThan(0);
  const answers = await Promise.all(
    apis.map((url) =>
      ok(
        url,
        asSession(session),
        '{ claims { totalCount } contradictions { totalCount } search(text: "Soleimani") { articles { id } } }',
      ),
    ),
  );
  expect(answers[0]).toEqual(answers[1]);
  expect(answers[0].claims.totalCount).toBe(claims);
  // Exactly once: no duplicate articles from the two workers.
  expect(await db.article.count({ where: { workspaceId } })).toBe(inputs.length);
  console.log(
    `batch of ${inputs.length} ingested by 2 workers; article counts the APIs reported while it ran: ${seen.join(',')}`,
  );

  // A revocation on API 2 stops the token on API 1 at once.
  await ok(api2, asSession(session), 'mutation($id: Int!) { revokeApiToken(id: $id) { ok { revokedAt } } }', {
    id: (await db.apiToken.findFirstOrThrow({ where: { prefix: token.slice(0, 9) } })).id,
  });
  expect((await gql(api1, asToken(token), '{ me { role } }')).codes).toEqual(['UNAUTHENTICATED']);
}, 240_000);

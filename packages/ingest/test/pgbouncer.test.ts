// Claimgraph behind a real PgBouncer in session mode (docs/scaling.md): three `claimgraph ingest` processes
// migrate (session advisory lock) and write the same articles at once through it (named prepared statements,
// transaction-scoped key locks), and the result equals one direct writer's. Needs the `pgbouncer` binary
// (Debian package `pgbouncer`; .ci/run installs it).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, connectClient, createPool, createPrisma } from '@claimgraph/db';
import { freePort } from '@claimgraph/db/embedded';
import { generateCorpus } from '../../../bench/ingest/generate.js';
import { pendingArticles } from '../src/index.js';
import { freshDb, orderFree, type TestDb } from './helpers.js';
import { CLI, spawnNode, until } from './processes.js';

const PGBOUNCER = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer'].find((p) => spawnSync(p, ['--version']).status === 0);
if (!PGBOUNCER) console.warn('pgbouncer.test.ts skipped: no pgbouncer binary (apt-get install pgbouncer).');

const ARTICLES = 18;
const WRITERS = 3;
let direct: TestDb;
let pooled: TestDb;
let bouncer: ChildProcess | undefined;
let bouncerLog = '';
let bouncerUrl: string;
let dir: string;

/** PgBouncer in front of `t`'s database as `claimgraph`, on a free loopback port; resolves once it accepts connections. */
async function startBouncer(t: TestDb): Promise<string> {
  const server = new URL(t.url);
  const user = decodeURIComponent(server.username);
  const port = await freePort();
  // PgBouncer refuses to run as root: drop to the database's system user, which must read the config.
  await chmod(dir, 0o755);
  await writeFile(path.join(dir, 'users.txt'), `"${user}" ""\n`, { mode: 0o644 });
  await writeFile(
    path.join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `claimgraph = host=${server.hostname} port=${server.port} dbname=${server.pathname.slice(1)} user=${user} password=${decodeURIComponent(server.password)}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${path.join(dir, 'users.txt')}`,
      `admin_users = ${user}`,
      'pool_mode = session',
      'default_pool_size = 40',
      'max_client_conn = 200',
    ].join('\n') + '\n',
    { mode: 0o644 },
  );
  const asUser =
    process.getuid?.() === 0 ? ['-u', spawnSync('id', ['-u', 'postgres']).status === 0 ? 'postgres' : 'nobody'] : [];
  bouncer = spawn(PGBOUNCER!, [...asUser, path.join(dir, 'pgbouncer.ini')], { stdio: ['ignore', 'pipe', 'pipe'] });
  bouncer.stdout!.on('data', (d) => (bouncerLog += d));
  bouncer.stderr!.on('data', (d) => (bouncerLog += d));
  const url = `postgresql://${encodeURIComponent(user)}@127.0.0.1:${port}/claimgraph`;
  await until(`pgbouncer listening (log: ${bouncerLog})`, async () => (await connects(url)) === true, 10_000);
  return url;
}

/** True when a connection through `url` opens and answers; else the server's message. */
async function connects(url: string): Promise<true | string> {
  let c: Client | undefined;
  try {
    c = await connectClient(url);
    await c.query('SELECT 1');
    return true;
  } catch (err) {
    return (err as Error).message;
  } finally {
    await c?.end().catch(() => {});
  }
}

/** `claimgraph ingest file` as its own process on `url`; resolves with its exit code and output. */
async function ingest(url: string, file: string) {
  const p = spawnNode([CLI, 'ingest', file], { DATABASE_URL: url, LOG_LEVEL: 'warn' });
  const { code } = await p.exited;
  return { code, out: p.output() };
}

const summary = (out: string) => {
  const m = /Summary: (\d+) ingested, (\d+) duplicates?, (\d+) failed/.exec(out);
  return m
    ? { ingested: Number(m[1]), duplicates: Number(m[2]), failed: Number(m[3]) }
    : { ingested: NaN, duplicates: NaN, failed: NaN };
};

/** What no write order changes, and how many actors share a kind and canonical spelling (1 each when no actor was created twice). */
async function stored(t: TestDb) {
  const rows = await t.db.$queryRawUnsafe<
    { v: string }[]
  >(`SELECT a.kind || ' ' || aa.normalized || ' ' || count(DISTINCT a.id) AS v FROM "ActorAlias" aa JOIN "Actor" a ON a.id = aa."actorId"
                                                              WHERE aa.kind = 'CANONICAL' GROUP BY a.kind, aa.normalized`);
  return { ...(await orderFree(t)), actorsPerCanonicalName: rows.map((r) => r.v).sort() };
}

/** The corpus as JSONL, writer `k` starting at its own offset, every other writer backwards (0: as generated). */
async function corpusFile(name: string, k: number): Promise<string> {
  const lines = generateCorpus(ARTICLES).map((a) => JSON.stringify(a));
  const rotated = [...lines.slice(k * 6), ...lines.slice(0, k * 6)];
  const file = path.join(dir, name);
  await writeFile(file, (k % 2 ? rotated.reverse() : rotated).join('\n') + '\n');
  return file;
}

describe.skipIf(!PGBOUNCER)('through a real PgBouncer, pool_mode = session', () => {
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'claimgraph-pgbouncer-'));
    [direct, pooled] = await Promise.all([freshDb(), freshDb()]);
    bouncerUrl = await startBouncer(pooled);
  });
  afterAll(async () => {
    bouncer?.kill('SIGTERM');
    await Promise.all([direct?.close(), pooled?.close()]);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('three concurrent CLI writers store exactly what one direct writer stores', async () => {
    const one = await ingest(direct.url, await corpusFile('direct.jsonl', 0));
    expect(one.code, one.out).toBe(0);
    expect(summary(one.out)).toEqual({ ingested: ARTICLES, duplicates: 0, failed: 0 });

    const files = await Promise.all(Array.from({ length: WRITERS }, (_, i) => corpusFile(`writer-${i}.jsonl`, i)));
    const runs = await Promise.all(files.map((f) => ingest(bouncerUrl, f)));
    for (const r of runs) expect(r.code, `${r.out}\npgbouncer: ${bouncerLog}`).toBe(0);
    // Every article written once, every other attempt a duplicate, none failed.
    const totals = runs
      .map((r) => summary(r.out))
      .reduce((a, s) => ({
        ingested: a.ingested + s.ingested,
        duplicates: a.duplicates + s.duplicates,
        failed: a.failed + s.failed,
      }));
    expect(totals).toEqual({ ingested: ARTICLES, duplicates: ARTICLES * (WRITERS - 1), failed: 0 });

    const viaBouncer = await stored(pooled);
    expect(viaBouncer.articles).toHaveLength(ARTICLES);
    expect(viaBouncer).toEqual(await stored(direct));
    expect(
      viaBouncer.actorsPerCanonicalName.filter((r) => !r.endsWith(' 1')),
      'an actor created twice',
    ).toEqual([]);
    expect(await pendingArticles(pooled.db, pooled.workspaceId)).toEqual([]);

    // The writers' migration runners released their session advisory lock on the connection that took it.
    // (pg_locks covers the whole server: other test files' databases hold advisory locks of their own meanwhile.)
    const locks = await pooled.db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND granted
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    expect(Number(locks[0]!.n)).toBe(0);
    // And the traffic did go through PgBouncer.
    const admin = await connectClient(bouncerUrl.replace(/\/claimgraph$/, '/pgbouncer'));
    const stats = (await admin.query(`SHOW STATS`)).rows.find((r) => r.database === 'claimgraph');
    await admin.end();
    expect(Number(stats?.total_xact_count)).toBeGreaterThan(ARTICLES * WRITERS);
    // Four CLI processes, each starting Node, migrating and extracting 18 articles: ~15 s on an idle machine,
    // over 120 s on a loaded 2-core CI machine.
  }, 360_000);

  it("the API's session settings (statement timeout, custom plans) hold through PgBouncer", async () => {
    // PgBouncer refuses the `options` startup parameter in every pool mode, so the settings are SET on connect.
    const db = createPrisma(bouncerUrl, { max: 2, statementTimeoutMs: 1234 });
    try {
      const rows = await db.$queryRaw<{ statement_timeout: string }[]>`SHOW statement_timeout`;
      expect(rows[0]?.statement_timeout).toBe('1234ms');
      const pool = createPool(bouncerUrl, { max: 1, customPlans: true, statementTimeoutMs: 50 });
      await expect(pool.query('SELECT pg_sleep(1)')).rejects.toThrow(/statement timeout/);
      expect((await pool.query('SHOW plan_cache_mode')).rows[0].plan_cache_mode).toBe('force_custom_plan');
      await pool.end();
    } finally {
      await db.$disconnect();
    }
  });
});

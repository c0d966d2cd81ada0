// Cost of the access layer per request and per login, against an embedded PostgreSQL 18.
//   npx tsx packages/auth/bench/access.ts        (from the repository root; figures go to docs/benchmarks.md)
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createPrisma, migrate } from '@claimgraph/db';
import { startEmbeddedPostgres } from '@claimgraph/db/embedded';
import {
  createApiToken,
  createSession,
  hashPassword,
  hitRateLimit,
  login,
  resolveViewer,
  SESSION_COOKIE,
  validateModeConfig,
  verifyPassword,
} from '../src/index.js';

const base = await mkdtemp(path.join(os.tmpdir(), 'claimgraph-bench-auth-'));
await import('node:fs/promises').then((fs) => fs.chmod(base, 0o755));
const pg = await startEmbeddedPostgres({ dataDir: path.join(base, 'data'), database: 'bench', ephemeral: true });
await migrate(pg.url);
const db = createPrisma(pg.url, { max: 10 });
const config = validateModeConfig({ mode: 'team', host: '0.0.0.0', sessionSecret: 'bench-secret'.padEnd(48, 'x') });

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!.toFixed(2);
  return `p50 ${q(0.5)} ms, p99 ${q(0.99)} ms`;
}
async function measure(label: string, n: number, fn: (i: number) => Promise<unknown>, concurrency = 1) {
  for (let i = 0; i < Math.min(20, n); i++) await fn(i); // warm-up
  const times: number[] = [];
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const t = performance.now();
        await fn(i);
        times.push(performance.now() - t);
      }
    }),
  );
  const total = (performance.now() - t0) / 1000;
  console.log(`${label.padEnd(44)} n=${n} c=${concurrency}  ${stats(times)}, ${(n / total).toFixed(0)}/s`);
}

try {
  const ws = await db.workspace.create({ data: { slug: 'bench', name: 'Bench' } });
  const passwordHash = await hashPassword('bench password 123');
  const user = await db.user.create({ data: { email: 'bench@example.org', passwordHash } });
  await db.membership.create({ data: { workspaceId: ws.id, userId: user.id, role: 'EDITOR' } });
  const viewer = { userId: user.id, workspaceId: ws.id, role: 'EDITOR' as const, via: 'session' as const };
  const session = await createSession(db, config, user.id);
  const token = await createApiToken(db, viewer, { name: 'bench', role: 'VIEWER' });
  const cookieHeader = `${SESSION_COOKIE}=${session.token}`;

  await measure('argon2id hash (19 MiB, t=2)', 20, () => hashPassword('bench password 123'));
  await measure('argon2id verify', 20, () => verifyPassword(passwordHash, 'bench password 123'));
  await measure('login (rate-limit check + verify + session)', 20, () =>
    login(db, config, { email: 'bench@example.org', password: 'bench password 123', ip: '10.0.0.1' }),
  );
  await measure('resolveViewer, session cookie', 2000, () => resolveViewer({ db, config, cookieHeader }));
  await measure('resolveViewer, session cookie', 4000, () => resolveViewer({ db, config, cookieHeader }), 8);
  await measure('resolveViewer, bearer token', 2000, () =>
    resolveViewer({ db, config, authorizationHeader: `Bearer ${token.token}` }),
  );
  await measure(
    'resolveViewer, bearer token',
    4000,
    () => resolveViewer({ db, config, authorizationHeader: `Bearer ${token.token}` }),
    8,
  );
  await measure('resolveViewer, local mode', 2000, () =>
    resolveViewer({ db, config: { mode: 'local', sessionSecret: '' } }),
  );
  await measure('rate-limit hit (one upsert)', 2000, (i) => hitRateLimit(db, `bench:${i % 50}`, 60_000), 8);
} finally {
  await db.$disconnect();
  await pg.stop();
  await rm(base, { recursive: true, force: true });
}

import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { expect, it } from 'vitest';
import { reachableDataDir, ROOT_DATA_BASE, startEmbeddedPostgres } from '../src/embedded.js';

it('starts the embedded server with the extra settings it is given', async () => {
  const base = await mkdtemp(path.join(os.tmpdir(), 'claimgraph-embedded-'));
  await chmod(base, 0o755); // as root, the server runs as "postgres" and must enter the folder
  const server = await startEmbeddedPostgres({ dataDir: path.join(base, 'data'), ephemeral: true, settings: { work_mem: '7MB' } });
  try {
    const c = new pg.Client({ connectionString: server.url });
    await c.connect();
    const { rows } = await c.query<{ work_mem: string }>('SHOW work_mem');
    await c.end();
    expect(rows[0]?.work_mem).toBe('7MB');
  } finally {
    await server.stop();
    await rm(base, { recursive: true, force: true });
  }
}, 120_000);

const asRoot = process.getuid?.() === 0;

it.skipIf(!asRoot)('as root, moves a default data folder the postgres user cannot reach (a checkout in /root) to one it can, and starts there', async () => {
  // A checkout in a private home folder: mode 700, like /root.
  const home = await mkdtemp(path.join(os.tmpdir(), 'claimgraph-private-home-'));
  await chmod(home, 0o700);
  const preferred = path.join(home, 'claimgraph', '.data', 'pg');
  await expect(startEmbeddedPostgres({ dataDir: preferred, ephemeral: true })).rejects.toThrow(/cannot enter/);
  const { dataDir, reason } = reachableDataDir(preferred);
  expect(reason).toBe(`the "postgres" user that runs PostgreSQL for root cannot enter ${home}`);
  expect(dataDir.startsWith(`${ROOT_DATA_BASE}/claimgraph-`)).toBe(true);
  // Stable: the CLI finds the folder npm start chose.
  expect(reachableDataDir(preferred).dataDir).toBe(dataDir);
  const server = await startEmbeddedPostgres({ dataDir, ephemeral: true });
  try {
    const c = new pg.Client({ connectionString: server.url });
    await c.connect();
    const { rows } = await c.query<{ one: number }>('SELECT 1 AS one');
    await c.end();
    expect(rows).toEqual([{ one: 1 }]);
  } finally {
    await server.stop();
    await rm(path.dirname(dataDir), { recursive: true, force: true });
    await rm(home, { recursive: true, force: true });
  }
}, 120_000);

it('keeps a data folder the server can reach where it is', () => {
  const dir = path.join(os.tmpdir(), 'claimgraph-reachable', 'pg');
  expect(reachableDataDir(dir)).toEqual({ dataDir: dir, reason: null });
});

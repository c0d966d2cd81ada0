import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../src/embedded.js';

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

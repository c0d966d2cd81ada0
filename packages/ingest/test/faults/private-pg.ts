// A PostgreSQL of the fault test's own (the embedded one, its own port and data folder), to restart,
// stop and kill -9 without disturbing the other tests' cluster.
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '@claimgraph/db/embedded';
import { connectClient, type QueryResultRow } from '@claimgraph/db';

export interface PrivatePostgres {
  url: string;
  port: number;
  /** Stops the server (fast shutdown: sessions get 57P01), keeps it down `downMs`, starts it again. */
  restart(downMs: number): Promise<void>;
  /** kill -9 of the postmaster (its backends die with it; committed data survives), then a start after `downMs`. */
  crash(downMs: number): Promise<void>;
  /** One statement on a connection of its own. */
  query<R extends QueryResultRow>(sql: string, values?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const base = await mkdtemp(path.join(os.tmpdir(), 'claimgraph-faults-pg-'));
  await chmod(base, 0o755); // as root the server runs as "postgres"
  const dataDir = path.join(base, 'data');
  // Not `ephemeral`: synchronous_commit stays on, so what was acknowledged survives a kill -9.
  // fsync off is safe here: the machine does not crash, only the server.
  const settings = { fsync: 'off', full_page_writes: 'off' };
  let server: EmbeddedPostgresHandle = await startEmbeddedPostgres({ dataDir, settings });
  const port = server.port;
  const start = async () => {
    // After a kill -9, the old backends may hold shared memory for a moment: try again.
    for (let attempt = 1; ; attempt++) {
      try {
        server = await startEmbeddedPostgres({ dataDir, port, settings });
        return;
      } catch (err) {
        if (attempt >= 20) throw err;
        await sleep(250);
      }
    }
  };
  const query = async <R extends QueryResultRow>(sql: string, values: unknown[] = []) => {
    const c = await connectClient(server.url);
    try {
      return (await c.query<R>(sql, values)).rows;
    } finally {
      await c.end();
    }
  };
  return {
    url: server.url,
    port,
    query,
    restart: async (downMs) => {
      await server.stop();
      await sleep(downMs);
      await start();
    },
    crash: async (downMs) => {
      const pid = Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
      process.kill(pid, 'SIGKILL');
      await sleep(downMs);
      await start();
    },
    close: async () => {
      await server.stop().catch(() => {});
      await rm(base, { recursive: true, force: true });
    },
  };
}

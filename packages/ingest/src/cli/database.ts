// The CLI's database: DATABASE_URL, or the checkout's embedded PostgreSQL (the one `npm start` uses).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { migrate } from '@claimgraph/db';
import { reachableDataDir, startEmbeddedPostgres } from '@claimgraph/db/embedded';
import type { IngestEnv } from '../env.js';
import { DEFAULT_PG_DIR, REPO_ROOT } from '../paths.js';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * A database URL, migrated, and a `release` to call at exit. With DATABASE_URL set, that. Otherwise the embedded
 * cluster in `<repo>/.data/pg` (or CLAIMGRAPH_DATA_DIR): when `npm start` already runs it, connect to its
 * port (line 4 of postmaster.pid); else start it for the duration of the command.
 */
export async function openDatabase(
  cfg: IngestEnv,
): Promise<{ url: string; release(): Promise<void>; embedded: boolean }> {
  if (cfg.DATABASE_URL) {
    // As `npm start` does: an empty or older database gets the schema first (runners queue on a lock).
    await migrate(cfg.DATABASE_URL);
    return { url: cfg.DATABASE_URL, release: async () => {}, embedded: false };
  }
  // The same folder `npm start` picks (the default moves out of a private home when run as root).
  const dataDir = cfg.CLAIMGRAPH_DATA_DIR
    ? path.resolve(REPO_ROOT, cfg.CLAIMGRAPH_DATA_DIR)
    : reachableDataDir(DEFAULT_PG_DIR).dataDir;
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const lines = readFileSync(pidFile, 'utf8').split('\n');
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    if (pid && port && alive(pid)) {
      const url = `postgresql://postgres:claimgraph@127.0.0.1:${port}/claimgraph`;
      await migrate(url);
      return { url, release: async () => {}, embedded: true };
    }
  }
  const server = await startEmbeddedPostgres({ dataDir });
  await migrate(server.url);
  return { url: server.url, release: () => server.stop(), embedded: true };
}

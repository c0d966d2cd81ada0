// Real processes for the queue, shutdown and fault tests: the built worker and CLI, and polling.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const WORKER = path.resolve(import.meta.dirname, '../dist/worker/main.js');
export const CLI = path.resolve(import.meta.dirname, '../dist/cli/main.js');

export interface Spawned {
  child: ChildProcess;
  /** Resolves with how the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
}

/** Every process started here, for `killAll` in afterAll. */
const started: ChildProcess[] = [];

export function spawnNode(args: string[], env: Record<string, string>): Spawned {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, output: () => out };
}

/** A worker process with one job loop on `databaseUrl`, expired jobs looked for every second. */
export const startWorker = (databaseUrl: string, env: Record<string, string> = {}, concurrency = 1): Spawned =>
  spawnNode([WORKER, '--concurrency', String(concurrency)], {
    DATABASE_URL: databaseUrl,
    INGEST_MAINTENANCE_SECONDS: '1',
    ...env,
  });

export function killAll() {
  for (const c of started) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}

/** Polls `fn` until it returns something truthy, or fails after `timeoutMs` naming `what`. */
export async function until<T>(
  what: string,
  fn: () => Promise<T | null | undefined | false>,
  timeoutMs = 60_000,
  everyMs = 100,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

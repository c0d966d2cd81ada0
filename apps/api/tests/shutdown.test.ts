// SIGTERM to a real API process: requests already in flight are answered, the pools are closed, exit 0
// (Apollo's own signal handler used to re-raise the signal: exit 143).
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { createTestDatabase } from '@claimgraph/db/testing';
import { connectClient } from '@claimgraph/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const API_DIR = path.resolve(import.meta.dirname, '..');
let database: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

async function connectionsTo(url: string): Promise<number> {
  const c = await connectClient(url);
  try {
    const { rows } = await c.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    return rows[0]!.n;
  } finally {
    await c.end();
  }
}

describe('API SIGTERM', () => {
  it('answers the request in flight, closes its connections and exits 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: API_DIR,
      env: { ...process.env, DATABASE_URL: database.url, API_PORT: '0', LOG_LEVEL: 'warn', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const started = Date.now();
    while (!/Claimgraph API at http:\/\/[^:]+:(\d+)/.test(out)) {
      if (Date.now() - started > 60_000 || child.exitCode !== null) throw new Error(`the API did not start:\n${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const port = Number(/Claimgraph API at http:\/\/[^:]+:(\d+)/.exec(out)![1]);
    // The pools have connections open (the local workspace was looked up at start).
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
    expect(await connectionsTo(database.url)).toBeGreaterThan(0);

    // A request whose body is still arriving when SIGTERM comes: it must still be answered.
    const body = JSON.stringify({ query: '{ __typename }' });
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    let response = '';
    socket.on('data', (d) => (response += d));
    const closed = new Promise((r) => socket.once('close', r));
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 5)}`,
    );
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    socket.write(body.slice(5));
    await closed;
    expect(response).toMatch(/^HTTP\/1.1 200/);
    expect(response).toContain('"__typename":"Query"');

    expect(await exited).toEqual({ code: 0, signal: null });
    expect(await connectionsTo(database.url)).toBe(0);
  });
});

// The create-admin command as an operator runs it: a real process, the password on standard input.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPrisma, type PrismaClient } from '@claimgraph/db';
import { createTestDatabase } from '@claimgraph/db/testing';
import { login, validateModeConfig } from '../src/index.js';

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let url: string;
let drop: () => Promise<void>;
let db: PrismaClient;

beforeAll(async () => {
  ({ url, drop } = await createTestDatabase());
  db = createPrisma(url, { max: 2 });
});
afterAll(async () => {
  await db?.$disconnect();
  await drop?.();
});

function run(args: string[], stdin: string, env: Record<string, string | undefined>) {
  // src through tsx, so the test does not depend on a prior build; dist/bin/create-admin.js is the same code compiled.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(pkg, 'src/bin/create-admin.ts'), ...args], {
    cwd: pkg,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.end(stdin);
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise<{ code: number | null; out: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, out })),
  );
}

it('creates the first admin from --email/--workspace and a password on stdin', async () => {
  const r = await run(
    ['--email', 'ada@example.org', '--workspace', 'desk', '--name', 'Ada'],
    'a strong first password\n',
    { DATABASE_URL: url },
  );
  expect(r.out).toContain('created ada@example.org as ADMIN of workspace "desk"');
  expect(r.code).toBe(0);
  const config = validateModeConfig({ mode: 'team', host: '127.0.0.1', sessionSecret: '' });
  await expect(
    login(db, config, { email: 'ada@example.org', password: 'a strong first password', ip: '127.0.0.1' }),
  ).resolves.toBeTruthy();
});

it('explains what is missing instead of creating anything', async () => {
  const noUrl = await run(['--email', 'x@example.org', '--workspace', 'desk'], 'a strong first password\n', {});
  expect(noUrl.code).toBe(1);
  expect(noUrl.out).toContain('DATABASE_URL is required');
  const noArgs = await run(['--email', 'x@example.org'], '', { DATABASE_URL: url });
  expect(noArgs.code).toBe(2);
  expect(noArgs.out).toContain('usage: create-admin');
  const weak = await run(['--email', 'x@example.org', '--workspace', 'desk'], 'short\n', { DATABASE_URL: url });
  expect(weak.code).toBe(1);
  expect(weak.out).toContain('at least 10 characters');
  expect(await db.user.count({ where: { email: 'x@example.org' } })).toBe(0);
});

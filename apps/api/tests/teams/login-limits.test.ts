// Login rate limits over real HTTP: attempts are counted before the password is checked (so parallel guesses
// cannot all reach argon2), and the per-address bucket keys on the socket peer unless it is a trusted proxy.
import http from 'node:http';
import { LOGIN_LIMIT, passwordVerifications } from '@claimgraph/auth';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTeamsWorld, type TeamsWorld } from './harness.js';

function post(
  base: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; cookies: string[] }> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, cookies: ([] as string[]).concat(res.headers['set-cookie'] ?? []) }),
        );
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

const ipRows = async (w: TeamsWorld) =>
  (await w.db.rateLimit.findMany({ where: { key: { startsWith: 'login:ip:' } }, orderBy: { key: 'asc' } })).map((r) => [
    r.key,
    r.count,
  ]);

let w: TeamsWorld;
let proxied: TeamsWorld;
beforeAll(async () => {
  // The proxy lives in 10.0.0.0/8; the test client (loopback) is not it, so its forwarded headers must not count.
  w = await startTeamsWorld({ trustProxy: '10.0.0.0/8' });
  // As behind docker-compose's Caddy: the proxy connects from loopback here.
  proxied = await startTeamsWorld({ trustProxy: 'loopback' });
});
afterAll(async () => {
  await w?.stop();
  await proxied?.stop();
});

describe('login attempts are counted before the password is checked', () => {
  test('40 parallel wrong-password logins: at most the limit reach argon2, the rest get 429', async () => {
    const before = passwordVerifications();
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        post(w.base, '/auth/login', { email: w.users.viewer.email, password: `wrong guess number ${i}` }),
      ),
    );
    const verified = passwordVerifications() - before;
    const statuses = results.map((r) => r.status);
    expect(verified).toBeLessThanOrEqual(LOGIN_LIMIT.maxFailures);
    expect(statuses.filter((s) => s === 401).length).toBe(verified);
    expect(statuses.filter((s) => s === 429).length).toBe(40 - verified);
    // The right password is refused too now, without a check.
    const right = await post(w.base, '/auth/login', {
      email: w.users.viewer.email,
      password: 'correct horse battery staple',
    });
    expect(right.status).toBe(429);
    expect(passwordVerifications() - before).toBe(verified);
  });
});

describe('the per-address bucket', () => {
  test('X-Forwarded-For from a peer that is not one of the trusted proxies is ignored: the socket address is counted', async () => {
    await w.db.rateLimit.deleteMany({});
    for (const spoofed of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
      expect(
        (
          await post(
            w.base,
            '/auth/login',
            { email: 'nobody@alpha.example', password: 'guess guess guess' },
            { 'x-forwarded-for': spoofed },
          )
        ).status,
      ).toBe(401);
    }
    const rows = await ipRows(w);
    expect(rows).toHaveLength(1);
    expect(rows[0]![0]).toMatch(/^login:ip:(::ffff:)?127\.0\.0\.1$/);
    expect(rows[0]![1]).toBe(3);
  });

  test('behind a trusted proxy each client gets its own bucket, and what a client prepends does not count', async () => {
    await proxied.db.rateLimit.deleteMany({});
    await post(
      proxied.base,
      '/auth/login',
      { email: 'nobody@alpha.example', password: 'guess guess guess' },
      { 'x-forwarded-for': '203.0.113.7' },
    );
    await post(
      proxied.base,
      '/auth/login',
      { email: 'nobody@alpha.example', password: 'guess guess guess' },
      { 'x-forwarded-for': '203.0.113.8' },
    );
    // The client wrote 10.0.0.1 itself; the proxy appended the address it saw.
    await post(
      proxied.base,
      '/auth/login',
      { email: 'nobody@alpha.example', password: 'guess guess guess' },
      { 'x-forwarded-for': '10.0.0.1, 203.0.113.7' },
    );
    expect(await ipRows(proxied)).toEqual([
      ['login:ip:203.0.113.7', 2],
      ['login:ip:203.0.113.8', 1],
    ]);
  });

  test('a successful sign-in gives the address its attempt back', async () => {
    await proxied.db.rateLimit.deleteMany({});
    const ok = await post(
      proxied.base,
      '/auth/login',
      { email: proxied.users.editor.email, password: 'correct horse battery staple' },
      { 'x-forwarded-for': '203.0.113.9' },
    );
    expect(ok.status).toBe(200);
    expect(await ipRows(proxied)).toEqual([['login:ip:203.0.113.9', 0]]);
  });
});

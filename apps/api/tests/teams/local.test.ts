// Local mode (the `npm start` default): no login, the implicit owner, a banner-worthy `me`; and the start-up
// refusal of team mode on a non-loopback address without a session secret (the built entry point).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { data, execute } from '../testkit/client.js';
import { startTestApi, type TestApi } from '../testkit/api.js';

const API_MAIN = path.resolve(new URL('.', import.meta.url).pathname, '../../dist/main.js');

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.stop());

test('local mode: everyone is the owner, no login route, mutations need no CSRF header', async () => {
  const me = await data(api.url, '{ me { mode via role workspace { slug } permissions } }');
  expect(me.me).toMatchObject({ mode: 'LOCAL', via: 'LOCAL', role: 'ADMIN', workspace: { slug: 'local' } });
  expect(me.me.permissions).toContain('member:manage');
  const who = (await (await fetch(`${api.base}/auth/me`)).json()) as { mode: string; memberships: { role: string }[] };
  expect(who.mode).toBe('local');
  expect(who.memberships[0]?.role).toBe('ADMIN');
  const loginRes = await fetch(`${api.base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"email":"a@b.c","password":"x"}',
  });
  expect(loginRes.status).toBe(400);
  const r = await execute(api.url, 'mutation { ping }');
  expect(r.body.errors).toBeUndefined();
});

test.runIf(existsSync(API_MAIN))(
  'team mode on a non-loopback address without SESSION_SECRET refuses to start, naming every problem',
  () => {
    const r = spawnSync(process.execPath, [API_MAIN], {
      env: {
        ...process.env,
        DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none',
        CLAIMGRAPH_MODE: 'team',
        API_HOST: '0.0.0.0',
        SESSION_SECRET: '',
        API_PORT: 'not-a-port',
      },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/SESSION_SECRET/);
    expect(r.stderr).toMatch(/API_PORT/);
    const local = spawnSync(process.execPath, [API_MAIN], {
      env: {
        ...process.env,
        DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none',
        CLAIMGRAPH_MODE: 'local',
        API_HOST: '0.0.0.0',
      },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(local.status).toBe(1);
    expect(local.stderr).toMatch(/local mode has no login/);
  },
);

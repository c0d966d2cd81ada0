/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL responses of ad-hoc documents are checked by value */
// Team mode without local mode's leftovers: no passwordless owner to take over, tokens that end and cannot
// breed, sessions that end when idle, housekeeping of ended rows, always one admin, Secure cookies behind an
// https proxy. Real PostgreSQL, real HTTP.
import { createHash } from 'node:crypto';
import http from 'node:http';
import { SESSION_IDLE_MS } from '@claimgraph/auth';
import { ensureLocalWorkspace, LOCAL_OWNER_EMAIL } from '@claimgraph/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { asSession, asToken, createUser, gql, login, ok, startTeamsWorld, type TeamsWorld } from './harness.js';

let w: TeamsWorld;
beforeAll(async () => {
  w = await startTeamsWorld({ housekeepingMs: 300 });
});
afterAll(async () => w?.stop());

const acceptWithPassword = (token: string) =>
  fetch(`${w.base}/auth/invitation/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, password: 'a takeover passphrase' }),
  });

describe("local mode's owner", () => {
  test('a team-mode API does not create the passwordless owner', async () => {
    expect(await w.db.user.count({ where: { email: LOCAL_OWNER_EMAIL } })).toBe(0);
  });

  test('left over from local mode, it cannot be invited, and an old invitation to it cannot take it over', async () => {
    const local = await ensureLocalWorkspace(w.db); // the database once ran in local mode
    const admin = await login(w.base, w.users.admin.email);
    const invited = await gql(
      w.url,
      asSession(admin),
      `mutation { inviteMember(email: "${LOCAL_OWNER_EMAIL}", role: ADMIN) { ok { token } error { code message } } }`,
    );
    expect(invited.data.inviteMember.ok).toBeNull();
    expect(invited.data.inviteMember.error).toEqual({
      code: 'BAD_USER_INPUT',
      message: `${LOCAL_OWNER_EMAIL} is local mode's built-in owner and cannot be invited; invite a real address`,
    });
    // An invitation written before this check existed.
    const token = 'old-invitation-token-to-the-local-owner';
    await w.db.invitation.create({
      data: {
        workspaceId: w.alpha,
        email: LOCAL_OWNER_EMAIL,
        role: 'VIEWER',
        tokenHash: createHash('sha256').update(token).digest('hex'),
        invitedById: w.users.admin.id,
        expiresAt: new Date(Date.now() + 3600_000),
      },
    });
    const r = await acceptWithPassword(token);
    expect(r.status).toBe(400);
    expect(((await r.json()) as any).error.code).toBe('INVITATION_INVALID');
    const owner = await w.db.user.findUniqueOrThrow({ where: { id: local.userId } });
    expect(owner.passwordHash).toBeNull();
    expect((await login(w.base, LOCAL_OWNER_EMAIL, 'a takeover passphrase')).status).not.toBe(200);
  });
});

describe('API tokens', () => {
  test('end: expiresInDays is bounded, and a token past its end is refused at once', async () => {
    const editor = await login(w.base, w.users.editor.email);
    const tooLong = await gql(
      w.url,
      asSession(editor),
      'mutation { createApiToken(name: "forever", role: VIEWER, expiresInDays: 3650) { ok { secret } error { code message } } }',
    );
    expect(tooLong.data.createApiToken.error.message).toMatch(/between 1 and 365/);
    const created = (
      await ok(
        w.url,
        asSession(editor),
        'mutation { createApiToken(name: "week", role: VIEWER, expiresInDays: 7) { ok { secret apiToken { databaseId expiresAt } } } }',
      )
    ).createApiToken.ok;
    const days = (Date.parse(created.apiToken.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    expect((await ok(w.url, asToken(created.secret), '{ me { via } }')).me.via).toBe('TOKEN');
    await w.db.apiToken.update({
      where: { id: created.apiToken.databaseId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await gql(w.url, asToken(created.secret), '{ me { via } }')).codes).toEqual(['UNAUTHENTICATED']);
    // The default is 90 days.
    const plain = (
      await ok(
        w.url,
        asSession(editor),
        'mutation { createApiToken(name: "default", role: VIEWER) { ok { apiToken { expiresAt } } } }',
      )
    ).createApiToken.ok;
    expect(Math.round((Date.parse(plain.apiToken.expiresAt) - Date.now()) / 86_400_000)).toBe(90);
  });

  test('a token cannot mint tokens, so revoking it leaves nothing working behind', async () => {
    const admin = await login(w.base, w.users.admin.email);
    const parent = (
      await ok(
        w.url,
        asSession(admin),
        'mutation { createApiToken(name: "parent", role: ADMIN) { ok { secret apiToken { databaseId } } } }',
      )
    ).createApiToken.ok;
    const before = await w.db.apiToken.count();
    const child = await gql(
      w.url,
      asToken(parent.secret),
      'mutation { createApiToken(name: "child", role: ADMIN) { ok { secret } error { code message } } }',
    );
    expect(child.codes).toEqual(['FORBIDDEN']);
    expect(child.errors[0]!.message).toBe(
      'API tokens cannot create API tokens; sign in to the dashboard to create one',
    );
    expect(await w.db.apiToken.count()).toBe(before);
  });
});

describe('sessions', () => {
  test('a session unused for the idle timeout ends (and its row goes), though it has not expired', async () => {
    const s = await login(w.base, w.users.viewer.email);
    expect((await ok(w.url, asSession(s), '{ me { role } }')).me.role).toBe('VIEWER');
    const row = await w.db.session.findFirstOrThrow({ where: { userId: w.users.viewer.id }, orderBy: { id: 'desc' } });
    await w.db.session.update({
      where: { id: row.id },
      data: { lastSeenAt: new Date(Date.now() - SESSION_IDLE_MS - 1000) },
    });
    expect(row.expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect((await gql(w.url, asSession(s), '{ me { role } }')).codes).toEqual(['UNAUTHENTICATED']);
    expect(await w.db.session.count({ where: { id: row.id } })).toBe(0);
  });

  test('housekeeping deletes expired and idle sessions and ended rate-limit windows, and keeps live ones', async () => {
    const user = w.users.editor.id;
    const past = new Date(Date.now() - 60_000);
    const expired = await w.db.session.create({
      data: { userId: user, tokenHash: 'expired-session', csrfToken: 'x', expiresAt: past },
    });
    const idle = await w.db.session.create({
      data: {
        userId: user,
        tokenHash: 'idle-session',
        csrfToken: 'x',
        expiresAt: new Date(Date.now() + 86_400_000),
        lastSeenAt: new Date(Date.now() - SESSION_IDLE_MS - 60_000),
      },
    });
    const live = await w.db.session.create({
      data: { userId: user, tokenHash: 'live-session', csrfToken: 'x', expiresAt: new Date(Date.now() + 86_400_000) },
    });
    await w.db.rateLimit.createMany({
      data: [
        { key: 'login:ip:192.0.2.1', count: 3, resetAt: past },
        { key: 'login:ip:192.0.2.2', count: 3, resetAt: new Date(Date.now() + 600_000) },
      ],
    });
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && (await w.db.session.count({ where: { id: { in: [expired.id, idle.id] } } })) > 0)
      await new Promise((r) => setTimeout(r, 100));
    expect(await w.db.session.count({ where: { id: { in: [expired.id, idle.id] } } })).toBe(0);
    expect(await w.db.session.count({ where: { id: live.id } })).toBe(1);
    expect(
      (await w.db.rateLimit.findMany({ where: { key: { startsWith: 'login:ip:192.0.2.' } } })).map((r) => r.key),
    ).toEqual(['login:ip:192.0.2.2']);
  });
});

describe('admins', () => {
  test('two admins demoting each other at the same moment leave one admin, every time', async () => {
    const a = await createUser(w.db, 'first.admin@beta.example', [[w.beta, 'ADMIN']]);
    const b = await createUser(w.db, 'second.admin@beta.example', [[w.beta, 'ADMIN']]);
    const [sa, sb] = [await login(w.base, a.email), await login(w.base, b.email)];
    const demote = (s: typeof sa, userId: number) =>
      gql(
        w.url,
        { headers: { ...asSession(s).headers, 'x-claimgraph-workspace': 'beta' } },
        `mutation { changeMemberRole(userId: ${userId}, role: VIEWER) { ok { role } error { code message } } }`,
      );
    for (let round = 0; round < 8; round++) {
      await w.db.membership.updateMany({
        where: { workspaceId: w.beta, userId: { in: [a.id, b.id] } },
        data: { role: 'ADMIN' },
      });
      await w.db.membership.updateMany({
        where: { workspaceId: w.beta, userId: w.users.outsider.id },
        data: { role: 'VIEWER' },
      });
      const results = await Promise.all([demote(sa, b.id), demote(sb, a.id)]);
      const admins = await w.db.membership.count({ where: { workspaceId: w.beta, role: 'ADMIN' } });
      expect(admins, JSON.stringify(results.map((r) => r.data ?? r.errors))).toBe(1);
    }
    await w.db.membership.updateMany({
      where: { workspaceId: w.beta, userId: w.users.outsider.id },
      data: { role: 'ADMIN' },
    });
  });
});

describe('cookies behind an https proxy', () => {
  function loginVia(base: string, headers: Record<string, string>): Promise<string[]> {
    const url = new URL('/auth/login', base);
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
          res.on('end', () => resolve(([] as string[]).concat(res.headers['set-cookie'] ?? [])));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ email: w.users.editor.email, password: 'correct horse battery staple' }));
    });
  }

  test('get Secure when a trusted proxy says the browser used https, though the internal URL is http', async () => {
    const proxied = await startTeamsWorld({ trustProxy: 'loopback', publicUrl: 'http://api:4000/graphql' });
    try {
      const secure = await loginVia(proxied.base, { 'x-forwarded-proto': 'https' });
      expect(secure).toHaveLength(2);
      for (const c of secure) expect(c).toMatch(/; Secure$/);
      const plain = await loginVia(proxied.base, {});
      for (const c of plain) expect(c).not.toMatch(/Secure/);
    } finally {
      await proxied.stop();
    }
    // An untrusted peer cannot ask for Secure (nor, by the same rule, choose its address).
    for (const c of await loginVia(w.base, { 'x-forwarded-proto': 'https' })) expect(c).not.toMatch(/Secure/);
  });
});

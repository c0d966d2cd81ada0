// Sessions, CSRF, tokens, login lockout, invitations, audit and corrections against a real PostgreSQL.
// Two Prisma clients stand for two API replicas: nothing may depend on which one answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma, type PrismaClient } from '@claimgraph/db';
import { createTestDatabase } from '@claimgraph/db/testing';
import {
  acceptInvitation,
  assertCsrf,
  audit,
  changeMemberRole,
  claimCorrectionKey,
  createAdmin,
  createApiToken,
  createInvitation,
  createSession,
  CsrfError,
  CSRF_COOKIE,
  ForbiddenError,
  hashPassword,
  InvalidCredentialsError,
  InvitationInvalidError,
  latestCorrections,
  listApiTokens,
  listAudit,
  login,
  LOGIN_LIMIT,
  parseCookies,
  passwordVerifications,
  RateLimitedError,
  recordCorrection,
  removeMember,
  resolveViewer,
  revokeApiToken,
  SESSION_COOKIE,
  sessionCookies,
  validateModeConfig,
  verifyPassword,
  type Viewer,
} from '../src/index.js';

const config = validateModeConfig({ mode: 'team', host: '0.0.0.0', sessionSecret: 'test-secret-'.padEnd(40, 'z') });
let drop: () => Promise<void>;
let a: PrismaClient; // replica A
let b: PrismaClient; // replica B
let seq = 0;

beforeAll(async () => {
  const tdb = await createTestDatabase();
  drop = tdb.drop;
  a = createPrisma(tdb.url, { max: 4 });
  b = createPrisma(tdb.url, { max: 4 });
});
afterAll(async () => {
  await a?.$disconnect();
  await b?.$disconnect();
  await drop?.();
});

/** A workspace with one member per role, each with password "correct horse battery". */
async function team() {
  const n = ++seq;
  const ws = await a.workspace.create({ data: { slug: `ws-${n}`, name: `Workspace ${n}` } });
  const passwordHash = await hashPassword('correct horse battery');
  const member = async (role: 'VIEWER' | 'EDITOR' | 'ADMIN') => {
    const user = await a.user.create({ data: { email: `${role.toLowerCase()}-${n}@example.org`, passwordHash } });
    await a.membership.create({ data: { workspaceId: ws.id, userId: user.id, role } });
    return {
      id: user.id,
      email: user.email,
      viewer: { userId: user.id, workspaceId: ws.id, role, via: 'session' } as Viewer,
    };
  };
  return { ws, viewer: await member('VIEWER'), editor: await member('EDITOR'), admin: await member('ADMIN') };
}

const cookieHeaderFrom = (setCookies: string[]) => setCookies.map((c) => c.split(';')[0]).join('; ');

describe('passwords', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse batterY')).toBe(false);
    await expect(hashPassword('short')).rejects.toThrow(/at least 10 characters/);
  });
});

describe('sessions', () => {
  it('a login on replica A is honoured by replica B, with Set-Cookie attributes a browser keeps safe', async () => {
    const t = await team();
    const { session } = await login(a, config, {
      email: t.editor.email.toUpperCase(),
      password: 'correct horse battery',
      ip: '10.1.1.1',
    });
    const cookies = sessionCookies(session, true);
    expect(cookies[0]).toMatch(
      new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43}; Path=/; Max-Age=\\d+; SameSite=Lax; HttpOnly; Secure$`),
    );
    expect(cookies[1]).toMatch(new RegExp(`^${CSRF_COOKIE}=.*SameSite=Lax; Secure$`));
    expect(cookies[1]).not.toContain('HttpOnly');
    const viewer = await resolveViewer({ db: b, config, cookieHeader: `other=1; ${cookieHeaderFrom(cookies)}` });
    expect(viewer).toMatchObject({ userId: t.editor.id, workspaceId: t.ws.id, role: 'EDITOR', via: 'session' });
    // The stored hash is keyed: the table never holds the cookie value.
    const row = await b.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(row.tokenHash).not.toContain(session.token);
  });

  it('an expired session resolves to nobody and is deleted', async () => {
    const t = await team();
    const s = await createSession(a, config, t.viewer.id, { ttlMs: 1000, now: new Date(Date.now() - 5000) });
    expect(await resolveViewer({ db: b, config, cookieHeader: `${SESSION_COOKIE}=${s.token}` })).toBeNull();
    expect(await a.session.count({ where: { id: s.id } })).toBe(0);
  });

  it('a session hashed under another secret (rotated SESSION_SECRET) no longer works', async () => {
    const t = await team();
    const s = await createSession(a, config, t.viewer.id);
    const rotated = { ...config, sessionSecret: 'another-secret'.padEnd(40, 'q') };
    expect(await resolveViewer({ db: a, config: rotated, cookieHeader: `${SESSION_COOKIE}=${s.token}` })).toBeNull();
  });

  it('CSRF: a cookie viewer must echo the session csrf token; bearer and local viewers need not', async () => {
    const t = await team();
    const s = await createSession(a, config, t.admin.id);
    const viewer = await resolveViewer({ db: a, config, cookieHeader: cookieHeaderFrom(sessionCookies(s, false)) });
    expect(() => assertCsrf(viewer, undefined)).toThrow(CsrfError);
    expect(() => assertCsrf(viewer, s.csrfToken.slice(0, -1) + (s.csrfToken.endsWith('A') ? 'B' : 'A'))).toThrow(
      CsrfError,
    );
    const other = await createSession(a, config, t.admin.id);
    expect(() => assertCsrf(viewer, other.csrfToken)).toThrow(/x-csrf-token/);
    // The dashboard reads the csrf cookie and sends it back: accepted.
    const csrfFromCookie = parseCookies(cookieHeaderFrom(sessionCookies(s, false))).get(CSRF_COOKIE);
    expect(() => assertCsrf(viewer, csrfFromCookie)).not.toThrow();
    expect(() => assertCsrf({ ...t.admin.viewer, via: 'token' }, undefined)).not.toThrow();
  });

  it('a user who asks for a workspace they do not belong to is FORBIDDEN; a user without a session is nobody', async () => {
    const t = await team();
    const other = await team();
    const s = await createSession(a, config, t.viewer.id);
    await expect(
      resolveViewer({ db: a, config, cookieHeader: `${SESSION_COOKIE}=${s.token}`, workspaceSlug: other.ws.slug }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await resolveViewer({ db: a, config, cookieHeader: `${SESSION_COOKIE}=not-a-session` })).toBeNull();
    expect(await resolveViewer({ db: a, config })).toBeNull();
  });

  it('local mode always answers the implicit owner of the local workspace', async () => {
    const v = await resolveViewer({ db: a, config: { mode: 'local', sessionSecret: '' } });
    expect(v).toMatchObject({ role: 'ADMIN', via: 'local' });
    expect((await a.workspace.findUniqueOrThrow({ where: { id: v!.workspaceId } })).slug).toBe('local');
  });
});

describe('login brute-force protection', () => {
  it('locks an email after 5 failures in the window, on every replica, even for the right password', async () => {
    const t = await team();
    for (let i = 0; i < 5; i++) {
      const db = i % 2 ? a : b;
      await expect(
        login(db, config, { email: t.admin.email, password: `wrong password ${i}`, ip: `10.2.0.${i}` }),
      ).rejects.toBeInstanceOf(InvalidCredentialsError);
    }
    const error = await login(a, config, {
      email: t.admin.email,
      password: 'correct horse battery',
      ip: '10.2.0.99',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).code).toBe('RATE_LIMITED');
    expect((error as RateLimitedError).retryAfterSeconds).toBeGreaterThan(800);
    // Another account is not affected.
    await expect(
      login(b, config, { email: t.editor.email, password: 'correct horse battery', ip: '10.2.0.99' }),
    ).resolves.toMatchObject({ userId: t.editor.id });
  });

  it('the window ends and a success clears the email counter', async () => {
    const t = await team();
    // A window long enough for a loaded machine; its end is then moved into the past instead of waited for.
    const limit = { maxFailures: 2, windowMs: 60_000 };
    for (let i = 0; i < 2; i++)
      await expect(
        login(a, config, { email: t.viewer.email, password: 'nope nope nope', ip: '10.3.0.1' }, { limit }),
      ).rejects.toBeInstanceOf(InvalidCredentialsError);
    await expect(
      login(a, config, { email: t.viewer.email, password: 'correct horse battery', ip: '10.3.0.1' }, { limit }),
    ).rejects.toBeInstanceOf(RateLimitedError);
    await a.rateLimit.updateMany({
      where: { key: { in: [`login:email:${t.viewer.email}`, 'login:ip:10.3.0.1'] } },
      data: { resetAt: new Date(Date.now() - 1000) },
    });
    await expect(
      login(a, config, { email: t.viewer.email, password: 'correct horse battery', ip: '10.3.0.1' }, { limit }),
    ).resolves.toBeTruthy();
    expect(await a.rateLimit.count({ where: { key: `login:email:${t.viewer.email}` } })).toBe(0);
  });

  it('locks an address that sprays many accounts, and unknown emails count too', async () => {
    const ipLimit = { maxFailures: 3, windowMs: 60_000 };
    for (let i = 0; i < 3; i++) {
      await expect(
        login(
          a,
          config,
          { email: `nobody-${i}@example.org`, password: 'guess guess guess', ip: '10.4.0.1' },
          { ipLimit },
        ),
      ).rejects.toBeInstanceOf(InvalidCredentialsError);
    }
    await expect(
      login(b, config, { email: 'nobody-9@example.org', password: 'guess guess guess', ip: '10.4.0.1' }, { ipLimit }),
    ).rejects.toBeInstanceOf(RateLimitedError);
  });

  it('40 parallel guesses: each is counted before its check, so at most the limit reach argon2 and the rest are refused', async () => {
    const t = await team();
    const before = passwordVerifications();
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        login(i % 2 ? a : b, config, { email: t.editor.email, password: `wrong guess ${i}`, ip: `10.5.0.${i}` }),
      ),
    );
    const reasons = results.map((r) => (r.status === 'rejected' ? (r.reason as Error).constructor : null));
    expect(passwordVerifications() - before).toBeLessThanOrEqual(LOGIN_LIMIT.maxFailures);
    expect(reasons.filter((c) => c === InvalidCredentialsError).length).toBeLessThanOrEqual(LOGIN_LIMIT.maxFailures);
    expect(reasons.filter((c) => c === RateLimitedError).length).toBeGreaterThanOrEqual(40 - LOGIN_LIMIT.maxFailures);
    const row = await a.rateLimit.findUniqueOrThrow({ where: { key: `login:email:${t.editor.email}` } });
    expect(row.count).toBe(40);
  });
});

describe('API tokens', () => {
  it('shown once, stored hashed, used as Bearer, last-used recorded, revocation stops it at once on every replica', async () => {
    const t = await team();
    const created = await createApiToken(a, t.editor.viewer, { name: 'nightly export', role: 'VIEWER' });
    expect(created.token).toMatch(/^cg_[A-Za-z0-9_-]{43}$/);
    expect(created.prefix).toBe(created.token.slice(0, 9));
    const row = await a.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).not.toContain(created.token);
    expect(row.lastUsedAt).toBeNull();

    const v = await resolveViewer({ db: b, config, authorizationHeader: `Bearer ${created.token}` });
    expect(v).toMatchObject({
      userId: t.editor.id,
      workspaceId: t.ws.id,
      role: 'VIEWER',
      via: 'token',
      tokenId: created.id,
    });
    expect((await a.apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).not.toBeNull();

    await revokeApiToken(a, t.editor.viewer, created.id);
    expect(await resolveViewer({ db: b, config, authorizationHeader: `Bearer ${created.token}` })).toBeNull();
    expect(await resolveViewer({ db: b, config, authorizationHeader: `Bearer ${created.token}x` })).toBeNull();
    expect((await listAudit(a, t.ws.id)).entries.map((e) => e.action)).toEqual(['token.revoke', 'token.create']);
  });

  it('cannot exceed the owner role, and is capped when the owner is demoted or removed', async () => {
    const t = await team();
    await expect(createApiToken(a, t.viewer.viewer, { name: 'x', role: 'EDITOR' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(createApiToken(a, t.viewer.viewer, { name: '', role: 'VIEWER' })).rejects.toThrow(
      /Give the token a name/,
    );
    const tok = await createApiToken(a, t.editor.viewer, { name: 'ingest script', role: 'EDITOR' });
    await changeMemberRole(a, t.admin.viewer, t.editor.id, 'VIEWER');
    expect((await resolveViewer({ db: a, config, authorizationHeader: `Bearer ${tok.token}` }))?.role).toBe('VIEWER');
    await removeMember(a, t.admin.viewer, t.editor.id);
    expect(await resolveViewer({ db: a, config, authorizationHeader: `Bearer ${tok.token}` })).toBeNull();
  });

  it('members revoke their own tokens, admins anyone’s; other workspaces’ ids are NOT_FOUND', async () => {
    const t = await team();
    const other = await team();
    const tok = await createApiToken(a, t.admin.viewer, { name: 'admin script', role: 'ADMIN' });
    await expect(revokeApiToken(a, t.editor.viewer, tok.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(revokeApiToken(a, other.admin.viewer, tok.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const mine = await createApiToken(a, t.editor.viewer, { name: 'mine', role: 'EDITOR' });
    await revokeApiToken(a, t.admin.viewer, mine.id);
    expect((await listApiTokens(a, t.editor.viewer)).map((r) => r.id)).toEqual([mine.id]);
    await expect(listApiTokens(a, t.editor.viewer, { allMembers: true })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await listApiTokens(a, t.admin.viewer, { allMembers: true })).length).toBe(2);
    expect(JSON.stringify(await listApiTokens(a, t.admin.viewer, { allMembers: true }))).not.toContain('tokenHash');
  });
});

describe('invitations and members', () => {
  it('an admin invites, a new person accepts with a password and can sign in; the token works once', async () => {
    const t = await team();
    await expect(
      createInvitation(a, t.editor.viewer, { email: 'new@example.org', role: 'EDITOR' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const inv = await createInvitation(a, t.admin.viewer, { email: ` New-${seq}@Example.org `, role: 'EDITOR' });
    expect(inv.email).toBe(`new-${seq}@example.org`);
    const membership = await acceptInvitation(b, {
      token: inv.token,
      password: 'a long enough password',
      name: 'New Person',
    });
    expect(membership).toMatchObject({ workspaceId: t.ws.id, role: 'EDITOR' });
    const { userId } = await login(a, config, { email: inv.email, password: 'a long enough password', ip: '10.6.0.1' });
    expect(userId).toBe(membership.userId);
    await expect(acceptInvitation(a, { token: inv.token, password: 'a long enough password' })).rejects.toBeInstanceOf(
      InvitationInvalidError,
    );
    const actions = (await listAudit(a, t.ws.id)).entries.map((e) => e.action);
    expect(actions).toEqual(['member.join', 'member.invite']);
  });

  it('an existing user accepts only an invitation for their own email; expired and concurrent accepts fail cleanly', async () => {
    const t = await team();
    const other = await team();
    const inv = await createInvitation(a, t.admin.viewer, { email: other.viewer.email, role: 'VIEWER' });
    await expect(acceptInvitation(a, { token: inv.token, userId: other.editor.id })).rejects.toThrow(/sent to/);
    // the failed attempt rolled back: the invitation is still usable
    const results = await Promise.allSettled([
      acceptInvitation(a, { token: inv.token, userId: other.viewer.id }),
      acceptInvitation(b, { token: inv.token, userId: other.viewer.id }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await a.membership.count({ where: { workspaceId: t.ws.id, userId: other.viewer.id } })).toBe(1);
    const old = await createInvitation(
      a,
      t.admin.viewer,
      { email: 'late@example.org', role: 'VIEWER' },
      { ttlMs: 1000, now: new Date(Date.now() - 5000) },
    );
    await expect(acceptInvitation(a, { token: old.token, password: 'a long enough password' })).rejects.toThrow(
      /expired/,
    );
    await expect(acceptInvitation(a, { token: 'made-up', password: 'a long enough password' })).rejects.toThrow(
      /unknown token/,
    );
  });

  it('role changes are audited and the last admin cannot be demoted or removed', async () => {
    const t = await team();
    await expect(changeMemberRole(a, t.editor.viewer, t.viewer.id, 'EDITOR')).rejects.toBeInstanceOf(ForbiddenError);
    await changeMemberRole(a, t.admin.viewer, t.viewer.id, 'EDITOR');
    await expect(changeMemberRole(a, t.admin.viewer, t.admin.id, 'EDITOR')).rejects.toThrow(/at least one admin/);
    await expect(removeMember(a, t.admin.viewer, t.admin.id)).rejects.toThrow(/at least one admin/);
    const [entry] = (await listAudit(a, t.ws.id)).entries;
    expect(entry).toMatchObject({
      action: 'member.role',
      before: { role: 'VIEWER', userId: t.viewer.id },
      after: { role: 'EDITOR' },
      user: { id: t.admin.id },
    });
  });
});

describe('audit and corrections', () => {
  it('audit rows are written inside the transaction: a rolled-back change leaves no entry', async () => {
    const t = await team();
    await expect(
      a.$transaction(async (tx) => {
        await audit(tx, t.editor.viewer, 'actor.merge', 'Actor', 1, { id: 1 }, { id: 2 });
        throw new Error('merge failed');
      }),
    ).rejects.toThrow('merge failed');
    expect((await listAudit(a, t.ws.id)).entries).toHaveLength(0);
    await audit(a, t.editor.viewer, 'label.add', 'BiasLabel', 7n, null, {
      at: new Date('2025-01-02T00:00:00Z'),
      big: 12n,
    });
    const page = await listAudit(a, t.ws.id);
    expect(page.entries[0]).toMatchObject({
      action: 'label.add',
      entityId: '7',
      before: null,
      after: { at: '2025-01-02T00:00:00.000Z', big: '12' },
    });
  });

  it('audit pages are newest first, keyset paginated, and scoped to the workspace', async () => {
    const t = await team();
    const other = await team();
    for (let i = 0; i < 5; i++) await audit(a, t.admin.viewer, 'claim.review', 'Claim', i, null, { i });
    await audit(a, other.admin.viewer, 'claim.review', 'Claim', 99, null, {});
    const first = await listAudit(a, t.ws.id, { first: 3 });
    expect(first.entries.map((e) => e.entityId)).toEqual(['4', '3', '2']);
    const second = await listAudit(a, t.ws.id, { first: 3, before: first.nextCursor! });
    expect(second.entries.map((e) => e.entityId)).toEqual(['1', '0']);
    expect(second.nextCursor).toBeNull();
  });

  it('corrections are stored with an audit entry and the latest per field is what re-extraction re-applies', async () => {
    const t = await team();
    const key = claimCorrectionKey(42, 'c3');
    await a.$transaction(async (tx) => {
      await recordCorrection(tx, t.editor.viewer, {
        entityType: 'claim',
        entityKey: key,
        field: 'modality',
        value: 'ALLEGED',
        before: 'REPORTED',
      });
      await recordCorrection(tx, t.editor.viewer, {
        entityType: 'claim',
        entityKey: key,
        field: 'text',
        value: 'Four missiles hit the base.',
      });
    });
    await recordCorrection(a, t.admin.viewer, {
      entityType: 'claim',
      entityKey: key,
      field: 'modality',
      value: 'DENIED',
    });
    const other = await team();
    await recordCorrection(a, other.editor.viewer, {
      entityType: 'claim',
      entityKey: key,
      field: 'modality',
      value: 'CONFIRMED',
    });
    const latest = await latestCorrections(b, t.ws.id, 'claim', [key, '42:missing']);
    expect(Object.fromEntries(latest.get(key)!)).toEqual({ modality: 'DENIED', text: 'Four missiles hit the base.' });
    expect(latest.has('42:missing')).toBe(false);
    const entries = (await listAudit(a, t.ws.id)).entries;
    expect(entries.map((e) => e.action)).toEqual(['claim.correct', 'claim.correct', 'claim.correct']);
    expect(entries[2]).toMatchObject({
      entityId: key,
      before: { modality: 'REPORTED' },
      after: { modality: 'ALLEGED' },
    });
  });
});

describe('first admin', () => {
  it('createAdmin makes the workspace and an ADMIN who can sign in; rerunning resets the password', async () => {
    const r = await createAdmin(a, {
      email: 'Chief@Example.org',
      password: 'first admin password',
      workspaceSlug: 'newsroom',
    });
    expect(r).toMatchObject({ email: 'chief@example.org', workspaceSlug: 'newsroom', createdUser: true });
    await expect(
      login(a, config, { email: 'chief@example.org', password: 'first admin password', ip: '10.7.0.1' }),
    ).resolves.toBeTruthy();
    const again = await createAdmin(a, {
      email: 'chief@example.org',
      password: 'second admin password',
      workspaceSlug: 'newsroom',
    });
    expect(again.createdUser).toBe(false);
    await expect(
      login(a, config, { email: 'chief@example.org', password: 'first admin password', ip: '10.7.0.2' }),
    ).rejects.toBeInstanceOf(InvalidCredentialsError);
    expect(await a.membership.count({ where: { workspaceId: r.workspaceId } })).toBe(1);
    await expect(
      createAdmin(a, { email: 'x@example.org', password: 'first admin password', workspaceSlug: 'Bad Slug' }),
    ).rejects.toThrow(/--workspace must be a slug/);
  });
});

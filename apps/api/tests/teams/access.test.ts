/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL responses are checked by value */
// Sign-in, sessions, CSRF, API tokens, invitations and workspace isolation in team mode, over real HTTP.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { toGlobalId } from '../../src/ids.js';
import {
  anonymous,
  asSession,
  asToken,
  fingerprint,
  gql,
  login,
  ok,
  PASSWORD,
  type Session,
  type TeamsWorld,
  startTeamsWorld,
} from './harness.js';

let w: TeamsWorld;
let admin: Session;
let viewer: Session;
let outsider: Session;

beforeAll(async () => {
  w = await startTeamsWorld();
  admin = await login(w.base, w.users.admin.email);
  viewer = await login(w.base, w.users.viewer.email);
  outsider = await login(w.base, w.users.outsider.email);
}, 240_000);
afterAll(async () => w?.stop());

describe('sign-in', () => {
  test('login sets an HttpOnly session cookie and a readable CSRF cookie; /auth/me answers who', async () => {
    const res = await fetch(`${w.base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'EDITOR@alpha.example ', password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    const cookies = res.headers.getSetCookie();
    expect(cookies.find((c) => c.startsWith('cg_session='))).toMatch(/HttpOnly/);
    expect(cookies.find((c) => c.startsWith('cg_session='))).toMatch(/SameSite=Lax/);
    expect(cookies.find((c) => c.startsWith('cg_csrf='))).not.toMatch(/HttpOnly/);
    const me = await fetch(`${w.base}/auth/me`, { headers: { cookie: admin.cookie } });
    const body = (await me.json()) as any;
    expect(body).toMatchObject({ mode: 'team', user: { email: 'admin@alpha.example' }, csrfToken: admin.csrf });
    expect(body.memberships).toEqual([{ role: 'ADMIN', workspace: expect.objectContaining({ slug: 'alpha' }) }]);
    expect((await fetch(`${w.base}/auth/me`)).status).toBe(401);
  });

  test('anonymous GraphQL requests and exports are refused', async () => {
    expect((await gql(w.url, anonymous, '{ claims { totalCount } }')).codes).toEqual(['UNAUTHENTICATED']);
    expect((await gql(w.url, { headers: { cookie: 'cg_session=forged' } }, '{ me { role } }')).codes).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect((await fetch(`${w.base}/export/claims.csv`)).status).toBe(401);
  });

  test('a wrong password says nothing about which part was wrong; repeated failures lock the email out', async () => {
    const email = 'viewer@alpha.example';
    const wrong = await login(w.base, email, 'not the password at all');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
    const nobody = await login(w.base, 'nobody@alpha.example', 'not the password at all');
    expect(nobody.body.error).toEqual(wrong.body.error);
    for (let i = 0; i < 4; i++) await login(w.base, email, `wrong ${i}`);
    const locked = await login(w.base, email, PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('RATE_LIMITED');
    // The existing session keeps working.
    expect((await ok(w.url, asSession(viewer), '{ me { role } }')).me.role).toBe('VIEWER');
  });

  test('logout needs the CSRF header and kills the session at once', async () => {
    const s = await login(w.base, 'editor@alpha.example');
    const forged = await fetch(`${w.base}/auth/logout`, { method: 'POST', headers: { cookie: s.cookie } });
    expect(forged.status).toBe(403);
    expect((await ok(w.url, asSession(s), '{ me { role } }')).me.role).toBe('EDITOR');
    const out = await fetch(`${w.base}/auth/logout`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie().join('\n')).toMatch(/cg_session=;.*Max-Age=0/);
    expect((await gql(w.url, asSession(s), '{ me { role } }')).codes).toEqual(['UNAUTHENTICATED']);
  });
});

describe('API tokens', () => {
  test('shown once, usable with Bearer (no CSRF), capped at the creator role, revoked at once', async () => {
    const tooHigh = await gql(
      w.url,
      asSession(viewer),
      'mutation { createApiToken(name: "x", role: EDITOR) { ok { secret } } }',
    );
    expect(tooHigh.codes).toEqual(['FORBIDDEN']);
    const created = await ok(
      w.url,
      asSession(viewer),
      'mutation { createApiToken(name: "nightly export", role: VIEWER) { ok { secret apiToken { databaseId prefix role } } } }',
    );
    const { secret, apiToken } = created.createApiToken.ok;
    expect(secret).toMatch(/^cg_/);
    expect(secret.startsWith(apiToken.prefix)).toBe(true);
    const me = await ok(
      w.url,
      asToken(secret),
      '{ me { via role workspace { slug } } claims(first: 1) { totalCount } }',
    );
    expect(me.me).toEqual({ via: 'TOKEN', role: 'VIEWER', workspace: { slug: 'alpha' } });
    expect(me.claims.totalCount).toBeGreaterThan(0);
    // The token never appears again, only its prefix.
    const listed = await ok(w.url, asSession(viewer), '{ apiTokens { prefix lastUsedAt revokedAt } }');
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(listed.apiTokens[0].lastUsedAt).not.toBeNull();
    // A viewer token cannot write, whatever the header.
    expect(
      (
        await gql(
          w.url,
          asToken(secret),
          'mutation { reviewClaim(id: "Q2xhaW06MQ==", status: VERIFIED) { ok { id } } }',
        )
      ).codes,
    ).toEqual(['FORBIDDEN']);
    await ok(w.url, asSession(viewer), `mutation { revokeApiToken(id: ${apiToken.databaseId}) { ok { revokedAt } } }`);
    expect((await gql(w.url, asToken(secret), '{ me { role } }')).codes).toEqual(['UNAUTHENTICATED']);
    expect(
      (await fetch(`${w.base}/export/claims.csv`, { headers: { authorization: `Bearer ${secret}` } })).status,
    ).toBe(401);
  });

  test('an editor token works for mutations without CSRF and loses its power when the owner is demoted or removed', async () => {
    const editor = await login(w.base, 'editor@alpha.example');
    const { secret } = (
      await ok(w.url, asSession(editor), 'mutation { createApiToken(name: "bot", role: EDITOR) { ok { secret } } }')
    ).createApiToken.ok;
    const claim = await w.db.claim.findFirstOrThrow({ where: { workspaceId: w.alpha }, orderBy: { id: 'desc' } });
    const id = toGlobalId('Claim', claim.id);
    await ok(
      w.url,
      asToken(secret),
      `mutation { reviewClaim(id: "${id}", status: VERIFIED, note: "by bot") { ok { reviewStatus } } }`,
    );
    await ok(
      w.url,
      asSession(admin),
      `mutation { changeMemberRole(userId: ${w.users.editor.id}, role: VIEWER) { ok { role } } }`,
    );
    expect(
      (await gql(w.url, asToken(secret), `mutation { reviewClaim(id: "${id}", status: REJECTED) { ok { id } } }`))
        .codes,
    ).toEqual(['FORBIDDEN']);
    await ok(
      w.url,
      asSession(admin),
      `mutation { changeMemberRole(userId: ${w.users.editor.id}, role: EDITOR) { ok { role } } }`,
    );
    expect((await ok(w.url, asToken(secret), '{ me { role } }')).me.role).toBe('EDITOR');
  });
});

describe('invitations', () => {
  test('an admin invites; the invitee accepts with a password, is signed in, and joins with the invited role, once', async () => {
    const invited = await ok(
      w.url,
      asSession(admin),
      'mutation { inviteMember(email: "New.Person@alpha.example", role: EDITOR) { ok { token acceptPath invitation { email role } } } }',
    );
    const { token, acceptPath, invitation } = invited.inviteMember.ok;
    expect(invitation).toEqual({ email: 'new.person@alpha.example', role: 'EDITOR' });
    expect(acceptPath).toContain(encodeURIComponent(token));
    const info = (await (await fetch(`${w.base}/auth/invitation?token=${encodeURIComponent(token)}`)).json()) as any;
    expect(info).toMatchObject({ email: 'new.person@alpha.example', role: 'EDITOR', workspace: { slug: 'alpha' } });
    const weak = await fetch(`${w.base}/auth/invitation/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, password: 'short' }),
    });
    expect(weak.status).toBe(400);
    const accept = await fetch(`${w.base}/auth/invitation/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, password: 'a long enough passphrase', name: 'New Person' }),
    });
    expect(accept.status).toBe(200);
    const fresh = await login(w.base, 'new.person@alpha.example', 'a long enough passphrase');
    expect((await ok(w.url, asSession(fresh), '{ me { role workspace { slug } } }')).me).toEqual({
      role: 'EDITOR',
      workspace: { slug: 'alpha' },
    });
    const again = await fetch(`${w.base}/auth/invitation/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, password: 'another long passphrase' }),
    });
    expect(((await again.json()) as any).error.code).toBe('INVITATION_INVALID');
    const members = await ok(w.url, asSession(admin), '{ members { role user { email } } }');
    expect(members.members).toContainEqual({ role: 'EDITOR', user: { email: 'new.person@alpha.example' } });
  });

  test('the last admin cannot be demoted', async () => {
    const r = await ok(
      w.url,
      asSession(admin),
      `mutation { changeMemberRole(userId: ${w.users.admin.id}, role: VIEWER) { ok { role } error { code message } } }`,
    ).catch((e: Error) => e);
    expect(String(r)).toMatch(/at least one admin/);
  });
});

describe('workspace isolation', () => {
  const TYPES = [
    ['Claim', 'claim'],
    ['Actor', 'actor'],
    ['Event', 'event'],
    ['Article', 'article'],
    ['ClaimCluster', 'claimCluster'],
    ['ClaimRelation', 'claimRelation'],
  ] as const;

  test('no id of workspace alpha resolves for a member of beta (node, nodes, typed fields)', async () => {
    await ok(
      w.url,
      asSession(admin),
      `mutation { addLabel(input: { sourceId: "${toGlobalId('Source', (await w.db.source.findFirstOrThrow()).id)}", scheme: "alpha-only-scheme", value: "secret" }) { ok { id } } }`,
    );
    for (const [type, table] of TYPES) {
      const rows = await (w.db[table] as any).findMany({ where: { workspaceId: w.alpha }, select: { id: true } });
      expect(rows.length, type).toBeGreaterThan(0);
      const ids: string[] = rows.map((r: { id: number }) => toGlobalId(type, r.id));
      for (let i = 0; i < ids.length; i += 100) {
        const page = ids.slice(i, i + 100);
        const mine = await ok(w.url, asSession(admin), 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
          ids: page,
        });
        expect(
          mine.nodes.every((x: unknown) => x !== null),
          `${type} visible in alpha`,
        ).toBe(true);
        const theirs = await ok(w.url, asSession(outsider), 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
          ids: page,
        });
        expect(
          theirs.nodes.filter((x: unknown) => x !== null),
          type,
        ).toEqual([]);
      }
    }
    const labels = await w.db.biasLabel.findMany({ where: { workspaceId: w.alpha } });
    const seen = await ok(w.url, asSession(outsider), 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
      ids: labels.map((l) => toGlobalId('BiasLabel', l.id)),
    });
    expect(seen.nodes.filter((x: unknown) => x !== null)).toEqual([]);
    const claim = await w.db.claim.findFirstOrThrow({ where: { workspaceId: w.alpha } });
    const typed = await ok(
      w.url,
      asSession(outsider),
      'query($id: ID!) { claim(id: $id) { id } coverage(claimId: $id) { carriers { __typename } } }',
      {
        id: toGlobalId('Claim', claim.id),
      },
    ).catch((e: Error) => e.message);
    expect(JSON.stringify(typed)).not.toMatch(/"claim":\{/);
  });

  test('counts, facets, search and exports only ever see the own workspace', async () => {
    const marker = 'Quixotrelvania';
    await ok(
      w.url,
      asSession(admin),
      'mutation($t: String!) { ingestArticle(input: { text: $t, outlet: "Reuters" }) { ok { created } } }',
      {
        t: `The foreign ministry of ${marker} said on Tuesday that 14 observers had arrived, according to Reuters.`,
      },
    );
    const [aClaims, bClaims] = await Promise.all([
      w.db.claim.count({ where: { workspaceId: w.alpha } }),
      w.db.claim.count({ where: { workspaceId: w.beta } }),
    ]);
    expect(aClaims).not.toBe(bClaims);
    const count =
      '{ claims { totalCount } articles { totalCount } actors { totalCount } events { totalCount } biasLabels { scheme value count } }';
    const a = await ok(w.url, asSession(admin), count);
    const b = await ok(w.url, asSession(outsider), count);
    expect(a.claims.totalCount).toBe(aClaims);
    expect(b.claims.totalCount).toBe(bClaims);
    expect(b.articles.totalCount).toBe(await w.db.article.count({ where: { workspaceId: w.beta } }));
    expect(b.biasLabels.map((l: { scheme: string }) => l.scheme)).not.toContain('alpha-only-scheme');
    expect(a.biasLabels.map((l: { scheme: string }) => l.scheme)).toContain('alpha-only-scheme');

    const search = `{ search(text: "${marker}") { claims { id } articles { id } actors { id } events { id } } }`;
    const found = await ok(w.url, asSession(admin), search);
    expect(found.search.articles.length).toBe(1);
    expect(await ok(w.url, asSession(outsider), search)).toEqual({
      search: { claims: [], articles: [], actors: [], events: [] },
    });

    const csvA = await (await fetch(`${w.base}/export/claims.csv`, { headers: { cookie: admin.cookie } })).text();
    const csvB = await (await fetch(`${w.base}/export/claims.csv`, { headers: { cookie: outsider.cookie } })).text();
    expect(csvA).toContain(marker);
    expect(csvB).not.toContain(marker);
    expect(csvB.trim().split('\n').length - 1).toBeGreaterThanOrEqual(bClaims);
  });

  test('a member of beta cannot change anything of alpha, nor switch into it', async () => {
    const claim = await w.db.claim.findFirstOrThrow({ where: { workspaceId: w.alpha } });
    const [a1, a2] = await w.db.actor.findMany({ where: { workspaceId: w.alpha }, take: 2 });
    const label = await w.db.biasLabel.findFirstOrThrow({ where: { workspaceId: w.alpha } });
    const token = await w.db.apiToken.findFirstOrThrow({ where: { workspaceId: w.alpha } });
    const before = await fingerprint(w.db);
    const attempts = [
      `mutation { correctClaim(id: "${toGlobalId('Claim', claim.id)}", input: { text: "pwned" }) { error { code } } }`,
      `mutation { reviewClaim(id: "${toGlobalId('Claim', claim.id)}", status: REJECTED) { error { code } } }`,
      `mutation { mergeActors(into: "${toGlobalId('Actor', a1!.id)}", actorIds: ["${toGlobalId('Actor', a2!.id)}"]) { error { code } } }`,
      `mutation { changeLabel(id: "${toGlobalId('BiasLabel', label.id)}", input: { value: "x" }) { error { code } } }`,
      `mutation { retireLabel(id: "${toGlobalId('BiasLabel', label.id)}") { error { code } } }`,
      `mutation { changeMemberRole(userId: ${w.users.viewer.id}, role: ADMIN) { error { code } } }`,
      `mutation { removeMember(userId: ${w.users.viewer.id}) { error { code } } }`,
      `mutation { revokeApiToken(id: ${token.id}) { error { code } } }`,
    ];
    for (const q of attempts) {
      const r = await ok(w.url, asSession(outsider), q).catch((e: Error) => e.message);
      expect(JSON.stringify(r), q).toContain('NOT_FOUND');
    }
    expect(await fingerprint(w.db)).toBe(before);
    const sw = await gql(
      w.url,
      { headers: { ...asSession(outsider).headers, 'x-claimgraph-workspace': 'alpha' } },
      '{ claims { totalCount } }',
    );
    expect(sw.codes).toEqual(['FORBIDDEN']);
  });
});

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL responses are checked by value */
// The role × operation matrix in team mode over real HTTP: every query and mutation of the schema, called by
// anonymous, viewer, editor and admin of workspace alpha. Allowed calls succeed (mutations leave an audit entry);
// denied ones answer UNAUTHENTICATED/FORBIDDEN and leave every table exactly as it was.
import { createApiToken } from '@claimgraph/auth';
import type { Role } from '@claimgraph/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { toGlobalId } from '../../src/ids.js';
import { buildSchema } from '../../src/schema.js';
import {
  anonymous,
  asSession,
  createUser,
  fingerprint,
  gql,
  login,
  type Caller,
  type Session,
  type TeamsWorld,
  startTeamsWorld,
} from './harness.js';

type Who = 'anonymous' | 'viewer' | 'editor' | 'admin';
const RANK: Record<Who, number> = { anonymous: -1, viewer: 0, editor: 1, admin: 2 };
const MIN: Record<Role, number> = { VIEWER: 0, EDITOR: 1, ADMIN: 2 };

interface Op {
  field: string;
  min: Role;
  query: string;
  /** The error code a permitted caller gets when the call passes the role check but cannot succeed here. */
  allowedError?: string;
  /** Fresh variables for one call (fixtures are created here, before the fingerprint). */
  vars?: (
    w: TeamsWorld,
    caller: { userId: number | null },
  ) => Promise<Record<string, unknown>> | Record<string, unknown>;
}

let w: TeamsWorld;
const sessions = {} as Record<Exclude<Who, 'anonymous'>, Session>;
let ids: Record<string, string> = {};
let n = 0;

async function anyId(sql: string): Promise<number> {
  const rows = await w.db.$queryRawUnsafe<{ id: number }[]>(sql, w.alpha);
  if (!rows[0]) throw new Error(`no row for ${sql}`);
  return rows[0].id;
}

const freshActor = async (aliases: string[] = []) => {
  const name = `Fixture Actor ${++n}`;
  const all = [name, ...aliases];
  const a = await w.db.actor.create({
    data: {
      workspaceId: w.alpha,
      canonicalName: name,
      kind: 'PERSON',
      aliases: {
        create: all.map((alias, i) => ({ alias, normalized: alias.toLowerCase(), kind: i ? 'VARIANT' : 'CANONICAL' })),
      },
    },
  });
  return toGlobalId('Actor', a.id);
};
const freshEvent = async () =>
  toGlobalId(
    'Event',
    (await w.db.event.create({ data: { workspaceId: w.alpha, type: 'OTHER', summary: `Fixture event ${++n}` } })).id,
  );
const freshLabel = async () =>
  toGlobalId(
    'BiasLabel',
    (
      await w.db.biasLabel.create({
        data: {
          workspaceId: w.alpha,
          sourceId: Number(ids.sourceDb),
          scheme: 'reliability',
          value: `v${++n}`,
          rater: 'fixture',
        },
      })
    ).id,
  );
const freshFeed = async () =>
  Buffer.from(
    `Feed:${(await w.db.feed.create({ data: { workspaceId: w.alpha, url: `https://feeds.example.org/${++n}.xml` } })).id}`,
  ).toString('base64');
const freshMember = async () => (await createUser(w.db, `member${++n}@alpha.example`, [[w.alpha, 'VIEWER']])).id;

const OPS: Op[] = [
  // --- queries ---
  { field: 'node', min: 'VIEWER', query: 'query($id: ID!) { node(id: $id) { id } }', vars: () => ({ id: ids.claim }) },
  {
    field: 'nodes',
    min: 'VIEWER',
    query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
    vars: () => ({ ids: [ids.claim, ids.actor] }),
  },
  { field: 'health', min: 'VIEWER', query: '{ health { __typename } }' },
  {
    field: 'source',
    min: 'VIEWER',
    query: 'query($id: ID!) { source(id: $id) { id } }',
    vars: () => ({ id: ids.source }),
  },
  { field: 'sources', min: 'VIEWER', query: '{ sources(first: 5) { totalCount } }' },
  { field: 'biasLabels', min: 'VIEWER', query: '{ biasLabels { scheme value count } }' },
  {
    field: 'article',
    min: 'VIEWER',
    query: 'query($id: ID!) { article(id: $id) { id } }',
    vars: () => ({ id: ids.article }),
  },
  { field: 'articles', min: 'VIEWER', query: '{ articles(first: 5) { totalCount } }' },
  {
    field: 'actor',
    min: 'VIEWER',
    query: 'query($id: ID!) { actor(id: $id) { id } }',
    vars: () => ({ id: ids.actor }),
  },
  { field: 'actors', min: 'VIEWER', query: '{ actors(first: 5) { totalCount } }' },
  {
    field: 'event',
    min: 'VIEWER',
    query: 'query($id: ID!) { event(id: $id) { id } }',
    vars: () => ({ id: ids.event }),
  },
  { field: 'events', min: 'VIEWER', query: '{ events(first: 5) { totalCount } }' },
  {
    field: 'claim',
    min: 'VIEWER',
    query: 'query($id: ID!) { claim(id: $id) { id text } }',
    vars: () => ({ id: ids.claim }),
  },
  { field: 'claims', min: 'VIEWER', query: '{ claims(first: 5) { totalCount } }' },
  {
    field: 'cluster',
    min: 'VIEWER',
    query: 'query($id: ID!) { cluster(id: $id) { id } }',
    // Looked up when run: a split (an op above) undoes the links of the claims it moves.
    vars: async () => ({
      id: toGlobalId(
        'ClaimCluster',
        await anyId('SELECT id FROM "ClaimCluster" WHERE "workspaceId" = $1 ORDER BY id LIMIT 1'),
      ),
    }),
  },
  { field: 'contradictions', min: 'VIEWER', query: '{ contradictions(first: 5) { totalCount } }' },
  {
    field: 'relation',
    min: 'VIEWER',
    query: 'query($id: ID!) { relation(id: $id) { id } }',
    vars: async () => ({
      id: toGlobalId(
        'ClaimRelation',
        await anyId('SELECT id FROM "ClaimRelation" WHERE "workspaceId" = $1 ORDER BY id LIMIT 1'),
      ),
    }),
  },
  {
    field: 'coverage',
    min: 'VIEWER',
    query: 'query($id: ID!) { coverage(claimId: $id) { __typename } }',
    vars: () => ({ id: ids.claim }),
  },
  { field: 'timeline', min: 'VIEWER', query: '{ timeline { __typename } }' },
  { field: 'coverageMatrix', min: 'VIEWER', query: '{ coverageMatrix { rows { claimCount } } }' },
  {
    field: 'previewArticle',
    min: 'EDITOR',
    query:
      'query($input: IngestArticleInput!) { previewArticle(input: $input) { ok { claims { text } } error { code message } } }',
    vars: () => ({
      input: {
        text: 'Officials said on Monday that talks would resume in Geneva, according to Reuters.',
        outlet: 'Reuters',
      },
    }),
  },
  { field: 'articlesLinking', min: 'VIEWER', query: '{ articlesLinking }' },
  { field: 'feeds', min: 'VIEWER', query: '{ feeds { id url } }' },
  {
    field: 'addFeed',
    min: 'EDITOR',
    query: 'mutation($url: String!) { addFeed(input: { url: $url }) { feed { id } error { code message } } }',
    vars: () => ({ url: `https://feeds.example.org/added-${++n}.xml` }),
  },
  {
    field: 'pauseFeed',
    min: 'EDITOR',
    query: 'mutation($id: ID!) { pauseFeed(id: $id) { feed { paused } error { code message } } }',
    vars: async () => ({ id: await freshFeed() }),
  },
  {
    field: 'removeFeed',
    min: 'EDITOR',
    query: 'mutation($id: ID!) { removeFeed(id: $id) { removed error { code message } } }',
    vars: async () => ({ id: await freshFeed() }),
  },
  {
    // Past the role check the guarded fetcher refuses the private address (tests/teams/feeds.test.ts fetches real pages).
    field: 'fetchArticleUrl',
    min: 'EDITOR',
    allowedError: 'BLOCKED_ADDRESS',
    query: 'mutation($url: String!) { fetchArticleUrl(url: $url) { ok { created } error { code message } } }',
    vars: () => ({ url: 'http://10.0.0.5/story' }),
  },
  {
    field: 'ingestJobs',
    min: 'EDITOR',
    query: '{ ingestJobs(ids: ["00000000-0000-4000-8000-000000000000"]) { state } }',
  },
  {
    field: 'actorGraph',
    min: 'VIEWER',
    query: 'query($id: ID!) { actorGraph(actorId: $id) { __typename } }',
    vars: () => ({ id: ids.actor }),
  },
  { field: 'search', min: 'VIEWER', query: '{ search(text: "Soleimani") { __typename } }' },
  { field: 'me', min: 'VIEWER', query: '{ me { mode role user { email } workspace { slug } permissions } }' },
  { field: 'members', min: 'VIEWER', query: '{ members { role user { email } } }' },
  { field: 'apiTokens', min: 'VIEWER', query: '{ apiTokens { name } }' },
  { field: 'apiTokens(allMembers)', min: 'ADMIN', query: '{ apiTokens(allMembers: true) { name } }' },
  { field: 'invitations', min: 'ADMIN', query: '{ invitations { email } }' },
  { field: 'auditLog', min: 'ADMIN', query: '{ auditLog(first: 5) { entries { action } nextCursor } }' },
  // --- mutations ---
  { field: 'ping', min: 'VIEWER', query: 'mutation { ping }' },
  {
    field: 'ingestArticle',
    min: 'EDITOR',
    query:
      'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { ok { created } error { code message } } }',
    vars: () => ({
      input: {
        text: `Officials said on Monday that talks number ${++n} would resume in Geneva, according to Reuters.`,
        outlet: 'Reuters',
      },
    }),
  },
  {
    field: 'enqueueArticles',
    min: 'EDITOR',
    query:
      'mutation($inputs: [IngestArticleInput!]!) { enqueueArticles(inputs: $inputs) { ok { count } error { code message } } }',
    vars: () => ({
      inputs: [{ text: `The ministry said ${++n} inspectors arrived, Reuters reported.`, outlet: 'Reuters' }],
    }),
  },
  {
    field: 'inviteMember',
    min: 'ADMIN',
    query: 'mutation($e: String!) { inviteMember(email: $e, role: VIEWER) { ok { token } error { code message } } }',
    vars: () => ({ e: `invitee${++n}@alpha.example` }),
  },
  {
    field: 'changeMemberRole',
    min: 'ADMIN',
    query: 'mutation($u: Int!) { changeMemberRole(userId: $u, role: EDITOR) { ok { role } error { code message } } }',
    vars: async () => ({ u: await freshMember() }),
  },
  {
    field: 'removeMember',
    min: 'ADMIN',
    query: 'mutation($u: Int!) { removeMember(userId: $u) { ok error { code message } } }',
    vars: async () => ({ u: await freshMember() }),
  },
  {
    field: 'createApiToken',
    min: 'VIEWER',
    query: 'mutation($n: String!) { createApiToken(name: $n, role: VIEWER) { ok { secret } error { code message } } }',
    vars: () => ({ n: `script ${++n}` }),
  },
  {
    field: 'revokeApiToken',
    min: 'VIEWER',
    query: 'mutation($id: Int!) { revokeApiToken(id: $id) { ok { revokedAt } error { code message } } }',
    vars: async (_w, caller) => {
      const userId = caller.userId ?? sessions.admin.userId;
      const role = (await w.db.membership.findFirstOrThrow({ where: { userId, workspaceId: w.alpha } })).role;
      const t = await createApiToken(
        w.db,
        { userId, workspaceId: w.alpha, role, via: 'session' },
        { name: `to revoke ${++n}`, role: 'VIEWER' },
      );
      return { id: t.id };
    },
  },
  {
    field: 'correctClaim',
    min: 'EDITOR',
    query:
      'mutation($id: ID!, $t: String!) { correctClaim(id: $id, input: { text: $t, modality: ALLEGED }) { ok { text } error { code message } } }',
    vars: () => ({ id: ids.claim, t: `Corrected wording ${++n}` }),
  },
  {
    field: 'reviewClaim',
    min: 'EDITOR',
    query:
      'mutation($id: ID!, $note: String) { reviewClaim(id: $id, status: VERIFIED, note: $note) { ok { reviewStatus } error { code message } } }',
    vars: () => ({ id: ids.claim, note: `checked ${++n}` }),
  },
  {
    field: 'mergeActors',
    min: 'EDITOR',
    query:
      'mutation($into: ID!, $ids: [ID!]!) { mergeActors(into: $into, actorIds: $ids) { ok { id } error { code message } } }',
    vars: async () => ({ into: await freshActor(), ids: [await freshActor()] }),
  },
  {
    field: 'splitActor',
    min: 'EDITOR',
    query:
      'mutation($id: ID!, $a: String!) { splitActor(id: $id, input: { canonicalName: "Split Off", aliases: [$a] }) { ok { id } error { code message } } }',
    vars: async () => {
      const alias = `Other Person ${++n}`;
      return { id: await freshActor([alias]), a: alias };
    },
  },
  {
    field: 'mergeEvents',
    min: 'EDITOR',
    query:
      'mutation($into: ID!, $ids: [ID!]!) { mergeEvents(into: $into, eventIds: $ids) { ok { id } error { code message } } }',
    vars: async () => ({ into: await freshEvent(), ids: [await freshEvent()] }),
  },
  {
    field: 'splitEvent',
    min: 'EDITOR',
    query:
      'mutation($id: ID!, $c: [ID!]!) { splitEvent(id: $id, input: { claimIds: $c }) { ok { id } error { code message } } }',
    vars: async () => {
      const event = await w.db.event.create({
        data: { workspaceId: w.alpha, type: 'OTHER', summary: `Split me ${++n}` },
      });
      const claims = await w.db.claim.findMany({
        where: { workspaceId: w.alpha },
        take: 2,
        skip: n % 5,
        orderBy: { id: 'asc' },
      });
      await w.db.claim.updateMany({ where: { id: { in: claims.map((c) => c.id) } }, data: { eventId: event.id } });
      return { id: toGlobalId('Event', event.id), c: [toGlobalId('Claim', claims[0]!.id)] };
    },
  },
  {
    field: 'addLabel',
    min: 'EDITOR',
    query:
      'mutation($s: ID!, $v: String!) { addLabel(input: { sourceId: $s, scheme: "reliability", value: $v, rater: "Team review", url: "https://example.org/r" }) { ok { id } error { code message } } }',
    vars: () => ({ s: ids.source, v: `value ${++n}` }),
  },
  {
    field: 'changeLabel',
    min: 'EDITOR',
    query:
      'mutation($id: ID!) { changeLabel(id: $id, input: { value: "mixed", note: "re-rated" }) { ok { value } error { code message } } }',
    vars: async () => ({ id: await freshLabel() }),
  },
  {
    field: 'retireLabel',
    min: 'EDITOR',
    query: 'mutation($id: ID!) { retireLabel(id: $id, note: "outdated") { ok { id } error { code message } } }',
    vars: async () => ({ id: await freshLabel() }),
  },
];

beforeAll(async () => {
  w = await startTeamsWorld();
  for (const who of ['viewer', 'editor', 'admin'] as const) {
    const s = await login(w.base, w.users[who].email);
    expect(s.status).toBe(200);
    sessions[who] = s;
  }
  const sourceDb = await anyId('SELECT "sourceId" AS id FROM "Article" WHERE "workspaceId" = $1 ORDER BY id LIMIT 1');
  ids = {
    claim: toGlobalId('Claim', await anyId('SELECT id FROM "Claim" WHERE "workspaceId" = $1 ORDER BY id LIMIT 1')),
    actor: toGlobalId('Actor', await anyId('SELECT id FROM "Actor" WHERE "workspaceId" = $1 ORDER BY id LIMIT 1')),
    event: toGlobalId('Event', await anyId('SELECT id FROM "Event" WHERE "workspaceId" = $1 ORDER BY id LIMIT 1')),
    article: toGlobalId(
      'Article',
      await anyId('SELECT id FROM "Article" WHERE "workspaceId" = $1 ORDER BY id LIMIT 1'),
    ),
    source: toGlobalId('Source', sourceDb),
    sourceDb: String(sourceDb),
  };
}, 240_000);
afterAll(async () => w?.stop());

test('the matrix covers every query and mutation of the schema', () => {
  const schema = buildSchema();
  const fields = [
    ...Object.keys(schema.getQueryType()!.getFields()),
    ...Object.keys(schema.getMutationType()!.getFields()),
  ];
  const covered = new Set(OPS.map((o) => o.field.replace(/\(.*$/, '')));
  expect(fields.filter((f) => !covered.has(f))).toEqual([]);
});

describe.each(['anonymous', 'viewer', 'editor', 'admin'] as const)('as %s', (who) => {
  test.each(OPS.map((o) => [o.field, o] as const))('%s', async (_name, op) => {
    const caller: Caller = who === 'anonymous' ? anonymous : asSession(sessions[who]);
    const vars = op.vars ? await op.vars(w, { userId: who === 'anonymous' ? null : sessions[who].userId }) : {};
    const isMutation = op.query.trimStart().startsWith('mutation');
    const before = await fingerprint(w.db);
    const auditBefore = await w.db.auditLog.count();
    const r = await gql(w.url, caller, op.query, vars);
    if (RANK[who] >= MIN[op.min]) {
      expect(r.errors, JSON.stringify(r.errors)).toEqual([]);
      const payload = Object.values(r.data ?? {})[0] as any;
      if (op.allowedError) {
        expect(payload.error.code).toBe(op.allowedError);
        expect(await fingerprint(w.db)).toBe(before);
        return;
      }
      if (payload && typeof payload === 'object' && 'error' in payload) expect(payload.error).toBeNull();
      if (isMutation && op.field !== 'ping') expect(await w.db.auditLog.count()).toBeGreaterThan(auditBefore);
    } else {
      expect(r.codes).toEqual([who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN']);
      expect(await fingerprint(w.db)).toBe(before);
    }
  });
});

test('a cookie-authenticated mutation without x-csrf-token is refused and changes nothing', async () => {
  const before = await fingerprint(w.db);
  const r = await gql(
    w.url,
    { headers: { cookie: sessions.admin.cookie } },
    'mutation($id: ID!) { reviewClaim(id: $id, status: REJECTED) { ok { id } } }',
    { id: ids.claim },
  );
  expect(r.codes).toEqual(['CSRF_FAILED']);
  const wrong = await gql(
    w.url,
    { headers: { cookie: sessions.admin.cookie, 'x-csrf-token': 'forged' } },
    'mutation { ping }',
  );
  expect(wrong.codes).toEqual(['CSRF_FAILED']);
  expect(await fingerprint(w.db)).toBe(before);
  // Queries need no CSRF header.
  expect((await gql(w.url, { headers: { cookie: sessions.admin.cookie } }, '{ me { role } }')).data.me.role).toBe(
    'ADMIN',
  );
});

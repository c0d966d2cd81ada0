/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL responses are checked by value */
// Two workspaces over real HTTP in team mode: outlets are each workspace's own (the shared registry's aside),
// a workspace cannot file another's articles under its outlet, and the research views, merges and splits of one
// workspace never show or touch the other's rows.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { toGlobalId } from '../../src/ids.js';
import { asSession, gql, login, ok, type Session, type TeamsWorld, startTeamsWorld } from './harness.js';

let w: TeamsWorld;
let alpha: Session;
let beta: Session;

const TABLES = ['Source', 'BiasLabel', 'Article', 'Actor', 'Event', 'Claim', 'ClaimCluster', 'ClaimRelation'];

/** Every node id in a response, as [type, database id]. */
function nodeIds(value: unknown, out: [string, number][] = []): [string, number][] {
  if (Array.isArray(value)) for (const v of value) nodeIds(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'id' && typeof v === 'string') {
        const [type, id] = Buffer.from(v, 'base64').toString('utf8').split(':');
        if (type && TABLES.includes(type)) out.push([type, Number(id)]);
      } else nodeIds(v, out);
    }
  }
  return out;
}

/** The workspaces of the rows a response names (null: the shared registry). */
async function workspacesOf(data: unknown): Promise<Set<number | null>> {
  const out = new Set<number | null>();
  for (const [type, id] of nodeIds(data)) {
    const rows = await w.db.$queryRawUnsafe<{ workspaceId: number | null }[]>(
      `SELECT "workspaceId" FROM "${type}" WHERE id = $1`,
      id,
    );
    expect(rows, `${type} ${id} exists`).toHaveLength(1);
    out.add(rows[0]!.workspaceId);
  }
  return out;
}

/** Everything of one workspace's research rows, links included, as one hash per table. */
async function snapshot(ws: number): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of [
    'Source',
    'BiasLabel',
    'Article',
    'Actor',
    'ActorAlias',
    'Event',
    'EventActor',
    'EventMention',
    'Claim',
    'ClaimActor',
    'ClaimRelation',
    'ClaimCluster',
  ]) {
    const [row] = await w.db.$queryRawUnsafe<{ h: string | null; n: number }[]>(
      `SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) AS h, count(*)::int AS n FROM (SELECT t.* FROM "${t}" t WHERE t."workspaceId" = $1) x`,
      ws,
    );
    out[t] = `${row?.n}:${row?.h}`;
  }
  const [chains] = await w.db.$queryRawUnsafe<{ h: string | null }[]>(
    `SELECT md5(string_agg(a::text, '|' ORDER BY a.id)) AS h FROM "ClaimAttribution" a JOIN "Claim" c ON c.id = a."claimId" WHERE c."workspaceId" = $1`,
    ws,
  );
  out.ClaimAttribution = chains?.h ?? '';
  return out;
}

/** The actor of the workspace in the most claims. */
async function busiestActor(ws: number): Promise<number> {
  const [row] = await w.db.$queryRawUnsafe<{ actorId: number }[]>(
    `SELECT "actorId" FROM "ClaimActor" WHERE "workspaceId" = $1 GROUP BY "actorId" ORDER BY count(*) DESC, "actorId" LIMIT 1`,
    ws,
  );
  return row!.actorId;
}

// One query each: together they would pass the cost limit.
const VIEWS: Record<string, string> = {
  actorGraph: `query($actor: ID!) { actorGraph(actorId: $actor, depth: 2, limit: 50) { center { id } nodes { depth actor { id canonicalName } } edges { weight from { id } to { id } } } }`,
  timeline: `query { timeline(bucket: MONTH) { buckets { start claimCount byLabel { scheme value count } events { id summary } } } }`,
  coverageMatrix: `query { coverageMatrix(clusters: 20) { labels { scheme value } rows { claimCount cluster { id } cells { scheme value carriers silent } } } }`,
  contradictions: `query { contradictions(first: 50) { totalCount edges { node { id slot fromValue toValue from { id source { id } } to { id source { id } } } } } }`,
  sources: `query { sources(first: 100) { totalCount edges { node { id name labels { id scheme value } } } } }`,
  biasLabels: `query { biasLabels { scheme value count } }`,
  stateAffiliated: `query { stateAffiliated: claims(filter: { biasLabels: [{ scheme: "state-affiliated" }] }, first: 1) { totalCount } }`,
};

async function views(session: Session, ws: number) {
  const out: Record<string, any> = {};
  const actor = toGlobalId('Actor', await busiestActor(ws));
  for (const [name, query] of Object.entries(VIEWS))
    out[name] = (await ok(w.url, asSession(session), query, name === 'actorGraph' ? { actor } : {}))[name];
  return out;
}

/** A view without its ids (the two workspaces hold the same corpus under different ids). */
const shape = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(shape)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([k]) => k !== 'id')
            .map(([k, v]) => [k, shape(v)]),
        )
      : value;

const TEXT = (topic: string) =>
  `Officials said on Monday that two drones struck a fuel depot near the port of ${topic}, the interior ministry reported. ` +
  `The ministry said four people were wounded in the attack on the depot. Local residents said the fire burned for several hours.`;

async function ingest(session: Session, input: { text: string; url?: string; outlet?: string }) {
  const data = await ok(
    w.url,
    asSession(session),
    `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { ok { created article { id source { id name } } } error { code message } } }`,
    { input },
  );
  return data.ingestArticle.ok.article as { id: string; source: { id: string; name: string } };
}

let baseline: { alpha: any; beta: any };

beforeAll(async () => {
  w = await startTeamsWorld();
  alpha = await login(w.base, w.users.admin.email);
  beta = await login(w.base, w.users.outsider.email);
  baseline = { alpha: await views(alpha, w.alpha), beta: await views(beta, w.beta) };
}, 300_000);
afterAll(async () => w?.stop());

describe('outlets', () => {
  test('each workspace sees the sample outlets with their labels, and filters claims by them, as the other does', async () => {
    expect(baseline.beta.sources.totalCount).toBeGreaterThan(5);
    const names = baseline.beta.sources.edges.map((e: any) => e.node.name);
    expect(names).toEqual(
      expect.arrayContaining(['CGTN', 'Press TV', 'American Military News', 'Times of Jerusalem', 'StreamNews']),
    );
    const cgtn = baseline.beta.sources.edges.find((e: any) => e.node.name === 'CGTN').node;
    expect(cgtn.labels.map((l: any) => `${l.scheme}=${l.value}`)).toContain('state-affiliated=China');
    expect(baseline.beta.stateAffiliated.totalCount).toBeGreaterThan(0);
    expect(baseline.beta.biasLabels.length).toBeGreaterThan(0);
    // The same corpus in both workspaces: the same answers, under each workspace's own ids.
    expect(shape(baseline.beta)).toEqual(shape(baseline.alpha));
    expect(await workspacesOf(baseline.beta)).toEqual(new Set([null, w.beta]));
    expect(await workspacesOf(baseline.alpha)).toEqual(new Set([null, w.alpha]));
  });

  test('an outlet one workspace found is invisible to the other: by list, by id and by node id', async () => {
    const article = await ingest(alpha, {
      text: TEXT('Alphaville'),
      url: 'https://alpha-secret-desk.example/2024/depot',
      outlet: 'Alpha Secret Desk',
    });
    const id = article.source.id;
    expect(article.source.name).toBe('Alpha Secret Desk');
    const list = `query { sources(first: 50, filter: { text: "Alpha Secret" }) { totalCount edges { node { id } } } }`;
    expect((await ok(w.url, asSession(alpha), list)).sources.totalCount).toBe(1);
    expect((await ok(w.url, asSession(beta), list)).sources).toEqual({ totalCount: 0, edges: [] });
    const all = await ok(w.url, asSession(beta), `query { sources(first: 100) { totalCount edges { node { id } } } }`);
    expect(all.sources.totalCount).toBe(baseline.beta.sources.totalCount);
    expect(all.sources.edges.map((e: any) => e.node.id)).not.toContain(id);

    const byId = await gql(w.url, asSession(beta), `query($id: ID!) { source(id: $id) { id name } }`, { id });
    expect(byId.codes).toEqual(['NOT_FOUND']);
    const byNode = await gql(
      w.url,
      asSession(beta),
      `query($id: ID!) { node(id: $id) { id ... on Source { name } } }`,
      { id },
    );
    expect(byNode.data?.node ?? null).toBeNull();
    expect(JSON.stringify(byNode)).not.toContain('Alpha Secret Desk');
    // Nor can the other workspace label it.
    const label = await gql(
      w.url,
      asSession(beta),
      `mutation($id: ID!) { r: addLabel(input: { sourceId: $id, scheme: "lean", value: "left", rater: "beta" }) { ok { id } error { code } } }`,
      { id },
    );
    expect(label.data?.r?.ok ?? null).toBeNull();
    expect([...label.codes, label.data?.r?.error?.code]).toContain('NOT_FOUND');
  });

  test('an outlet at a public suffix (blogspot.com) does not take the blogs under it, in any workspace', async () => {
    const desk = await ingest(alpha, { text: TEXT('Deskton'), url: 'https://blogspot.com/x', outlet: 'State Desk' });
    expect(desk.source.name).toBe('State Desk');
    const victim = await ingest(beta, {
      text: TEXT('Victimton'),
      url: 'https://victim.blogspot.com/2024/05/post.html',
    });
    expect(victim.source.name).toBe('victim.blogspot.com');
    expect(victim.source.id).not.toBe(desk.source.id);
    expect(await workspacesOf(victim)).toEqual(new Set([w.beta]));
    // Within the workspace too: another blog on the suffix is its own outlet.
    const other = await ingest(alpha, { text: TEXT('Otherton'), url: 'https://another.blogspot.com/p/1.html' });
    expect(other.source.name).toBe('another.blogspot.com');
    // A registry outlet still takes its sub-domains, in each workspace.
    const cgtn = await ingest(beta, { text: TEXT('Cgtnville'), url: 'https://news.cgtn.com/n/2024/depot.html' });
    expect(cgtn.source.name).toBe('CGTN');
    expect(await workspacesOf(cgtn)).toEqual(new Set([null, w.beta]));
  });
});

describe('research views, merges and splits stay in their workspace', () => {
  test("one workspace's merges and splits leave the other's rows and views as they were", async () => {
    const betaBefore = await snapshot(w.beta);
    const betaViews = await views(beta, w.beta);
    // Alpha merges its two busiest actors and splits an event.
    const [a1, a2] = await w.db.$queryRawUnsafe<{ actorId: number }[]>(
      `SELECT "actorId" FROM "ClaimActor" WHERE "workspaceId" = $1 GROUP BY "actorId" ORDER BY count(*) DESC, "actorId" LIMIT 2`,
      w.alpha,
    );
    const merged = await ok(
      w.url,
      asSession(alpha),
      `mutation($into: ID!, $ids: [ID!]!) { mergeActors(into: $into, actorIds: $ids) { ok { id } error { code message } } }`,
      {
        into: toGlobalId('Actor', a1!.actorId),
        ids: [toGlobalId('Actor', a2!.actorId)],
      },
    );
    expect(merged.mergeActors.error).toBeNull();
    const [ev] = await w.db.$queryRawUnsafe<{ eventId: number; claimId: number }[]>(
      `SELECT "eventId", min(id) AS "claimId" FROM "Claim" WHERE "workspaceId" = $1 AND "eventId" IS NOT NULL GROUP BY "eventId" HAVING count(*) > 1 ORDER BY "eventId" LIMIT 1`,
      w.alpha,
    );
    const split = await ok(
      w.url,
      asSession(alpha),
      `mutation($id: ID!, $claims: [ID!]!) { splitEvent(id: $id, input: { claimIds: $claims }) { ok { id } error { code message } } }`,
      {
        id: toGlobalId('Event', ev!.eventId),
        claims: [toGlobalId('Claim', ev!.claimId)],
      },
    );
    expect(split.splitEvent.error).toBeNull();

    expect(await snapshot(w.beta)).toEqual(betaBefore);
    const after = await views(beta, w.beta);
    expect(after).toEqual(betaViews);
    expect(await workspacesOf(after)).toEqual(new Set([null, w.beta]));
  });

  test("merges and splits naming another workspace's rows are refused and change nothing", async () => {
    const alphaBefore = await snapshot(w.alpha);
    const betaBefore = await snapshot(w.beta);
    const alphaActor = await busiestActor(w.alpha);
    const betaActor = await busiestActor(w.beta);
    const [alphaEvent] = await w.db.event.findMany({
      where: { workspaceId: w.alpha },
      orderBy: { id: 'asc' },
      take: 1,
    });
    const [betaClaim] = await w.db.claim.findMany({
      where: { workspaceId: w.beta, eventId: { not: null } },
      orderBy: { id: 'asc' },
      take: 1,
    });
    const [alphaClaim] = await w.db.claim.findMany({
      where: { workspaceId: w.alpha, eventId: { not: null } },
      orderBy: { id: 'asc' },
      take: 1,
    });
    const attempts: [string, Record<string, unknown>][] = [
      [
        `mutation($a: ID!, $b: [ID!]!) { r: mergeActors(into: $a, actorIds: $b) { ok { id } error { code } } }`,
        { a: toGlobalId('Actor', betaActor), b: [toGlobalId('Actor', alphaActor)] },
      ],
      [
        `mutation($a: ID!, $b: [ID!]!) { r: mergeActors(into: $a, actorIds: $b) { ok { id } error { code } } }`,
        { a: toGlobalId('Actor', alphaActor), b: [toGlobalId('Actor', betaActor)] },
      ],
      [
        `mutation($a: ID!, $c: [ID!]) { r: splitActor(id: $a, input: { canonicalName: "Stolen", aliases: [], claimIds: $c }) { ok { id } error { code } } }`,
        { a: toGlobalId('Actor', betaActor), c: [toGlobalId('Claim', alphaClaim!.id)] },
      ],
      [
        `mutation($a: ID!) { r: splitActor(id: $a, input: { canonicalName: "Stolen", aliases: [] }) { ok { id } error { code } } }`,
        { a: toGlobalId('Actor', alphaActor) },
      ],
      [
        `mutation($a: ID!, $b: [ID!]!) { r: mergeEvents(into: $a, eventIds: $b) { ok { id } error { code } } }`,
        { a: toGlobalId('Event', betaClaim!.eventId!), b: [toGlobalId('Event', alphaEvent!.id)] },
      ],
      [
        `mutation($a: ID!, $c: [ID!]!) { r: splitEvent(id: $a, input: { claimIds: $c }) { ok { id } error { code } } }`,
        { a: toGlobalId('Event', betaClaim!.eventId!), c: [toGlobalId('Claim', alphaClaim!.id)] },
      ],
      [
        `mutation($a: ID!, $c: [ID!]!) { r: splitEvent(id: $a, input: { claimIds: $c }) { ok { id } error { code } } }`,
        { a: toGlobalId('Event', alphaClaim!.eventId!), c: [toGlobalId('Claim', alphaClaim!.id)] },
      ],
    ];
    for (const [query, variables] of attempts) {
      const r = await gql(w.url, asSession(beta), query, variables);
      expect(r.data?.r?.ok ?? null, query).toBeNull();
      // NOT_FOUND, or INVALID_INPUT where the input is refused before any row is looked up.
      expect(
        [...r.codes, r.data?.r?.error?.code].filter((c) => c === 'NOT_FOUND' || c === 'INVALID_INPUT'),
        query,
      ).not.toEqual([]);
    }
    expect(await snapshot(w.alpha)).toEqual(alphaBefore);
    expect(await snapshot(w.beta)).toEqual(betaBefore);
  });
});

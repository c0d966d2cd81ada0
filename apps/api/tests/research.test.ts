/* eslint-disable @typescript-eslint/no-explicit-any -- responses of ad-hoc GraphQL documents are checked by value, not typed */
import { subscribe } from 'node:diagnostics_channel';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { toGlobalId } from '../src/ids.js';
import { directStatements } from '../src/sql-list.js';
import { data } from './testkit/client.js';
import { startTestApi, type TestApi } from './testkit/api.js';

let api: TestApi;
// Statements through Prisma (counted by the test kit) plus those sent straight to node-postgres.
let direct = 0;
beforeAll(async () => {
  api = await startTestApi();
  subscribe(directStatements.name, () => direct++);
});
afterAll(async () => api?.stop());

const names = (list: { name: string }[]) => list.map((s) => s.name).sort();

describe('research queries', () => {
  test('coverage of the missile-count claim shows carriers and blindspots by label', async () => {
    const query = /* GraphQL */ `
      query($id: ID!) { coverage(claimId: $id) {
        basis event { summary } claims { text }
        carriers { source { name } claimCount }
        blindspots { source { name } claimCount }
        byLabel { scheme value carriers { name } blindspots { name } }
      } }`;
    const id = toGlobalId('Claim', api.scenario.claims.fourMissiles.id);
    await data(api.url, query, { id }); // the server's first request also sweeps expired sessions and tokens
    api.statements.reset();
    direct = 0;
    const r = await data(api.url, query, { id });
    const c = r.coverage;
    expect(c.basis).toBe('EVENT');
    expect(c.event.summary).toMatch(/Soleimani/);
    expect(c.carriers).toEqual([{ source: { name: 'CGTN' }, claimCount: 1 }]);
    expect(names(c.blindspots.map((b: any) => b.source))).toEqual(['American Military News', 'StreamNews']);
    expect(c.byLabel).toContainEqual({
      scheme: 'state-affiliated',
      value: 'China',
      carriers: [{ name: 'CGTN' }],
      blindspots: [],
    });
    expect(c.byLabel).toContainEqual({
      scheme: 'lean',
      value: 'right',
      carriers: [],
      blindspots: [{ name: 'American Military News' }],
    });
    // The claim set, carriers, blindspots, their labels and outlets, and the claims (with their event) in one statement:
    // they were two statements for the set and the carriers, then five more through Prisma for the rest.
    expect({ prisma: api.statements.count, direct }).toEqual({ prisma: 0, direct: 1 });
  });

  test('coverage of a cluster and of an event', async () => {
    const cluster = await data(
      api.url,
      `query($id: ID!) { coverage(clusterId: $id) { carriers { source { name } } blindspots { source { name } } event { type } } }`,
      {
        id: toGlobalId('ClaimCluster', api.scenario.cluster.id),
      },
    );
    expect(names(cluster.coverage.carriers.map((c: any) => c.source))).toEqual(['Press TV', 'Times of Jerusalem']);
    expect(cluster.coverage.blindspots).toEqual([]);
    expect(cluster.coverage.event.type).toBe('COORDINATION');
    const claimInCluster = await data(
      api.url,
      `query($id: ID!) { coverage(claimId: $id) { claims { source { name } } } }`,
      {
        id: toGlobalId('Claim', api.scenario.claims.tojCoord.id),
      },
    );
    expect(names(claimInCluster.coverage.claims.map((c: any) => c.source))).toEqual(['Press TV', 'Times of Jerusalem']);
    const event = await data(
      api.url,
      `query($id: ID!) { coverage(eventId: $id) { basis carriers { source { name } claimCount } } }`,
      {
        id: toGlobalId('Event', api.scenario.events.strike.id),
      },
    );
    expect(event.coverage.basis).toBe('ACTORS');
    expect(names(event.coverage.carriers.map((c: any) => c.source))).toEqual([
      'American Military News',
      'CGTN',
      'StreamNews',
    ]);
  });

  test('contradictions return the missile-count pair with slot, values and both chains', async () => {
    const r = await data(
      api.url,
      /* GraphQL */ `
      query { contradictions(filter: { actorNames: ["Soleimani"] }) { totalCount edges { node {
        kind slot reason fromValue toValue
        from { text source { name } attribution { kind label } }
        to { text source { name } attribution { kind label } }
      } } } }`,
    );
    expect(r.contradictions.totalCount).toBe(1);
    const n = r.contradictions.edges[0].node;
    expect([n.kind, n.slot, n.fromValue, n.toValue, n.reason]).toEqual([
      'CONTRADICTS',
      'count',
      '4',
      '2',
      '4 vs 2 missiles',
    ]);
    expect(n.from.source.name).toBe('CGTN');
    expect(n.from.attribution.map((a: any) => a.label)).toEqual(['CGTN', 'NBC News']);
    expect(n.to.source.name).toBe('American Military News');
    expect(n.to.attribution.map((a: any) => a.label)).toEqual(['American Military News', 'Reuters']);
    const none = await data(
      api.url,
      `query { contradictions(filter: { biasLabels: [{ scheme: "state-affiliated", value: "Iran" }] }) { totalCount } }`,
    );
    expect(none.contradictions.totalCount).toBe(0);
  });

  test('the contradictions list with both claims and the claim page relations read no row through Prisma', async () => {
    const list = `query { contradictions(first: 20) { edges { node { databaseId reason from { databaseId text } to { databaseId text } } } } }`;
    await data(api.url, list); // the server's first request also sweeps expired sessions and tokens
    api.statements.reset();
    direct = 0;
    const r = await data(api.url, list);
    expect(r.contradictions.edges.length).toBeGreaterThan(0);
    // The page with both sides' claims in one statement on the direct pool (the claims were a second, Prisma's before).
    expect({ prisma: api.statements.count, direct }).toEqual({ prisma: 0, direct: 1 });
    api.statements.reset();
    direct = 0;
    const page = await data(
      api.url,
      `query($id: ID!) { claim(id: $id) { text evidence { text } related { reason claim { text evidence { text } } } } }`,
      { id: toGlobalId('Claim', api.scenario.claims.fourMissiles.id) },
    );
    expect(page.claim.related[0].claim.evidence.text).toMatch(/two/i);
    // The claim with its relations, article and the other claim with its article; its corroborations (they were six).
    expect({ prisma: api.statements.count, direct }).toEqual({ prisma: 0, direct: 2 });
  });

  test('related claims seen from each side', async () => {
    const r = await data(
      api.url,
      `query($id: ID!) { claim(id: $id) { related { kind slot value otherValue claim { source { name } } } } }`,
      {
        id: toGlobalId('Claim', api.scenario.claims.twoMissiles.id),
      },
    );
    expect(r.claim.related).toEqual([
      { kind: 'CONTRADICTS', slot: 'count', value: '2', otherValue: '4', claim: { source: { name: 'CGTN' } } },
    ]);
  });

  test('timeline buckets claims per month and label, with events', async () => {
    const r = await data(
      api.url,
      /* GraphQL */ `
      query { timeline(filter: { actorNames: ["United States"] }, bucket: MONTH, labelScheme: "state-affiliated") {
        bucket buckets { start claimCount byLabel { scheme value count } events { type } }
      } }`,
    );
    const b = r.timeline.buckets;
    expect(b.map((x: any) => [x.start, x.claimCount])).toEqual([
      ['2020-01-01T00:00:00.000Z', 4],
      ['2020-02-01T00:00:00.000Z', 1],
      ['2022-11-01T00:00:00.000Z', 2],
    ]);
    expect(b[0].byLabel).toEqual([{ scheme: 'state-affiliated', value: 'China', count: 2 }]);
    expect(b[2].byLabel).toEqual([{ scheme: 'state-affiliated', value: 'Iran', count: 1 }]);
    expect(b[0].events).toEqual([{ type: 'KILLING' }]);
    const byEvent = await data(
      api.url,
      `query { timeline(filter: { dateField: EVENT }, bucket: DAY) { buckets { start claimCount } } }`,
    );
    expect(byEvent.timeline.buckets).toEqual([
      { start: '2020-01-03T00:00:00.000Z', claimCount: 5 },
      { start: '2022-11-10T00:00:00.000Z', claimCount: 2 },
    ]);
  });

  test('actor graph with weights and depth', async () => {
    const r = await data(
      api.url,
      /* GraphQL */ `
      query($id: ID!) { actorGraph(actorId: $id, depth: 2, limit: 10) {
        center { canonicalName } nodes { depth actor { canonicalName } } edges { weight from { canonicalName } to { canonicalName } }
      } }`,
      { id: toGlobalId('Actor', api.scenario.actors.soleimani.id) },
    );
    const g = r.actorGraph;
    expect(g.center.canonicalName).toBe('Qassem Soleimani');
    const depth = Object.fromEntries(g.nodes.map((n: any) => [n.actor.canonicalName, n.depth]));
    expect(depth).toEqual({ 'Qassem Soleimani': 0, 'United States': 1, Israel: 1 });
    const edge = (a: string, b: string) =>
      g.edges.find((e: any) => [e.from.canonicalName, e.to.canonicalName].sort().join('|') === [a, b].sort().join('|'))
        ?.weight;
    expect(edge('Qassem Soleimani', 'United States')).toBe(4);
    expect(edge('Israel', 'United States')).toBe(3);
    expect(edge('Israel', 'Qassem Soleimani')).toBe(1);
  });

  test('search across claims, actors, events and articles', async () => {
    const r = await data(
      api.url,
      `query { search(text: "Soleimani", first: 10) {
      claims { text } actors { canonicalName } events { type } articles { title } } }`,
    );
    expect(r.search.actors).toEqual([{ canonicalName: 'Qassem Soleimani' }]);
    expect(r.search.events).toEqual([{ type: 'KILLING' }]);
    expect(r.search.claims.length).toBeGreaterThanOrEqual(3);
    expect(r.search.articles.length).toBeGreaterThanOrEqual(2);
    api.statements.reset();
    const alias = await data(api.url, `query { search(text: "qasem") { actors { canonicalName } } }`);
    expect(alias.search.actors).toEqual([{ canonicalName: 'Qassem Soleimani' }]);
    expect(api.statements.count).toBe(1); // only the kind asked for is searched
  });
});

describe('other lists and lookups', () => {
  test('articles, events, actors and sources with filters', async () => {
    const r = await data(
      api.url,
      /* GraphQL */ `query {
      articles(filter: { biasLabels: [{ scheme: "state-affiliated" }], actorNames: ["Israel"] }) { totalCount edges { node { title source { name } claims { text } } } }
      events(filter: { actorNames: ["Soleimani"] }) { totalCount edges { node { type actors { role actor { canonicalName } } mentions { article { source { name } } } claimCount
        claims(first: 2) { totalCount edges { node { id } } } } } }
      actors(filter: { name: "soleim" }) { edges { node { canonicalName claimCount aliases { alias kind } } } }
      sources(filter: { biasLabels: [{ scheme: "ownership", value: "state" }] }) { totalCount edges { node { name labels { scheme value shared } } } }
      biasLabels { scheme value count }
    }`,
    );
    expect(r.articles.edges.map((e: any) => e.node.source.name).sort()).toEqual(['CGTN', 'Press TV']);
    expect(r.events.totalCount).toBe(1);
    const ev = r.events.edges[0].node;
    expect(ev.claimCount).toBe(5);
    expect(ev.claims.totalCount).toBe(5);
    expect(ev.claims.edges).toHaveLength(2);
    expect(ev.mentions.map((m: any) => m.article.source.name).sort()).toEqual([
      'American Military News',
      'CGTN',
      'StreamNews',
    ]);
    expect(r.actors.edges[0].node.claimCount).toBe(4);
    expect(r.actors.edges[0].node.aliases.map((a: any) => a.alias)).toContain('General Soleimani');
    expect(r.sources.edges.map((e: any) => e.node.name).sort()).toEqual(['CGTN', 'Press TV']);
    expect(r.biasLabels).toContainEqual({ scheme: 'reliability', value: 'low', count: 1 });
    const textArticles = await data(
      api.url,
      `query { articles(filter: { text: "Hellfire" }) { edges { rank node { source { name } } } } }`,
    );
    expect(textArticles.articles.edges.map((e: any) => e.node.source.name)).toEqual(['StreamNews']);
  });

  test('node and nodes resolve every type by global id', async () => {
    const s = api.scenario;
    const ids = [
      toGlobalId('Source', s.sources.cgtn.id),
      toGlobalId('BiasLabel', s.wsLabel.id),
      toGlobalId('Article', s.articles.aAmn.id),
      toGlobalId('Actor', s.actors.israel.id),
      toGlobalId('Event', s.events.strike.id),
      toGlobalId('Claim', s.claims.hellfire.id),
      toGlobalId('ClaimCluster', s.cluster.id),
      toGlobalId('ClaimRelation', s.missileContradiction.id),
      toGlobalId('Claim', 999999),
    ];
    const r = await data(api.url, `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids });
    expect(r.nodes.map((n: any) => n?.__typename ?? null)).toEqual([
      'Source',
      'BiasLabel',
      'Article',
      'Actor',
      'Event',
      'Claim',
      'ClaimCluster',
      'ClaimRelation',
      null,
    ]);
    expect(r.nodes.slice(0, 8).map((n: any) => n.id)).toEqual(ids.slice(0, 8));
    const cluster = await data(api.url, `query($id: ID!) { cluster(id: $id) { summary claims { source { name } } } }`, {
      id: ids[6],
    });
    expect(cluster.cluster.claims).toHaveLength(2);
  });
});

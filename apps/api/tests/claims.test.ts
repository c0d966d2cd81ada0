/* eslint-disable @typescript-eslint/no-explicit-any -- responses of ad-hoc GraphQL documents are checked by value, not typed */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { toGlobalId } from '../src/ids.js';
import { directStatements } from '../src/sql-list.js';
import { data, errorCodes } from './testkit/client.js';
import { startTestApi, type TestApi } from './testkit/api.js';

let api: TestApi;
// Statements through Prisma (counted by the test kit) plus those sent straight to node-postgres.
let direct = 0;
const statements = () => api.statements.count + direct;
const resetStatements = () => {
  api.statements.reset();
  direct = 0;
};
beforeAll(async () => {
  api = await startTestApi();
  subscribe(directStatements.name, () => direct++);
});
afterAll(async () => api?.stop());

const CLAIMS = /* GraphQL */ `
  query Claims($filter: ClaimFilter, $first: Int, $after: String) {
    claims(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage endCursor }
      edges { cursor rank node {
        id databaseId text modality
        source { name labels { scheme value rater shared } }
        attribution { position kind label actor { canonicalName } source { name } }
        actors { role actor { canonicalName } }
        evidence { start end text }
        event { summary }
        hasContradictions
      } }
    }
  }`;

const outlets = (r: any) => [...new Set(r.claims.edges.map((e: any) => e.node.source.name))].sort();

describe('claims explorer', () => {
  test('claims about Soleimani from state-affiliated outlets: CGTN, not American Military News', async () => {
    const r = await data(api.url, CLAIMS, {
      filter: { actorNames: ['Soleimani'], biasLabels: [{ scheme: 'state-affiliated' }] },
    });
    expect(outlets(r)).toEqual(['CGTN']);
    expect(r.claims.totalCount).toBe(2);
    // Alias-aware: every spelling resolves to the same actor.
    for (const name of ['Qasem Soleimani', 'General Soleimani', 'qassem soleimani']) {
      const again = await data(api.url, CLAIMS, {
        filter: { actorNames: [name], biasLabels: [{ scheme: 'state-affiliated' }] },
      });
      expect(again.claims.totalCount).toBe(2);
    }
    const all = await data(api.url, CLAIMS, { filter: { actorNames: ['Soleimani'] } });
    expect(outlets(all)).toEqual(['American Military News', 'CGTN']);
  });

  test('claims about Israel from state-affiliated outlets: CGTN and Press TV, not Times of Jerusalem', async () => {
    const r = await data(api.url, CLAIMS, {
      filter: {
        actorIds: [toGlobalId('Actor', api.scenario.actors.israel.id)],
        biasLabels: [{ scheme: 'state-affiliated' }],
      },
    });
    expect(outlets(r)).toEqual(['CGTN', 'Press TV']);
  });

  test('label values, ANY and ALL', async () => {
    const iran = await data(api.url, CLAIMS, {
      filter: { biasLabels: [{ scheme: 'state-affiliated', value: 'iran' }] },
    });
    expect(outlets(iran)).toEqual(['Press TV']);
    const any = await data(api.url, CLAIMS, {
      filter: {
        biasLabels: [
          { scheme: 'lean', value: 'right' },
          { scheme: 'state-affiliated', value: 'Iran' },
        ],
      },
    });
    expect(outlets(any)).toEqual(['American Military News', 'Press TV', 'Times of Jerusalem']);
    const all = await data(api.url, CLAIMS, {
      filter: {
        biasLabels: [
          { scheme: 'lean', value: 'right' },
          { scheme: 'alignment', value: 'pro-Israel' },
        ],
        biasLabelMatch: 'ALL',
      },
    });
    expect(outlets(all)).toEqual(['Times of Jerusalem']);
  });

  test('nested fields: chain in order, actors with roles, evidence text from the body', async () => {
    const r = await data(api.url, CLAIMS, {
      filter: { sourceIds: [toGlobalId('Source', api.scenario.sources.presstv.id)] },
    });
    const node = r.claims.edges[0].node;
    expect(node.attribution.map((n: any) => [n.kind, n.label])).toEqual([
      ['OUTLET', 'Press TV'],
      ['ANONYMOUS', 'current and former officials'],
    ]);
    expect(node.attribution[0].source.name).toBe('Press TV');
    expect(node.actors.map((a: any) => [a.role, a.actor.canonicalName])).toEqual([
      ['SUBJECT', 'Israel'],
      ['OBJECT', 'United States'],
    ]);
    expect(node.evidence.text).toBe(
      'air strikes against targets in Syria have been conducted with the secret approval of the American military',
    );
    expect(node.modality).toBe('ALLEGED');
  });

  test('modality, event, date range on article or event, contradictions, full text', async () => {
    const alleged = await data(api.url, CLAIMS, { filter: { modalities: ['ALLEGED'] } });
    expect(outlets(alleged)).toEqual(['Press TV']);
    const strike = await data(api.url, CLAIMS, {
      filter: { eventIds: [toGlobalId('Event', api.scenario.events.strike.id)] },
    });
    expect(strike.claims.totalCount).toBe(5);
    const jan10to12 = await data(api.url, CLAIMS, { filter: { from: '2020-01-10', to: '2020-01-12' } });
    expect(outlets(jan10to12)).toEqual(['American Military News']);
    const byEventDate = await data(api.url, CLAIMS, { filter: { from: '2022-01-01', dateField: 'EVENT' } });
    expect(outlets(byEventDate)).toEqual(['Press TV', 'Times of Jerusalem']);
    const contradicted = await data(api.url, CLAIMS, { filter: { hasContradictions: true } });
    expect(contradicted.claims.edges.map((e: any) => e.node.databaseId).sort()).toEqual(
      [api.scenario.claims.fourMissiles.id, api.scenario.claims.twoMissiles.id].sort(),
    );
    expect(contradicted.claims.edges.every((e: any) => e.node.hasContradictions)).toBe(true);
    const notContradicted = await data(api.url, CLAIMS, { filter: { hasContradictions: false } });
    expect(notContradicted.claims.totalCount).toBe(5);
    const text = await data(api.url, CLAIMS, { filter: { text: 'missiles' } });
    expect(text.claims.totalCount).toBe(4);
    expect(text.claims.edges.every((e: any) => typeof e.rank === 'number' && e.rank > 0)).toBe(true);
    const ranks = text.claims.edges.map((e: any) => e.rank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
  });

  test('pagination: stable keyset pages cover every claim once', async () => {
    const seen: number[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const r: any = await data(api.url, CLAIMS, { first: 2, after });
      seen.push(...r.claims.edges.map((e: any) => e.node.databaseId));
      expect(r.claims.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!r.claims.pageInfo.hasNextPage) break;
      after = r.claims.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    // Newest publication first, then newest claim.
    const order = await api.db.claim.findMany({
      where: { workspaceId: api.scenario.workspaceId },
      orderBy: [{ article: { publishedAt: 'desc' } }, { id: 'desc' }],
      select: { id: true },
    });
    expect(seen).toEqual(order.map((c) => c.id));
    // Ranked pages too.
    const p1: any = await data(api.url, CLAIMS, { filter: { text: 'missiles' }, first: 2 });
    const p2: any = await data(api.url, CLAIMS, {
      filter: { text: 'missiles' },
      first: 2,
      after: p1.claims.pageInfo.endCursor,
    });
    const ids = [...p1.claims.edges, ...p2.claims.edges].map((e: any) => e.node.databaseId);
    expect(new Set(ids).size).toBe(4);
  });

  test('workspace scoping: other workspaces never leak', async () => {
    const r = await data(api.url, CLAIMS, { filter: { text: 'workspace' } });
    expect(r.claims.totalCount).toBe(0);
    const { codes } = await errorCodes(api.url, `query($id: ID!) { claim(id: $id) { id } }`, {
      id: toGlobalId('Claim', api.scenario.other.claim.id),
    });
    expect(codes).toEqual(['NOT_FOUND']);
    // With its chain asked for, the claim is read with it in its own statement: scoped the same way.
    const withChain = await errorCodes(api.url, `query($id: ID!) { claim(id: $id) { attribution { label } } }`, {
      id: toGlobalId('Claim', api.scenario.other.claim.id),
    });
    expect(withChain.codes).toEqual(['NOT_FOUND']);
    const coverage = await errorCodes(api.url, `query($id: ID!) { coverage(claimId: $id) { basis } }`, {
      id: toGlobalId('Claim', api.scenario.other.claim.id),
    });
    expect(coverage.codes).toEqual(['NOT_FOUND']);
    const node = await data(api.url, `query($id: ID!) { node(id: $id) { id } }`, {
      id: toGlobalId('Claim', api.scenario.other.claim.id),
    });
    expect(node.node).toBeNull();
  });

  test('facets for the current filter', async () => {
    const r = await data(
      api.url,
      /* GraphQL */ `
      query($filter: ClaimFilter) { claims(filter: $filter, first: 1) { facets {
        biasLabels { scheme value count } sources { source { name } count } actors { actor { canonicalName } count } modalities { modality count }
      } } }`,
      { filter: { actorNames: ['Israel'] } },
    );
    const f = r.claims.facets;
    expect(f.sources.map((s: any) => [s.source.name, s.count]).sort()).toEqual([
      ['CGTN', 1],
      ['Press TV', 1],
      ['Times of Jerusalem', 1],
    ]);
    expect(f.biasLabels).toContainEqual({ scheme: 'state-affiliated', value: 'China', count: 1 });
    expect(f.biasLabels).toContainEqual({ scheme: 'lean', value: 'right', count: 1 });
    expect(f.actors).toContainEqual({ actor: { canonicalName: 'United States' }, count: 3 });
    expect(f.modalities).toContainEqual({ modality: 'ALLEGED', count: 1 });
  });

  test('a page of 100 claims with source, labels, actors and chain takes a fixed number of SQL statements', async () => {
    // Add 120 more claims to the newest article (Press TV's) so the page is really 100 rows deep, all of them these.
    const { aPress } = api.scenario.articles;
    const { soleimani, us } = api.scenario.actors;
    for (let i = 0; i < 120; i++) {
      await api.db.claim.create({
        data: {
          workspaceId: api.scenario.workspaceId,
          articleId: aPress.id,
          sourceId: aPress.sourceId,
          extractionKey: `bulk-${i}`,
          text: `Bulk claim ${i}`,
          evidenceStart: 0,
          evidenceEnd: 6,
          modality: 'REPORTED',
          attribution: {
            create: [
              { position: 0, kind: 'OUTLET', label: 'Press TV', sourceId: aPress.sourceId },
              { position: 1, kind: 'PERSON', label: `Person ${i}` },
            ],
          },
          actors: {
            create: [
              { actorId: soleimani.id, role: 'SUBJECT' },
              { actorId: us.id, role: 'OBJECT' },
            ],
          },
        },
      });
    }
    resetStatements();
    const r = await data(api.url, CLAIMS, { first: 100 });
    expect(r.claims.edges).toHaveLength(100);
    // page (with chains, actors, outlets and labels) + count + relations + articles (evidence) = 4, whatever the page size
    // (the 100 newest-published claims have no event, so the event loader never runs)
    expect(statements()).toBe(4);
    await api.db.claim.deleteMany({ where: { extractionKey: { startsWith: 'bulk-' } } });
  });

  test('label spellings are kept per process: a known label costs no look-up, a new label is found at once', async () => {
    const PAGE = `query($filter: ClaimFilter) { claims(filter: $filter, first: 5) { edges { node { source { name } } } } }`;
    const rightLeaning = { biasLabels: [{ scheme: 'LEAN', value: 'Right' }] };
    await data(api.url, PAGE, { filter: rightLeaning });
    resetStatements();
    expect(outlets(await data(api.url, PAGE, { filter: rightLeaning }))).toEqual([
      'American Military News',
      'Times of Jerusalem',
    ]);
    expect(statements()).toBe(1); // the page alone
    // Written behind the API's back, as an import or another API process would: found on the very next request.
    const { label, xid } = await api.db.$transaction(async (tx) => ({
      label: await tx.biasLabel.create({
        data: { sourceId: api.scenario.sources.presstv.id, scheme: 'reliability', value: 'mixed', rater: 'test' },
      }),
      xid: (await tx.$queryRaw<{ xid: string }[]>`SELECT pg_current_xact_id()::text AS xid`)[0]!.xid,
    }));
    try {
      const mixed = { biasLabels: [{ scheme: 'Reliability', value: 'MIXED' }] };
      resetStatements();
      expect(outlets(await data(api.url, PAGE, { filter: mixed }))).toEqual(['Press TV']);
      expect(statements()).toBe(2); // spellings looked up again (once), then the page
      resetStatements();
      expect(outlets(await data(api.url, PAGE, { filter: mixed }))).toEqual(['Press TV']);
      expect(statements()).toBe(1);
      // The write's notification may arrive after that look-up (it is sent at commit, heard asynchronously): the
      // copy's snapshot already saw the write, so hearing it (again, here) costs no second look-up ...
      const announce = async (x: string) => {
        await api.db.$executeRaw`SELECT pg_notify('claimgraph_labels', ${x})`;
        await new Promise((r) => setTimeout(r, 300)); // delivered to the API's listener
      };
      await announce(xid);
      resetStatements();
      expect(outlets(await data(api.url, PAGE, { filter: mixed }))).toEqual(['Press TV']);
      expect(statements()).toBe(1);
      // ... while a write the copy did not see (a transaction after it) is read again.
      const later = await api.db.$transaction(
        async (tx) => (await tx.$queryRaw<{ xid: string }[]>`SELECT pg_current_xact_id()::text AS xid`)[0]!.xid,
      );
      await announce(later);
      resetStatements();
      expect(outlets(await data(api.url, PAGE, { filter: mixed }))).toEqual(['Press TV']);
      expect(statements()).toBe(2);
    } finally {
      await api.db.biasLabel.delete({ where: { id: label.id } });
    }
  });

  test('evidence offsets are UTF-16 code units in the API and in exports alike', async () => {
    // Astral characters (an emoji, a CJK extension ideograph) are two UTF-16 units but one code point each.
    const body = '🚀 Launch report 𠀀: officials said four missiles were fired at the base.';
    const evidence = 'four missiles were fired';
    const { id: sourceId } = api.scenario.sources.stream;
    const article = await api.db.article.create({
      data: {
        workspaceId: api.scenario.workspaceId,
        sourceId,
        url: 'https://streamnews.example/astral',
        title: 'Astral',
        body,
        contentHash: 'astral-offsets',
        extractorVersion: 'test',
      },
    });
    await api.db.claim.create({
      data: {
        workspaceId: api.scenario.workspaceId,
        articleId: article.id,
        sourceId,
        extractionKey: 'astral',
        text: 'Four missiles were fired',
        evidenceStart: body.indexOf(evidence),
        evidenceEnd: body.indexOf(evidence) + evidence.length,
        modality: 'REPORTED',
      },
    });
    try {
      const filter = { articleIds: [toGlobalId('Article', article.id)] };
      const r = await data(api.url, CLAIMS, { filter });
      expect(r.claims.edges[0].node.evidence.text).toBe(evidence);
      const csv = await (
        await fetch(`${api.base}/export/claims.csv?filter=${encodeURIComponent(JSON.stringify(filter))}`)
      ).text();
      expect(csv.split('\r\n')[1]).toContain(`,${evidence},`);
      const doc = (await (
        await fetch(`${api.base}/export/claims.jsonld?filter=${encodeURIComponent(JSON.stringify(filter))}`)
      ).json()) as any;
      expect(doc['@graph'][0]['claimgraph:evidence']).toBe(evidence);
    } finally {
      await api.db.article.delete({ where: { id: article.id } });
    }
  });

  test('nested rows carry only the selected columns, yet every path of the operation gets what it asks for', async () => {
    const r = await data(
      api.url,
      /* GraphQL */ `
      query($id: ID!) {
        claims(filter: { sourceIds: [$id] }) { edges { node {
          source { name }
          attribution { label actor { canonicalName kind } source { slug } }
          actors { actor { id } }
        } } }
        source(id: $id) { name slug domain ownership labels { scheme value shared } }
      }`,
      { id: toGlobalId('Source', api.scenario.sources.cgtn.id) },
    );
    for (const e of r.claims.edges) {
      expect(e.node.attribution[0]).toEqual({ label: 'CGTN', actor: null, source: { slug: 'cgtn' } });
      expect(e.node.attribution[1]).toEqual({
        label: 'NBC News',
        actor: { canonicalName: 'NBC News', kind: 'MEDIA' },
        source: null,
      });
      expect(e.node.actors.every((l: any) => typeof l.actor.id === 'string')).toBe(true);
    }
    expect(r.source).toEqual({
      name: 'CGTN',
      slug: 'cgtn',
      domain: 'cgtn.com',
      ownership: 'STATE',
      labels: [
        { scheme: 'ownership', value: 'state', shared: true },
        { scheme: 'state-affiliated', value: 'China', shared: true },
      ],
    });
  });
});

describe("the dashboard's claim page", () => {
  // The operation the web app sends (apps/web/src/graphql, with its fragments): the claim and its coverage.
  const dir = new URL('../../web/src/graphql/', import.meta.url);
  const CLAIM_PAGE = ['claim.graphql', 'fragments.graphql']
    .map((f) => readFileSync(new URL(f, dir), 'utf8'))
    .join('\n');

  test('the claim with its chain, outlet, event, contradictions and coverage takes two SQL statements', async () => {
    const id = toGlobalId('Claim', api.scenario.claims.fourMissiles.id);
    await data(api.url, CLAIM_PAGE, { id }); // the server's first request also sweeps expired sessions and tokens
    resetStatements();
    const r = await data(api.url, CLAIM_PAGE, { id });
    expect(r.claim.text).toMatch(/four/i);
    expect(r.claim.source.labels.length).toBeGreaterThan(0);
    expect(r.claim.attribution.length).toBeGreaterThan(0);
    expect(r.claim.actors.length).toBeGreaterThan(0);
    expect(r.claim.article.body).toContain(r.claim.evidence.text);
    expect(r.claim.event.summary).toMatch(/Soleimani/);
    expect(r.claim.related).toHaveLength(1);
    expect(r.claim.related[0].claim.source.name).toBe('American Military News');
    expect(r.claim.related[0].claim.evidence.text).toMatch(/two/i);
    expect(r.claim.related[0].claim.hasContradictions).toBe(true);
    expect(r.coverage.carriers.map((c: any) => c.source.name)).toEqual(['CGTN']);
    expect(r.coverage.carriers[0].source.labels.length).toBeGreaterThan(0);
    expect(r.coverage.blindspots.map((b: any) => b.source.name).sort()).toEqual([
      'American Military News',
      'StreamNews',
    ]);
    expect(r.coverage.reach.outlets).toBe(1);
    expect(r.coverage.claims.map((c: any) => c.text)).toEqual([r.claim.text]);
    // The claim with its chain, actors, outlet and labels, relations, article, event, cluster and the contradicting
    // claim with the same; beside it the coverage with its claims, outlets, labels and reach: they were 16-18
    // statements in four dependent waves, some through Prisma.
    expect(statements()).toBe(2);
  });

  test("the contradicting claims are read with what the operation selects of them, not with the claim's own fields", async () => {
    const id = toGlobalId('Claim', api.scenario.claims.fourMissiles.id);
    const texts: string[] = [];
    const listener = (m: unknown) => texts.push((m as { text: string }).text);
    subscribe(directStatements.name, listener);
    try {
      const r = await data(
        api.url,
        `query($id: ID!) { claim(id: $id) { attribution { label } actors { role } source { name } article { title }
          related(kinds: [CONTRADICTS]) { claim { text } } } }`,
        { id },
      );
      expect(r.claim.related[0].claim.text).toMatch(/two/i);
    } finally {
      unsubscribe(directStatements.name, listener);
    }
    // The claim's chain, actors, outlet and article once: its contradicting claim selects only its text.
    expect(texts).toHaveLength(1);
    for (const table of ['ClaimAttribution', 'ClaimActor', 'Source', 'Article'])
      expect(texts[0]!.split(`FROM "${table}"`).length - 1, table).toBe(1);
  });
});

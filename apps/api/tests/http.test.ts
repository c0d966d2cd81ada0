/* eslint-disable @typescript-eslint/no-explicit-any -- responses of ad-hoc GraphQL documents are checked by value, not typed */
// The HTTP surface: health, errors and their codes, limits, CSRF, CORS, body size, the explorer page, exports.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { UnauthenticatedError } from '../src/errors.js';
import { toGlobalId } from '../src/ids.js';
import { isInputObjectType, isInterfaceType, isObjectType, parse, validate } from 'graphql';
import { buildSchema, EXAMPLES, printedSchema } from '../src/index.js';
import { data, errorCodes, execute } from './testkit/client.js';
import { startTestApi, type TestApi } from './testkit/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ maxBodyBytes: 64 * 1024 });
});
afterAll(async () => api?.stop());

test('schema.graphql is current (run `npm run schema -w @claimgraph/api` after changing SDL)', () => {
  expect(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8')).toBe(printedSchema());
});

test('every query in docs/api.md is valid against the schema (the guide is copy-paste)', () => {
  const guide = readFileSync(new URL('../../../docs/api.md', import.meta.url), 'utf8');
  const blocks = [...guide.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
  expect(blocks.length).toBeGreaterThan(5);
  const schema = buildSchema();
  for (const block of blocks)
    expect(
      validate(schema, parse(block)).map((e) => e.message),
      block,
    ).toEqual([]);
});

test('every type and field in the schema has a description', () => {
  const schema = buildSchema();
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        if (!field.description) missing.push(`${type.name}.${field.name}`);
    }
  }
  expect(missing).toEqual([]);
});

describe('health', () => {
  test('query and /health', async () => {
    expect(await data(api.url, '{ health { ok database version } }')).toEqual({
      health: { ok: true, database: true, version: '0.1.0' },
    });
    const res = await fetch(`${api.base}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, database: true, version: '0.1.0' });
  });
});

describe('error codes', () => {
  test('NOT_FOUND, INVALID_ID, INVALID_CURSOR', async () => {
    expect((await errorCodes(api.url, `{ claim(id: "${toGlobalId('Claim', 987654)}") { id } }`)).codes).toEqual([
      'NOT_FOUND',
    ]);
    expect((await errorCodes(api.url, `{ claim(id: "not-an-id") { id } }`)).codes).toEqual(['INVALID_ID']);
    expect((await errorCodes(api.url, `{ claim(id: "${toGlobalId('Actor', 1)}") { id } }`)).codes).toEqual([
      'INVALID_ID',
    ]);
    expect((await errorCodes(api.url, `{ claims(after: "bogus") { totalCount } }`)).codes).toEqual(['INVALID_CURSOR']);
    // A relevance cursor is not valid for the newest-first ordering.
    const ranked = await data(api.url, `{ claims(filter: { text: "missiles" }, first: 1) { pageInfo { endCursor } } }`);
    const { codes } = await errorCodes(api.url, `query($a: String) { claims(first: 1, after: $a) { totalCount } }`, {
      a: ranked.claims.pageInfo.endCursor,
    });
    expect(codes).toEqual(['INVALID_CURSOR']);
  });

  test('BAD_USER_INPUT with field paths', async () => {
    const big = await errorCodes(api.url, `{ claims(first: 101) { totalCount } }`);
    expect(big.codes).toEqual(['BAD_USER_INPUT']);
    expect(big.body.errors?.[0]?.extensions?.inputErrors).toEqual([{ path: 'first', message: 'Use 1 to 100' }]);
    const range = await errorCodes(
      api.url,
      `{ claims(filter: { from: "2021-01-01", to: "2020-01-01" }) { totalCount } }`,
    );
    expect(range.codes).toEqual(['BAD_USER_INPUT']);
    expect(range.body.errors?.[0]?.extensions?.inputErrors).toEqual([
      { path: 'filter.from', message: '`from` must be before `to`' },
    ]);
    expect((await errorCodes(api.url, `{ coverage { basis } }`)).codes).toEqual(['BAD_USER_INPUT']);
    expect(
      (await errorCodes(api.url, `{ actorGraph(actorId: "${toGlobalId('Actor', 1)}", depth: 9) { center { id } } }`))
        .codes,
    ).toEqual(['BAD_USER_INPUT']);
    expect((await errorCodes(api.url, `{ search(text: "  ") { claims { id } } }`)).codes).toEqual(['BAD_USER_INPUT']);
    // Scalar coercion failures are Apollo's BAD_USER_INPUT too.
    expect((await errorCodes(api.url, `{ claims(filter: { from: "yesterday" }) { totalCount } }`)).codes).toEqual([
      'GRAPHQL_VALIDATION_FAILED',
    ]);
  });

  test('GRAPHQL_PARSE_FAILED and GRAPHQL_VALIDATION_FAILED (no field suggestions leak when introspection is off)', async () => {
    expect((await errorCodes(api.url, `{ claims(`)).codes).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect((await errorCodes(api.url, `{ nope }`)).codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  test('QUERY_TOO_DEEP, QUERY_TOO_COSTLY, TOO_MANY_ALIASES are rejected before execution', async () => {
    api.statements.reset();
    const deep = await errorCodes(
      api.url,
      `{ claims { edges { node { event { claims { edges { node { event { claims { edges { node { id } } } } } } } } } } } }`,
    );
    expect(deep.codes).toEqual(['QUERY_TOO_DEEP']);
    const costly = await errorCodes(
      api.url,
      `{ claims(first: 100) { edges { node { event { claims(first: 100) { edges { node { text source { name } } } } } } } } }`,
    );
    expect(costly.codes).toEqual(['QUERY_TOO_COSTLY']);
    expect(costly.body.errors?.[0]?.extensions?.cost).toBeGreaterThan(25_000);
    const aliases = Array.from({ length: 31 }, (_, i) => `h${i}: health { ok }`).join(' ');
    expect((await errorCodes(api.url, `{ ${aliases} }`)).codes).toEqual(['TOO_MANY_ALIASES']);
    const typenames = Array.from({ length: 31 }, (_, i) => `t${i}: __typename`).join(' ');
    expect((await errorCodes(api.url, `{ claims { edges { node { ${typenames} } } } }`)).codes).toEqual([
      'TOO_MANY_ALIASES',
    ]);
    expect(api.statements.count).toBe(0);
    // Allowed operations report their cost.
    const ok = await execute(api.url, `{ claims(first: 10) { edges { node { text source { name } } } } }`);
    expect(ok.body.extensions?.cost).toEqual({ requested: 32, limit: 25_000 });
  });

  test('batched requests are refused', async () => {
    const res = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ health { ok } }' }, { query: '{ health { ok } }' }]),
    });
    expect(res.status).toBe(400);
  });

  test('PAYLOAD_TOO_LARGE', async () => {
    const res = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ health { ok } }', variables: { pad: 'x'.repeat(70 * 1024) } }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  test('CSRF prevention: simple GET requests without a preflight header are refused', async () => {
    const blocked = await fetch(`${api.url}?query=${encodeURIComponent('{ health { ok } }')}`);
    expect(blocked.status).toBe(400);
    const allowed = await fetch(`${api.url}?query=${encodeURIComponent('{ health { ok } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(allowed.status).toBe(200);
    expect(((await allowed.json()) as any).data).toEqual({ health: { ok: true } });
  });

  test('ROUTE_NOT_FOUND', async () => {
    const res = await fetch(`${api.base}/nope`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('ROUTE_NOT_FOUND');
  });

  test('ingest payloads: INVALID_INPUT with field errors (nothing written)', async () => {
    const before = await api.db.article.count();
    const r = await data(
      api.url,
      `mutation($i: IngestArticleInput!) { ingestArticle(input: $i) { ok { created } error { code message inputErrors { path message } } } }`,
      {
        i: { text: '   ', url: 'ftp://x', publishedAt: '13/01/2020' },
      },
    );
    expect(r.ingestArticle.ok).toBeNull();
    expect(r.ingestArticle.error.code).toBe('INVALID_INPUT');
    expect([...new Set(r.ingestArticle.error.inputErrors.map((e: any) => e.path))].sort()).toEqual([
      'input.publishedAt',
      'input.text',
      'input.url',
    ]);
    const many = await data(
      api.url,
      `mutation($i: [IngestArticleInput!]!) { enqueueArticles(inputs: $i) { ok { count } error { code inputErrors { path } } } }`,
      { i: [] },
    );
    expect(many.enqueueArticles.error.code).toBe('INVALID_INPUT');
    expect(await api.db.article.count()).toBe(before);
  });
});

describe('authorisation hooks', () => {
  test('FORBIDDEN for a viewer without the role, UNAUTHENTICATED without a viewer', async () => {
    const { startApi } = await import('../src/index.js');
    const viewerApi = await startApi({
      databaseUrl: 'unused',
      port: 0,
      logLevel: 'silent',
      db: api.db,
      resolveViewer: async (req, local) => {
        if (req.headers.authorization !== 'Bearer viewer') throw new UnauthenticatedError();
        return { ...local, role: 'VIEWER', via: 'token' };
      },
    });
    try {
      const post = (query: string, auth?: string) =>
        fetch(viewerApi.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
          body: JSON.stringify({ query }),
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
      const read = await post('{ claims(first: 1) { totalCount } }', 'Bearer viewer');
      expect(read.body.data.claims.totalCount).toBe(7);
      const write = await post(
        'mutation { ingestArticle(input: { text: "Hello." }) { ok { created } } }',
        'Bearer viewer',
      );
      expect(write.body.errors[0].extensions.code).toBe('FORBIDDEN');
      const anon = await post('{ health { ok } }');
      expect(anon.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      const exportRes = await fetch(viewerApi.url.replace('/graphql', '/export/claims.csv'));
      expect(exportRes.status).toBe(401);
    } finally {
      await viewerApi.stop();
    }
  });
});

describe('CORS', () => {
  test('allows the web origin only', async () => {
    const pre = await fetch(api.url, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    const other = await fetch(api.url, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('explorer page', () => {
  test('GET /graphql in a browser serves a self-contained page with the examples', async () => {
    const res = await fetch(api.url, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Claimgraph GraphQL');
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)=["']?https?:/i);
    for (const e of EXAMPLES) expect(html).toContain(JSON.stringify(e.title).slice(1, -1));
  });

  test('every example query validates and runs', async () => {
    const s = api.scenario;
    for (const e of EXAMPLES) {
      const vars = { ...e.variables };
      if ('claimId' in vars) vars.claimId = toGlobalId('Claim', s.claims.fourMissiles.id);
      if ('actorId' in vars) vars.actorId = toGlobalId('Actor', s.actors.soleimani.id);
      await data(api.url, e.query, vars);
    }
  });
});

describe('exports', () => {
  test('CSV with the same filter as the claims query', async () => {
    const res = await fetch(`${api.base}/export/claims.csv?actorName=Soleimani&biasLabel=state-affiliated`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toMatch(/^claim_id,text,modality,outlet,outlet_labels,attribution_chain/);
    expect(lines).toHaveLength(3);
    expect(lines.every((l, i) => i === 0 || l.includes(',CGTN,'))).toBe(true);
    expect(lines.join('\n')).toContain('CGTN > NBC News');
    expect(lines.join('\n')).toContain('four missiles');
  });

  test('JSON-LD with schema.org Claim, appearances per outlet and the attribution chain', async () => {
    const filter = JSON.stringify({ clusterIds: [toGlobalId('ClaimCluster', api.scenario.cluster.id)] });
    const res = await fetch(`${api.base}/export/claims.jsonld?filter=${encodeURIComponent(filter)}`);
    expect(res.headers.get('content-type')).toMatch(/application\/ld\+json/);
    const doc = (await res.json()) as any;
    expect(doc['@context']['@vocab']).toBe('https://schema.org/');
    expect(doc['@graph']).toHaveLength(2);
    const press = doc['@graph'].find((c: any) => c.firstAppearance.publisher.name === 'Press TV');
    expect(press['@type']).toBe('Claim');
    expect(press.appearance.map((a: any) => a.publisher.name).sort()).toEqual(['Press TV', 'Times of Jerusalem']);
    expect(press['claimgraph:attributionChain']['@list'].map((n: any) => n.name)).toEqual([
      'Press TV',
      'current and former officials',
    ]);
    expect(press.author).toEqual({ '@type': 'Organization', name: 'current and former officials' });
  });

  test('reviewed claims export as ClaimReview; bad filters get 400 with the code', async () => {
    await api.db.claim.update({ where: { id: api.scenario.claims.hellfire.id }, data: { reviewStatus: 'VERIFIED' } });
    const doc = (await (
      await fetch(`${api.base}/export/claims.jsonld?sourceId=${toGlobalId('Source', api.scenario.sources.stream.id)}`)
    ).json()) as any;
    expect(doc['@graph'][0]['@type']).toBe('ClaimReview');
    expect(doc['@graph'][0].reviewRating.alternateName).toBe('VERIFIED');
    const bad = await fetch(`${api.base}/export/claims.csv?sourceId=zzz`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).errors[0].extensions.code).toBe('INVALID_ID');
    const badJson = await fetch(`${api.base}/export/claims.csv?filter={`);
    expect(badJson.status).toBe(400);
  });
});

/* eslint-disable @typescript-eslint/no-explicit-any -- responses of ad-hoc GraphQL documents are checked by value, not typed */
// Mutations: synchronous ingest through @claimgraph/ingest and queueing; expected failures are typed payloads.
import { readFileSync } from 'node:fs';
import { ingestArticle, linkPending } from '@claimgraph/ingest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { data } from './testkit/client.js';
import { startTestApi, type TestApi } from './testkit/api.js';
import { rowCounts as countRows } from './testkit/rows.js';

const rowCounts = () => countRows(api.db);

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.stop());

const seed = (file: string) => readFileSync(new URL(`../../../corpus/seeds/${file}`, import.meta.url), 'utf8');

const INGEST = /* GraphQL */ `
  mutation($input: IngestArticleInput!) { ingestArticle(input: $input) {
    ok { created article { id title publishedAt source { name labels { scheme value } } }
      extraction { extractorVersion claimCount actorCount eventCount warnings claims { text attribution { label } } } }
    error { code message inputErrors { path message } }
  } }`;

const ENQUEUE = /* GraphQL */ `
  mutation($inputs: [IngestArticleInput!]!) { enqueueArticles(inputs: $inputs) {
    ok { count jobs { index status jobId contentHash } }
    error { code message inputErrors { path message } }
  } }`;

const PREVIEW = /* GraphQL */ `
  query($input: IngestArticleInput!) { previewArticle(input: $input) {
    ok { extractorVersion title warnings duplicateOf { id }
      actors { key name kind aliases mentionCount }
      events { key type summary date actors { name role } }
      claims { key text modality evidence event attribution { kind label } actors { name role } } }
    error { code message inputErrors { path message } }
  } }`;

describe('previewArticle', () => {
  test('returns actors, events and claims with chains, writes nothing, and matches what saving then stores', async () => {
    const input = { text: seed('000_e183f92d0e6f940b.txt'), outlet: 'CGTN' };
    const before = await rowCounts();
    expect(before['Article']).toBeGreaterThan(0);
    const r = await data(api.url, PREVIEW, { input });
    expect(r.previewArticle.error).toBeNull();
    const p = r.previewArticle.ok;
    expect(await rowCounts()).toEqual(before);
    expect(p.duplicateOf).toBeNull();
    expect(p.claims.length).toBeGreaterThan(0);
    expect(p.claims.every((c: any) => c.attribution[0].kind === 'OUTLET' && c.attribution[0].label === 'CGTN')).toBe(
      true,
    );
    expect(p.claims.every((c: any) => input.text.replace(/\s+/g, ' ').includes(c.evidence.replace(/\s+/g, ' ')))).toBe(
      true,
    );
    expect(p.actors.map((a: any) => a.name)).toEqual(expect.arrayContaining([expect.stringMatching(/Soleimani/)]));
    const actorNames = new Set(p.actors.map((a: any) => a.name));
    for (const c of p.claims) for (const a of c.actors) expect(actorNames).toContain(a.name);
    expect(p.events.length).toBeGreaterThan(0);

    const saved = await data(api.url, INGEST, { input });
    expect(saved.ingestArticle.ok.created).toBe(true);
    expect(saved.ingestArticle.ok.extraction.claims.map((c: any) => c.text)).toEqual(p.claims.map((c: any) => c.text));
    const again = await data(api.url, PREVIEW, { input });
    expect(again.previewArticle.ok.duplicateOf.id).toBe(saved.ingestArticle.ok.article.id);
  });

  test('bad input comes back as the typed errors ingesting would give, and writes nothing', async () => {
    const before = await rowCounts();
    const bad = await data(api.url, PREVIEW, { input: { text: 'Fine text.', language: 'english!', url: 'ftp://x' } });
    expect(bad.previewArticle.ok).toBeNull();
    expect(bad.previewArticle.error.code).toBe('INVALID_INPUT');
    expect(bad.previewArticle.error.inputErrors.map((e: any) => e.path).sort()).toEqual([
      'input.language',
      'input.url',
    ]);
    const binary = await data(api.url, PREVIEW, {
      input: { text: 'abc\u0000\u0001\u0002\u0003\u0000\u0000def'.repeat(20) },
    });
    expect(binary.previewArticle.error.code).toBe('BINARY_CONTENT');
    const noSentences = await data(api.url, PREVIEW, {
      input: { text: '<html><body><nav>Home</nav></body></html>', format: 'HTML' },
    });
    const ingested = await data(api.url, INGEST, {
      input: { text: '<html><body><nav>Home</nav></body></html>', format: 'HTML' },
    });
    expect(noSentences.previewArticle.error?.code).toBe(ingested.ingestArticle.error?.code);
    expect(noSentences.previewArticle.error?.code).toBeTruthy();
    expect(await rowCounts()).toEqual(before);
  });
});

describe('ingestArticle', () => {
  test('ingests a seed article and returns the extraction; the same text again is not duplicated', async () => {
    const input = {
      text: seed('004_79c1a45573b89a30.txt'),
      outlet: 'Press TV',
      url: 'https://www.presstv.ir/Detail/2022/11/12/1.html',
      language: 'en',
    };
    const r = await data(api.url, INGEST, { input });
    expect(r.ingestArticle.error).toBeNull();
    const ok = r.ingestArticle.ok;
    expect(ok.created).toBe(true);
    expect(ok.article.source.name).toBe('Press TV');
    expect(ok.extraction.claimCount).toBeGreaterThan(0);
    expect(ok.extraction.claims).toHaveLength(ok.extraction.claimCount);
    expect(ok.extraction.claims[0].attribution[0].label).toBe('Press TV');
    const again = await data(api.url, INGEST, { input });
    expect(again.ingestArticle.ok.created).toBe(false);
    expect(again.ingestArticle.ok.article.id).toBe(ok.article.id);
    // The new claims are immediately queryable.
    const q = await data(api.url, `query($id: ID!) { article(id: $id) { claims { id } } }`, { id: ok.article.id });
    expect(q.article.claims).toHaveLength(ok.extraction.claimCount);
  });

  test('expected failures are payloads with codes and field errors, and write nothing', async () => {
    const before = await api.db.article.count();
    const binary = await data(api.url, INGEST, {
      input: { text: 'abc\u0000\u0001\u0002\u0003\u0000\u0000def'.repeat(20) },
    });
    expect(binary.ingestArticle.ok).toBeNull();
    expect(binary.ingestArticle.error.code).toBe('BINARY_CONTENT');
    const bad = await data(api.url, INGEST, { input: { text: 'Fine text.', language: 'english!', outlet: ' ' } });
    expect(bad.ingestArticle.error.code).toBe('INVALID_INPUT');
    expect(bad.ingestArticle.error.inputErrors.map((e: any) => e.path).sort()).toEqual([
      'input.language',
      'input.outlet',
    ]);
    expect(await api.db.article.count()).toBe(before);
  });
});

describe('articlesLinking', () => {
  test('counts the articles written but not yet linked, until the catch-up pass links them', async () => {
    const LINKING = /* GraphQL */ `{ articlesLinking }`;
    const { workspaceId } = await api.db.article.findFirstOrThrow({ select: { workspaceId: true } });
    // (The test scenario's articles are written row by row, never linked by ingestion: the catch-up pass links them first.)
    await linkPending(api.db, workspaceId);
    expect((await data(api.url, LINKING)).articlesLinking).toBe(0);
    const written = await ingestArticle(
      api.db,
      { text: `${seed('001_80d017e1972bd3d0.txt')}\n\nA variant left to link later.`, source: 'Reuters' },
      { workspaceId, link: 'later' },
    );
    expect(written.status).toBe('ingested');
    expect((await data(api.url, LINKING)).articlesLinking).toBe(1);
    expect((await linkPending(api.db, workspaceId)).linked).toBe(1);
    expect((await data(api.url, LINKING)).articlesLinking).toBe(0);
  });
});

describe('enqueueArticles', () => {
  test('queues articles, deduplicates by content, validates all before queueing any', async () => {
    const inputs = [
      { text: seed('002_a793cbcdff3aefe9.txt'), outlet: 'Times of Jerusalem' },
      { text: seed('003_0c32177487d0a4bc.txt'), outlet: 'StreamNews' },
    ];
    const r = await data(api.url, ENQUEUE, { inputs });
    expect(r.enqueueArticles.error).toBeNull();
    expect(r.enqueueArticles.ok.count).toBe(2);
    expect(r.enqueueArticles.ok.jobs.map((j: any) => [j.index, j.status])).toEqual([
      [0, 'QUEUED'],
      [1, 'QUEUED'],
    ]);
    expect(r.enqueueArticles.ok.jobs.every((j: any) => j.jobId && /^[0-9a-f]{64}$/.test(j.contentHash))).toBe(true);
    const again = await data(api.url, ENQUEUE, { inputs: inputs.slice(0, 1) });
    expect(again.enqueueArticles.ok.jobs[0].status).toBe('ALREADY_QUEUED');
    const bad = await data(api.url, ENQUEUE, {
      inputs: [{ text: 'A fine article text.' }, { text: 'Another.', url: 'notaurl' }],
    });
    expect(bad.enqueueArticles.ok).toBeNull();
    expect(bad.enqueueArticles.error.code).toBe('INVALID_INPUT');
    expect(bad.enqueueArticles.error.inputErrors.map((e: any) => e.path)).toEqual(['inputs.1.url']);
    const [row] = await api.db.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'ingest-article'`;
    expect(row?.n).toBe(2);
  });
});

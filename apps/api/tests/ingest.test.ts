/* eslint-disable @typescript-eslint/no-explicit-any -- responses of ad-hoc GraphQL documents are checked by value, not typed */
// Mutations: synchronous ingest through @claimgraph/ingest and queueing; expected failures are typed payloads.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { data } from './testkit/client.js';
import { startTestApi, type TestApi } from './testkit/api.js';

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

describe('ingestArticle', () => {
  test('ingests a seed article and returns the extraction; the same text again is not duplicated', async () => {
    const input = { text: seed('004_79c1a45573b89a30.txt'), outlet: 'Press TV', url: 'https://www.presstv.ir/Detail/2022/11/12/1.html', language: 'en' };
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
    const binary = await data(api.url, INGEST, { input: { text: 'abc\u0000\u0001\u0002\u0003\u0000\u0000def'.repeat(20) } });
    expect(binary.ingestArticle.ok).toBeNull();
    expect(binary.ingestArticle.error.code).toBe('BINARY_CONTENT');
    const bad = await data(api.url, INGEST, { input: { text: 'Fine text.', language: 'english!', outlet: ' ' } });
    expect(bad.ingestArticle.error.code).toBe('INVALID_INPUT');
    expect(bad.ingestArticle.error.inputErrors.map((e: any) => e.path).sort()).toEqual(['input.language', 'input.outlet']);
    expect(await api.db.article.count()).toBe(before);
  });
});

describe('enqueueArticles', () => {
  test('queues articles, deduplicates by content, validates all before queueing any', async () => {
    const inputs = [{ text: seed('002_a793cbcdff3aefe9.txt'), outlet: 'Times of Jerusalem' }, { text: seed('003_0c32177487d0a4bc.txt'), outlet: 'StreamNews' }];
    const r = await data(api.url, ENQUEUE, { inputs });
    expect(r.enqueueArticles.error).toBeNull();
    expect(r.enqueueArticles.ok.count).toBe(2);
    expect(r.enqueueArticles.ok.jobs.map((j: any) => [j.index, j.status])).toEqual([[0, 'QUEUED'], [1, 'QUEUED']]);
    expect(r.enqueueArticles.ok.jobs.every((j: any) => j.jobId && /^[0-9a-f]{64}$/.test(j.contentHash))).toBe(true);
    const again = await data(api.url, ENQUEUE, { inputs: inputs.slice(0, 1) });
    expect(again.enqueueArticles.ok.jobs[0].status).toBe('ALREADY_QUEUED');
    const bad = await data(api.url, ENQUEUE, { inputs: [{ text: 'A fine article text.' }, { text: 'Another.', url: 'notaurl' }] });
    expect(bad.enqueueArticles.ok).toBeNull();
    expect(bad.enqueueArticles.error.code).toBe('INVALID_INPUT');
    expect(bad.enqueueArticles.error.inputErrors.map((e: any) => e.path)).toEqual(['inputs.1.url']);
    const [row] = await api.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'ingest-article'`;
    expect(row?.n).toBe(2);
  });
});

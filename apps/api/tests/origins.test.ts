/* eslint-disable @typescript-eslint/no-explicit-any -- responses of ad-hoc GraphQL documents are checked by value, not typed */
// Near-duplicate origins over real HTTP: a republished wire story names its origin, and coverage counts it once.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { toGlobalId } from '../src/ids.js';
import { data } from './testkit/client.js';
import { startTestApi, type TestApi } from './testkit/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.stop());

const text = (name: string) =>
  readFileSync(new URL(`../../../packages/ingest/test/fixtures/origins/${name}.txt`, import.meta.url), 'utf8');

const INGEST = /* GraphQL */ `
  mutation($input: IngestArticleInput!) { ingestArticle(input: $input) {
    ok { article { id databaseId origin { id } } }
    error { code message }
  } }`;

async function ingest(input: Record<string, string>) {
  const r = await data(api.url, INGEST, { input });
  expect(r.ingestArticle.error).toBeNull();
  return r.ingestArticle.ok.article;
}

describe('origins', () => {
  test('a republished wire story names its origin; coverage counts outlets and independent origins', async () => {
    const wire = await ingest({
      text: text('wire'),
      outlet: 'Balkan Wire',
      url: 'https://balkanwire.example/vardar',
      publishedAt: '2026-03-02T09:00:00Z',
    });
    const copy = await ingest({
      text: text('republished'),
      outlet: 'Valley Daily',
      url: 'https://valleydaily.example/vardar',
      publishedAt: '2026-03-02T11:30:00Z',
    });
    const other = await ingest({
      text: text('other'),
      outlet: 'Capital Times',
      url: 'https://capitaltimes.example/veles',
      publishedAt: '2026-03-02T14:00:00Z',
    });
    expect(wire.origin).toBeNull();
    expect(copy.origin).toEqual({ id: wire.id });
    expect(other.origin).toBeNull();

    const article = await data(
      api.url,
      `query($id: ID!) { article(id: $id) { origin { id } copies { id source { name } } } }`,
      { id: wire.id },
    );
    expect(article.article).toEqual({ origin: null, copies: [{ id: copy.id, source: { name: 'Valley Daily' } }] });
    // Lists that select their own columns (articles, search) name the origin too.
    const listed = await data(
      api.url,
      `{ articles(first: 100) { edges { node { id origin { id } } } } search(text: "Vardar floods") { articles { id origin { id } } } }`,
    );
    expect(listed.articles.edges.map((e: any) => e.node)).toContainEqual({ id: copy.id, origin: { id: wire.id } });
    expect(listed.search.articles).toContainEqual({ id: copy.id, origin: { id: wire.id } });

    // A claim both copies carry: its coverage has two outlets and one origin.
    const [claim] = await api.db.$queryRaw<{ id: number }[]>`
      SELECT c.id FROM "Claim" c WHERE c."articleId" = ${wire.databaseId}
         AND EXISTS (SELECT 1 FROM "Claim" d WHERE d."articleId" = ${copy.databaseId} AND d."clusterId" = c."clusterId")
       ORDER BY c.id LIMIT 1`;
    expect(claim).toBeDefined();
    const r = await data(
      api.url,
      `query($id: ID!) { coverage(claimId: $id) { reach { articles outlets origins } carriers { source { name } } } }`,
      {
        id: toGlobalId('Claim', claim!.id),
      },
    );
    const carriers = r.coverage.carriers.map((c: any) => c.source.name);
    expect(carriers).toEqual(expect.arrayContaining(['Balkan Wire', 'Valley Daily']));
    const independent = carriers.includes('Capital Times') ? 2 : 1;
    expect(r.coverage.reach).toEqual({ articles: carriers.length, outlets: carriers.length, origins: independent });
  });

  test('copies takes 1 to 100', async () => {
    const res = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ articles(first: 1) { edges { node { copies(first: 0) { id } } } } }` }),
    });
    const body = (await res.json()) as any;
    expect(body.errors[0].message).toMatch(/first must be between 1 and 100/);
  });
});

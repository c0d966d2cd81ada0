// Feeds over GraphQL in team mode: viewers see, editors manage, each workspace its own; fetchArticleUrl
// fetches from a loopback fixture server (allowed here by the operator option) and refuses private addresses.
import { readFileSync } from 'node:fs';
import { send, startServer, type FixtureServer } from '@claimgraph/collect/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeFeedFetcher } from '../../src/modules/feeds/service.js';
import { asSession, fingerprint, gql, login, ok, type Session, type TeamsWorld, startTeamsWorld } from './harness.js';

const page = (name: string) =>
  readFileSync(new URL(`../../../../packages/collect/test/fixtures/pages/${name}.html`, import.meta.url));

let w: TeamsWorld;
let server: FixtureServer;
let editor: Session;
let viewer: Session;
let outsider: Session;

const FEEDS = '{ feeds { id url kind intervalMinutes paused lastError failures itemsSeen articlesIngested } }';
const ADD =
  'mutation($input: AddFeedInput!) { addFeed(input: $input) { feed { id url intervalMinutes paused } error { code message inputErrors { path } } } }';
const PAUSE =
  'mutation($id: ID!, $paused: Boolean!) { pauseFeed(id: $id, paused: $paused) { feed { id paused } error { code message } } }';
const REMOVE = 'mutation($id: ID!) { removeFeed(id: $id) { removed error { code message } } }';
const FETCH =
  'mutation($url: String!) { fetchArticleUrl(url: $url) { ok { created article { title url publishedAt } } error { code message inputErrors { path } } } }';

beforeAll(async () => {
  // The operator option, as a deployment would set it for an internal mirror: loopback only.
  process.env['FETCH_ALLOWED_PRIVATE_RANGES'] = '127.0.0.0/8';
  process.env['FETCH_MIN_DELAY_MS'] = '0';
  server = await startServer({
    '/wire': send(page('wire')),
    '/listing': send(page('listing')),
    '/to-metadata': send('', { location: 'http://169.254.169.254/' }, 302),
  });
  w = await startTeamsWorld();
  editor = await login(w.base, w.users.editor.email);
  viewer = await login(w.base, w.users.viewer.email);
  outsider = await login(w.base, w.users.outsider.email);
}, 240_000);
afterAll(async () => {
  await closeFeedFetcher();
  await w?.stop();
  await server?.close();
  delete process.env['FETCH_ALLOWED_PRIVATE_RANGES'];
  delete process.env['FETCH_MIN_DELAY_MS'];
});

describe('feeds', () => {
  test('an editor adds, pauses and removes a feed; viewers of the workspace see it; other workspaces do not', async () => {
    const added = (
      await ok(w.url, asSession(editor), ADD, {
        input: { url: 'https://news.example.org/rss.xml', intervalMinutes: 30 },
      })
    ).addFeed.feed;
    expect(added).toMatchObject({ url: 'https://news.example.org/rss.xml', intervalMinutes: 30, paused: false });
    const seen = (await ok(w.url, asSession(viewer), FEEDS)).feeds;
    expect(seen).toEqual([
      expect.objectContaining({
        id: added.id,
        kind: null,
        failures: 0,
        itemsSeen: 0,
        articlesIngested: 0,
        lastError: null,
      }),
    ]);
    expect((await ok(w.url, asSession(outsider), FEEDS)).feeds).toEqual([]);
    // another workspace cannot pause or remove it, even knowing its id
    expect((await gql(w.url, asSession(outsider), PAUSE, { id: added.id, paused: true })).data.pauseFeed).toMatchObject(
      { feed: null, error: { code: 'NOT_FOUND' } },
    );
    expect((await gql(w.url, asSession(outsider), REMOVE, { id: added.id })).data.removeFeed).toMatchObject({
      removed: false,
      error: { code: 'NOT_FOUND' },
    });
    expect((await ok(w.url, asSession(editor), PAUSE, { id: added.id, paused: true })).pauseFeed.feed.paused).toBe(
      true,
    );
    expect((await ok(w.url, asSession(editor), REMOVE, { id: added.id })).removeFeed.removed).toBe(true);
    expect((await ok(w.url, asSession(viewer), FEEDS)).feeds).toEqual([]);
  });

  test('a viewer cannot manage feeds or fetch pages, and nothing changes', async () => {
    const before = await fingerprint(w.db);
    const feedsBefore = await w.db.feed.count();
    for (const [doc, vars] of [
      [ADD, { input: { url: 'https://news.example.org/other.xml' } }],
      [FETCH, { url: `${server.origin}/wire` }],
    ] as const) {
      expect((await gql(w.url, asSession(viewer), doc, vars)).codes).toEqual(['FORBIDDEN']);
    }
    expect(await fingerprint(w.db)).toBe(before);
    expect(await w.db.feed.count()).toBe(feedsBefore);
    expect(server.log.some((l) => l.path === '/wire')).toBe(false);
  });

  test('bad addresses and intervals are input errors with a sentence', async () => {
    const bad = (await gql(w.url, asSession(editor), ADD, { input: { url: 'file:///etc/passwd' } })).data.addFeed.error;
    expect(bad).toMatchObject({ code: 'INVALID_URL', inputErrors: [{ path: 'input.url' }] });
    const interval = (
      await gql(w.url, asSession(editor), ADD, { input: { url: 'https://x.example/rss', intervalMinutes: 1 } })
    ).data.addFeed.error;
    expect(interval).toMatchObject({ code: 'INVALID_INTERVAL', inputErrors: [{ path: 'input.intervalMinutes' }] });
    expect((await gql(w.url, asSession(editor), REMOVE, { id: 'not-an-id' })).data.removeFeed.error.code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('fetchArticleUrl', () => {
  test('an editor fetches a page; its article is ingested with title, date and canonical URL', async () => {
    const r = (await ok(w.url, asSession(editor), FETCH, { url: `${server.origin}/wire` })).fetchArticleUrl.ok;
    expect(r.created).toBe(true);
    expect(r.article).toMatchObject({
      title: 'Central bank holds rates steady, signals cut later this year',
      url: 'https://wire.example.net/markets/central-bank-holds-rates-2026-04-22',
    });
    expect(r.article.publishedAt).toMatch(/^2026-04-22/);
    expect(server.log.find((l) => l.path === '/wire')!.headers['user-agent']).toMatch(/ClaimgraphBot/);
  });

  test('one operation fetches at most three pages (the extraction budget), refused before any fetch', async () => {
    const before = server.log.length;
    const four = `mutation { ${[1, 2, 3, 4].map((i) => `f${i}: fetchArticleUrl(url: "${server.origin}/wire?${i}") { error { code } }`).join(' ')} }`;
    expect((await gql(w.url, asSession(editor), four)).codes).toEqual(['EXTRACTION_BUDGET_EXCEEDED']);
    expect(server.log.length).toBe(before);
  });

  test.each([
    ['a page with no article', () => `${server.origin}/listing`, 'NO_ARTICLE'],
    ['cloud metadata', () => 'http://169.254.169.254/latest/meta-data/', 'BLOCKED_ADDRESS'],
    ['a private network address', () => 'http://10.0.0.5/', 'BLOCKED_ADDRESS'],
    ['a redirect to cloud metadata', () => `${server.origin}/to-metadata`, 'BLOCKED_ADDRESS'],
    ['another scheme', () => 'file:///etc/passwd', 'INVALID_URL'],
  ])('%s: a clear error on the url, nothing stored', async (_what, url, code) => {
    const before = await fingerprint(w.db);
    const r = (await gql(w.url, asSession(editor), FETCH, { url: url() })).data.fetchArticleUrl;
    expect(r.ok).toBeNull();
    expect(r.error).toMatchObject({ code, inputErrors: [{ path: 'url' }] });
    expect(r.error.message).toMatch(/\.$/);
    expect(await fingerprint(w.db)).toBe(before);
  });
});

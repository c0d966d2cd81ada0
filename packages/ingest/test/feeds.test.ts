// Feeds followed end to end against a local HTTP server of fixture feeds and pages (loopback only:
// the fetcher's operator option allows 127.0.0.0/8 here and nothing else), on a real PostgreSQL.
import { readFileSync } from 'node:fs';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import { Fetcher, parseAllowedRanges } from '@claimgraph/collect';
import { send, startServer, type FixtureServer } from '@claimgraph/collect/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addFeed,
  enqueueDueFeeds,
  pollFeed,
  removeFeed,
  setFeedPaused,
  startFeedWorker,
  type PollDeps,
} from '../src/feeds/index.js';
import { openIngestQueue } from '../src/queue.js';
import { freshDb, rowCounts, type TestDb } from './helpers.js';

const page = (name: string) => readFileSync(new URL(`../../collect/test/fixtures/pages/${name}.html`, import.meta.url));

const rss = (
  origin: string,
  paths: string[],
) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Fixture feed</title>
${paths.map((p, i) => `<item><title>Item ${i}</title><link>${p.startsWith('http') ? p : origin + p}</link><pubDate>Mon, 0${i + 1} Jun 2026 10:00:00 GMT</pubDate></item>`).join('\n')}
</channel></rss>`;

/** An article page of one of the origin fixtures (headline, then paragraphs), with site chrome around it. */
function storyPage(name: string, site: string, published: string): string {
  const [title, ...paragraphs] = readFileSync(new URL(`./fixtures/origins/${name}.txt`, import.meta.url), 'utf8')
    .trim()
    .split(/\n\n/);
  return `<!doctype html><html lang="en"><head><title>${title} | ${site}</title><meta property="og:site_name" content="${site}">
<meta property="article:published_time" content="${published}"></head><body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article><footer>Contact us · Privacy</footer></body></html>`;
}

let t: TestDb;
let server: FixtureServer;
let deps: PollDeps;
/** The feed the main test follows: its items and ETag change when a story is added. */
let feedItems = ['/articles/classic', '/articles/jsonld'];
let feedVersion = 1;

beforeAll(async () => {
  t = await freshDb();
  server = await startServer({
    '/robots.txt': send('User-agent: *\nDisallow: /blocked/\n', { 'content-type': 'text/plain' }),
    '/feed.xml': (req, res) => {
      const etag = `"v${feedVersion}"`;
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(rss(server.origin, feedItems));
    },
    '/articles/classic': send(page('classic')),
    '/articles/jsonld': send(page('jsonld')),
    '/articles/wire': send(page('wire')),
    '/articles/latin1': send(page('latin1'), { 'content-type': 'text/html' }), // charset only in the page
    '/articles/listing': send(page('listing')),
    '/articles/paywall': send(page('paywall')),
    '/articles/flaky': send('try later', {}, 503),
    '/bad-items.xml': (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(
          rss(server.origin, [
            '/articles/listing',
            '/articles/paywall',
            '/articles/latin1',
            '/articles/flaky',
            '/blocked/story',
            'http://10.0.0.1/story',
            '/articles/missing',
          ]),
        ),
    '/html-instead.xml': send(page('classic')),
    '/invalid.xml': send('<?xml version="1.0"?><rss><channel><item><title>x</item></channel></rss>', {
      'content-type': 'application/xml',
    }),
    '/huge.xml': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml' });
      const chunk = Buffer.alloc(1024 * 1024, ' ');
      for (let i = 0; i < 12; i++) res.write(chunk);
      res.end();
    },
    '/bomb.xml': send(zlib.gzipSync(Buffer.alloc(100 * 1024 * 1024, ' ')), {
      'content-type': 'application/xml',
      'content-encoding': 'gzip',
    }),
    '/loop.xml': send('', { location: '/loop2.xml' }, 302),
    '/loop2.xml': send('', { location: '/loop.xml' }, 302),
    '/gone.xml': send('gone', {}, 410),
    '/busy.xml': send('slow down', { 'retry-after': '7200' }, 429),
    '/down.xml': send('oops', {}, 500),
    '/bad-gateway.xml': send('bad gateway', {}, 502),
    // A wire story and a republication of it under a new headline, with a paragraph edited.
    '/wire.xml': (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(rss(server.origin, ['/wire/original', '/wire/copy'])),
    '/wire/original': send(storyPage('wire', 'Balkan Wire', '2026-03-02T09:00:00Z')),
    '/wire/copy': send(storyPage('republished', 'Valley Daily', '2026-03-02T11:30:00Z')),
    // Non-UTF-8 feeds: the charset in the XML declaration only, and in the Content-Type header only.
    '/latin1.xml': send(
      Buffer.from(
        `<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Nachrichten aus Graz – Über René Müller</title></channel></rss>`.replace(
          '–',
          '-',
        ),
        'latin1',
      ),
      {
        'content-type': 'application/xml',
      },
    ),
    '/cp1252.xml': send(
      iconv.encode(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>“Café” – €5 news</title></channel></rss>',
        'windows-1252',
      ),
      {
        'content-type': 'application/rss+xml; charset=windows-1252',
      },
    ),
  });
  deps = {
    db: t.db,
    fetcher: new Fetcher({ allowedRanges: parseAllowedRanges('127.0.0.0/8'), minDelayMs: 0, timeoutMs: 5_000 }),
  };
});

afterAll(async () => {
  await deps?.fetcher.close();
  await server?.close();
  await t?.close();
});

const requestsTo = (path: string) => server.log.filter((l) => l.path === path);

describe('a followed feed', () => {
  let feedId: number;

  it('ingests the new items as articles and records the feed state', async () => {
    feedId = (await addFeed(t.db, t.workspaceId, { url: `${server.origin}/feed.xml` })).id;
    const outcome = await pollFeed(deps, t.workspaceId, feedId);
    expect(outcome).toMatchObject({ status: 'fetched', items: 2, newItems: 2, ingested: 2, failed: 0 });
    const feed = (await t.db.feed.findUnique({ where: { id: feedId } }))!;
    expect(feed).toMatchObject({
      kind: 'rss',
      title: 'Fixture feed',
      lastStatus: 200,
      etag: '"v1"',
      itemsSeen: 2,
      articlesIngested: 2,
      failures: 0,
      lastError: null,
    });
    expect(feed.nextFetchAt.getTime()).toBeGreaterThan(Date.now() + 12 * 60_000); // 15 min ± 10 %
    const articles = await t.db.article.findMany({ where: { workspaceId: t.workspaceId }, orderBy: { id: 'asc' } });
    expect(articles.map((a) => a.canonicalUrl)).toEqual([
      'https://news.example.org/world/2026/03/14/grain-shipments-resume',
      // a relative og:url is read against the address the page was fetched from
      `${server.origin.replace('http:', 'https:')}/local/cycling-lanes-approved`,
    ]);
    expect(articles[0]!.title).toBe('Port authority says grain shipments resumed after two-week halt');
    expect(articles[0]!.publishedAt?.toISOString()).toBe('2026-03-14T08:30:00.000Z');
    expect(articles[0]!.body).toContain('Jonas Reiter');
    expect(articles[0]!.body).not.toContain('Sign up for our morning briefing');
    expect(await t.db.claim.count({ where: { workspaceId: t.workspaceId } })).toBeGreaterThan(0);
  });

  it('follows a feed carrying a wire story and a republication of it: the copy is linked to its origin', async () => {
    const ws = (await t.db.workspace.create({ data: { slug: 'feeds-wire', name: 'feeds-wire' } })).id;
    const feed = await addFeed(t.db, ws, { url: `${server.origin}/wire.xml` });
    expect(await pollFeed(deps, ws, feed.id)).toMatchObject({ status: 'fetched', newItems: 2, ingested: 2 });
    const [original, copy] = await t.db.article.findMany({
      where: { workspaceId: ws },
      orderBy: { publishedAt: 'asc' },
    });
    expect(original!.title).toMatch(/^Floodwaters force 12,000/);
    expect(copy!.title).toMatch(/^Thousands flee as Vardar floods/);
    expect([original!.originId, copy!.originId]).toEqual([null, original!.id]);
  });

  it('costs one conditional request when the feed is unchanged', async () => {
    const before = server.log.length;
    expect(await pollFeed(deps, t.workspaceId, feedId)).toEqual({ status: 'unchanged' });
    const seen = server.log.slice(before);
    expect(seen.map((l) => l.path)).toEqual(['/feed.xml']);
    expect(seen[0]!.headers['if-none-match']).toBe('"v1"');
    expect((await t.db.feed.findUnique({ where: { id: feedId } }))!.lastStatus).toBe(304);
  });

  it('takes only the new item when the feed changes', async () => {
    feedItems = ['/articles/wire', ...feedItems];
    feedVersion = 2;
    const before = requestsTo('/articles/classic').length;
    expect(await pollFeed(deps, t.workspaceId, feedId)).toMatchObject({
      status: 'fetched',
      items: 3,
      newItems: 1,
      ingested: 1,
    });
    expect(requestsTo('/articles/classic').length).toBe(before);
    expect((await t.db.feed.findUnique({ where: { id: feedId } }))!).toMatchObject({
      itemsSeen: 3,
      articlesIngested: 3,
      etag: '"v2"',
    });
  });

  it('is polled by the queue: due feeds get one job each, run by the feed worker', async () => {
    const queue = await openIngestQueue(t.url);
    const worker = await startFeedWorker({ boss: queue.boss, db: t.db, fetcher: deps.fetcher, concurrency: 1 });
    try {
      feedVersion = 3;
      await t.db.feed.update({ where: { id: feedId }, data: { nextFetchAt: new Date(Date.now() - 1000) } });
      const before = requestsTo('/feed.xml').length;
      expect(await enqueueDueFeeds(queue.boss, t.db)).toBe(1);
      expect(await enqueueDueFeeds(queue.boss, t.db)).toBe(0); // one waiting job per feed
      for (let i = 0; i < 100 && requestsTo('/feed.xml').length === before; i++)
        await new Promise((r) => setTimeout(r, 100));
      for (let i = 0; i < 50; i++) {
        const f = (await t.db.feed.findUnique({ where: { id: feedId } }))!;
        if (f.etag === '"v3"') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect((await t.db.feed.findUnique({ where: { id: feedId } }))!).toMatchObject({
        etag: '"v3"',
        lastStatus: 200,
        articlesIngested: 3,
      });
      expect(await enqueueDueFeeds(queue.boss, t.db)).toBe(0); // not due again until its interval has passed
    } finally {
      await worker.stop();
      await queue.close();
    }
  });

  it('is skipped while paused and polled again once resumed', async () => {
    await setFeedPaused(t.db, t.workspaceId, feedId, true);
    expect(await pollFeed(deps, t.workspaceId, feedId)).toEqual({ status: 'paused' });
    const resumed = await setFeedPaused(t.db, t.workspaceId, feedId, false);
    expect(resumed.nextFetchAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('belongs to its workspace alone', async () => {
    expect(await pollFeed(deps, t.workspaceId + 999, feedId)).toEqual({ status: 'missing' });
    await expect(removeFeed(t.db, t.workspaceId + 999, feedId)).rejects.toThrow(/No feed/);
  });
});

describe('bad input from the wild', () => {
  it.each([
    ['an HTML page instead of a feed', '/html-instead.xml', 'NOT_A_FEED', null],
    ['invalid XML', '/invalid.xml', 'INVALID_XML', null],
    ['a huge body', '/huge.xml', 'TOO_LARGE', null],
    ['a gzip bomb', '/bomb.xml', 'TOO_LARGE', null],
    ['a redirect loop', '/loop.xml', 'REDIRECT_LOOP', null],
    ['a 404', '/nowhere.xml', 'HTTP_STATUS', 404],
    ['a 410', '/gone.xml', 'HTTP_STATUS', 410],
    ['a 429 with Retry-After', '/busy.xml', 'HTTP_STATUS', 429],
    ['a 500', '/down.xml', 'HTTP_STATUS', 500],
    ['a 502', '/bad-gateway.xml', 'HTTP_STATUS', 502],
  ])('%s: a clear state, backed off, nothing stored', async (_what, path, code, status) => {
    const feed = await addFeed(t.db, t.workspaceId, { url: `${server.origin}${path}` });
    const before = await rowCounts(t.db);
    const outcome = await pollFeed(deps, t.workspaceId, feed.id);
    expect(outcome).toMatchObject({ status: 'failed', code });
    const after = (await t.db.feed.findUnique({ where: { id: feed.id } }))!;
    expect(after).toMatchObject({ lastErrorCode: code, lastStatus: status, failures: 1, itemsSeen: 0, etag: null });
    expect(after.lastError).toMatch(/\.$/); // a sentence
    expect(after.nextFetchAt.getTime()).toBeGreaterThan(Date.now() + 12 * 60_000);
    if (status === 429) expect(after.nextFetchAt.getTime()).toBeGreaterThan(Date.now() + 7000 * 1000); // Retry-After: 2 h
    expect(await rowCounts(t.db)).toEqual(before);
    expect(await t.db.feedItem.count({ where: { feedId: feed.id } })).toBe(0);
    // a second failure backs off further
    await pollFeed(deps, t.workspaceId, feed.id);
    const again = (await t.db.feed.findUnique({ where: { id: feed.id } }))!;
    expect(again.failures).toBe(2);
    if (status !== 429) expect(again.nextFetchAt.getTime()).toBeGreaterThan(Date.now() + 25 * 60_000);
  });

  it.each([
    ['declared in the XML declaration (ISO-8859-1)', '/latin1.xml', 'Nachrichten aus Graz - Über René Müller'],
    ['given in the Content-Type header (windows-1252)', '/cp1252.xml', '“Café” – €5 news'],
  ])('reads a non-UTF-8 feed by its charset %s', async (_what, path, title) => {
    const feed = await addFeed(t.db, t.workspaceId, { url: `${server.origin}${path}` });
    expect(await pollFeed(deps, t.workspaceId, feed.id)).toMatchObject({ status: 'fetched' });
    expect(await t.db.feed.findUnique({ where: { id: feed.id } })).toMatchObject({
      title,
      lastErrorCode: null,
      failures: 0,
    });
  });

  it('items that cannot be used each get a clear state; the good one is ingested', async () => {
    const feed = await addFeed(t.db, t.workspaceId, { url: `${server.origin}/bad-items.xml` });
    const articlesBefore = await t.db.article.count();
    const outcome = await pollFeed(deps, t.workspaceId, feed.id);
    expect(outcome).toMatchObject({ status: 'fetched', newItems: 7, ingested: 1, failed: 5, retry: 1 });
    const items = Object.fromEntries(
      (await t.db.feedItem.findMany({ where: { feedId: feed.id } })).map((i) => [new URL(i.url).pathname, i]),
    );
    expect(items['/articles/listing']).toMatchObject({ status: 'failed', errorCode: 'NO_ARTICLE' });
    expect(items['/articles/paywall']).toMatchObject({ status: 'failed', errorCode: 'NO_ARTICLE' });
    expect(items['/blocked/story']).toMatchObject({ status: 'failed', errorCode: 'ROBOTS_DISALLOWED' });
    expect(items['/story']).toMatchObject({ status: 'failed', errorCode: 'BLOCKED_ADDRESS' });
    expect(items['/articles/missing']).toMatchObject({ status: 'failed', errorCode: 'HTTP_STATUS' });
    expect(items['/articles/flaky']).toMatchObject({ status: 'retry', errorCode: 'HTTP_STATUS', attempts: 1 });
    expect(items['/articles/latin1']).toMatchObject({ status: 'ingested' });
    expect(await t.db.article.count()).toBe(articlesBefore + 1);
    const latin = await t.db.article.findUnique({ where: { id: items['/articles/latin1']!.articleId! } });
    expect(latin!.body).toContain('René Müller');
    expect(latin!.language).toBe('de-AT');
    // the next poll tries the passing failure again, and nothing else
    const before = server.log.length;
    expect(await pollFeed(deps, t.workspaceId, feed.id)).toMatchObject({ newItems: 1, retry: 1 });
    expect(server.log.slice(before).map((l) => l.path)).toEqual(['/bad-items.xml', '/articles/flaky']);
    expect((await t.db.feedItem.findFirst({ where: { feedId: feed.id, url: { endsWith: '/flaky' } } }))!.attempts).toBe(
      2,
    );
    expect((await t.db.feed.findUnique({ where: { id: feed.id } }))!).toMatchObject({
      itemsSeen: 7,
      articlesIngested: 1,
      failures: 0,
    });
  });

  it('refuses a feed at a private address unless the operator allows it', async () => {
    const guarded = new Fetcher({ minDelayMs: 0 });
    try {
      const feed = await addFeed(t.db, t.workspaceId, { url: 'http://169.254.169.254/latest/meta-data/' });
      expect(await pollFeed({ ...deps, fetcher: guarded }, t.workspaceId, feed.id)).toMatchObject({
        status: 'failed',
        code: 'BLOCKED_ADDRESS',
      });
      const local = await addFeed(t.db, t.workspaceId, { url: `http://localhost:${server.port}/feed.xml` });
      expect(await pollFeed({ ...deps, fetcher: guarded }, t.workspaceId, local.id)).toMatchObject({
        status: 'failed',
        code: 'BLOCKED_ADDRESS',
      });
    } finally {
      await guarded.close();
    }
  });

  it('refuses bad feed addresses and intervals with a sentence', async () => {
    await expect(addFeed(t.db, t.workspaceId, { url: 'file:///etc/passwd' })).rejects.toThrow(/must start with http/);
    await expect(addFeed(t.db, t.workspaceId, { url: 'nonsense' })).rejects.toThrow(/not an address/);
    await expect(addFeed(t.db, t.workspaceId, { url: `${server.origin}/x.xml`, intervalMinutes: 1 })).rejects.toThrow(
      /from 5 to/,
    );
    await expect(addFeed(t.db, t.workspaceId, { url: `${server.origin}/feed.xml` })).rejects.toThrow(/already follows/);
  });
});

// The feeds page end to end: follow a feed, see it polled (by the real poll, against a loopback feed server the
// test allows as an operator would), see a failing feed say why, pause and remove, in headless Chromium.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PrismaClient } from '@claimgraph/db';
import { Fetcher, fetcherOptionsFromEnv, pollFeed } from '@claimgraph/ingest/feeds';
import { screenshot, seriousViolations } from './browser';
import { closeDashboard, openDashboard, suite, webUrl } from './suite';

const ARTICLE = `<!doctype html><html lang="en"><head><title>Harbour reopens after storm</title><meta property="article:published_time" content="2026-05-02T09:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Harbour reopens after storm</h1>
${[
  'The harbour reopened on Saturday after a storm closed it for three days, the port authority said, adding that 14 ships were waiting to enter.',
  'The authority’s spokesperson, Ana Lopes, said divers had found no damage to the main quay, but that a smaller pier would stay closed until inspections were finished next week.',
  'Fishermen said the closure had cost them most of a week’s catch. Their association asked the regional government for compensation, citing losses of about 200,000 euros.',
  'Forecasters expect calmer weather for the rest of the month, according to the national weather service.',
]
  .map((p) => `<p>${p}</p>`)
  .join('\n')}
</article><footer>© Example Harbour News</footer></body></html>`;

let browser: Browser;
let page: Page;
let db: PrismaClient;
let server: http.Server;
let origin: string;
let fetcher: Fetcher;

suite('feeds page', () => {
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/feed.xml')
        res
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end(
            `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title><item><link>${origin}/harbour</link></item></channel></rss>`,
          );
      else if (req.url === '/harbour') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE);
      else if (req.url === '/page.html')
        res
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<!doctype html><html><body><h1>Not a feed</h1></body></html>');
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    fetcher = new Fetcher(
      fetcherOptionsFromEnv({ FETCH_ALLOWED_PRIVATE_RANGES: '127.0.0.0/8', FETCH_MIN_DELAY_MS: '0' }),
    );
    ({ browser, page, db } = await openDashboard());
  });
  afterAll(async () => {
    await closeDashboard({ browser, db });
    await fetcher?.close();
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
  });

  const feedRow = (url: string) => page.getByTestId('feed').filter({ hasText: url });
  const poll = async (url: string) => {
    const feed = await db.feed.findFirstOrThrow({ where: { url } });
    return pollFeed({ db, fetcher }, feed.workspaceId, feed.id);
  };

  it('follows a feed, shows it polled with its article, and a failing feed with its reason', async () => {
    await page.goto(`${webUrl}/feeds`);
    await page.waitForLoadState('networkidle');
    for (const path of ['/feed.xml', '/page.html']) {
      await page.getByLabel('Feed address').fill(`${origin}${path}`);
      await page.getByRole('button', { name: 'Follow', exact: true }).click();
      await feedRow(`${origin}${path}`).waitFor();
    }
    await expect(feedRow(`${origin}/feed.xml`).getByTestId('feed-state').innerText()).resolves.toBe(
      'waiting for its first poll',
    );
    // a second follow of the same address is refused with a sentence
    await page.getByLabel('Feed address').fill(`${origin}/feed.xml`);
    await page.getByRole('button', { name: 'Follow', exact: true }).click();
    await expect(page.getByRole('form', { name: 'Follow a feed' }).getByRole('alert').innerText()).resolves.toMatch(
      /already follows/,
    );

    expect(await poll(`${origin}/feed.xml`)).toMatchObject({ status: 'fetched', ingested: 1 });
    expect(await poll(`${origin}/page.html`)).toMatchObject({ status: 'failed', code: 'NOT_A_FEED' });
    await page.reload();
    const good = feedRow(`${origin}/feed.xml`);
    await expect(good.getByTestId('feed-state').innerText()).resolves.toBe('ok (HTTP 200)');
    await expect(good.locator('td').nth(3).innerText()).resolves.toBe('1');
    await expect(good.locator('strong').innerText()).resolves.toBe('Harbour News');
    await expect(feedRow(`${origin}/page.html`).getByTestId('feed-state').innerText()).resolves.toMatch(
      /^NOT_A_FEED: .* is a web page, not a feed/,
    );
    expect(await db.article.count({ where: { title: 'Harbour reopens after storm' } })).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'feeds');
  });

  it('pauses, resumes and removes a feed', async () => {
    const url = `${origin}/page.html`;
    await page.getByRole('button', { name: `Pause ${url}` }).click();
    await page.getByRole('button', { name: `Resume ${url}` }).waitFor();
    await expect(feedRow(url).getByTestId('feed-state').innerText()).resolves.toBe('paused');
    await page.getByRole('button', { name: `Resume ${url}` }).click();
    await page.getByRole('button', { name: `Pause ${url}` }).waitFor();
    await page.getByRole('button', { name: `Remove ${url}` }).click();
    await feedRow(url).waitFor({ state: 'detached' });
    expect(await db.feed.count({ where: { url } })).toBe(0);
  });
});

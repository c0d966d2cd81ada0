// GraphiQL at /graphql: served from the API's own bundle, and working in a real Chromium with every
// non-loopback host unreachable (no CDN can be involved).
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApi, type TestApi } from './testkit/api.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.stop());

describe('assets', () => {
  test('the page loads its script and styles from /graphql/assets only', async () => {
    const html = await (await fetch(api.url, { headers: { accept: 'text/html' } })).text();
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(refs.sort()).toEqual(['/graphql/assets/app.css', '/graphql/assets/app.js', 'data:,']); // data:, = no favicon request
  });

  test('assets are served, compressed for clients that accept gzip', async () => {
    const res = await fetch(`${api.base}/graphql/assets/app.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect((await res.text()).length).toBeGreaterThan(100_000); // fetch decompresses
    for (const worker of ['editor', 'json', 'graphql'])
      expect((await fetch(`${api.base}/graphql/assets/${worker}.worker.js`)).status).toBe(200);
  });

  test('unknown names, path tricks and other methods are refused', async () => {
    for (const path of [
      '/graphql/assets/nope.js',
      '/graphql/assets/..%2Fpackage.json',
      '/graphql/assets/',
      '/graphql/assets/app.js/x',
    ]) {
      expect((await fetch(`${api.base}${path}`)).status, path).toBe(404);
    }
    expect((await fetch(`${api.base}/graphql/assets/app.js`, { method: 'POST' })).status).toBe(405);
  });
});

describe('in Chromium, offline', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
      ],
    });
  });
  afterAll(async () => browser?.close());

  test('GraphiQL opens with the examples and runs the first one against the API', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await page.goto(api.url);
    // The query editor (Monaco) shows the first example, one tab per example.
    await page.getByText('query ClaimsByActorAndLabel').first().waitFor({ timeout: 30_000 });
    for (const name of ['ClaimsByActorAndLabel', 'Contradictions', 'Health'])
      await page.getByRole('tab', { name }).waitFor();
    // …and its variables, before running it.
    await page.getByText('Qassem Soleimani').first().waitFor({ timeout: 30_000 });
    await page.locator('.graphiql-execute-button').click();
    // The response editor shows the claims the example asks for.
    await page.locator('.graphiql-response').getByText('"totalCount"').waitFor({ timeout: 30_000 });
    const origin = new URL(api.url).origin;
    expect(requested.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual(
      [],
    );
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);
});

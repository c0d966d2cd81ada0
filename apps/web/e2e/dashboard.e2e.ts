// The dashboard end to end: next start + the real API + PostgreSQL seeded with the five seed articles,
// driven by Debian's headless Chromium. Expected results come from SQL against the same database.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PrismaClient } from '@claimgraph/db';
import { screenshot, seriousViolations } from './browser';
import { closeDashboard, openDashboard, suite, webUrl } from './suite';

let browser: Browser;
let page: Page;
let db: PrismaClient;

suite('dashboard', () => {
  beforeAll(async () => {
    ({ browser, page, db } = await openDashboard());
  });
  afterAll(async () => {
    await closeDashboard({ browser, db });
  });

  const claimTexts = () => page.locator('[data-testid="claim"] .claim-text').allInnerTexts();

  it('filters by actor Soleimani + label state-affiliated and shows exactly the expected claims', async () => {
    const expected = await db.$queryRaw<{ text: string }[]>`
      SELECT DISTINCT c.id, c.text FROM "Claim" c
      JOIN "ClaimActor" ca ON ca."claimId" = c.id
      JOIN "Actor" a ON a.id = ca."actorId"
      WHERE a."canonicalName" ILIKE '%soleimani%'
        AND EXISTS (SELECT 1 FROM "BiasLabel" b WHERE b."sourceId" = c."sourceId" AND b.scheme = 'state-affiliated' AND b."retiredAt" IS NULL)`;
    expect(expected.length).toBeGreaterThan(0);

    await page.goto(`${webUrl}/`);
    await page.waitForLoadState('networkidle'); // hydrated: the first visit of a cold server is slow
    await page.getByRole('combobox', { name: 'Actors' }).fill('Soleiman');
    const option = page.getByRole('option', { name: /Soleimani/ }).first();
    await option.waitFor();
    await option.click();
    await page.waitForURL(/actor=/);
    await page.getByRole('button', { name: /^any state-affiliated/ }).click();
    await page.waitForURL(/label=state-affiliated/);
    await page.getByRole('button', { name: /Remove actor .*Soleimani/ }).waitFor();
    await page.locator('[data-testid="claim"]').first().waitFor();

    const shown = await claimTexts();
    expect([...shown].sort()).toEqual(expected.map((e) => e.text).sort());
    await expect(page.getByTestId('total').innerText()).resolves.toBe(`(${expected.length})`);
    const outlets = await page.locator('[data-testid="claim"] td:nth-child(3) strong').allInnerTexts();
    expect(new Set(outlets).size).toBeGreaterThan(0);
    for (const o of outlets) expect(['CGTN', 'Press TV']).toContain(o);
    // The panel's counts arrive after the page; each claim has one modality and one outlet, so each set adds up.
    const sum = (texts: string[]) => texts.reduce((n, t) => n + Number(/(\d+)\)?$/.exec(t)?.[1] ?? 0), 0);
    const modalities = page.locator('fieldset', { has: page.locator('legend', { hasText: 'Modality' }) });
    await expect.poll(async () => sum(await modalities.locator('.count').allInnerTexts())).toBe(expected.length);
    expect(sum(await page.locator('#f-source option').allTextContents())).toBe(expected.length);
    await screenshot(page, 'explorer-filtered');
  });

  it('exports the current filtered view as JSON-LD and CSV', async () => {
    const shown = await claimTexts();
    const jsonld = await page.getByRole('link', { name: 'JSON-LD' }).getAttribute('href');
    const csv = await page.getByRole('link', { name: 'CSV' }).getAttribute('href');
    const doc = (await (await fetch(jsonld!)).json()) as { '@graph': unknown[] };
    expect(doc['@graph']).toHaveLength(shown.length);
    const res = await fetch(csv!);
    expect(res.headers.get('content-type')).toMatch(/csv/);
    const body = await res.text();
    for (const t of shown) expect(body).toContain(t.slice(0, 40));
  });

  it('round-trips the filters through the URL (reload and Back)', async () => {
    const filtered = page.url();
    await page.reload();
    await expect(
      page.getByRole('button', { name: /^any state-affiliated/ }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    await page.getByRole('button', { name: /Remove actor .*Soleimani/ }).waitFor();
    const before = await claimTexts();

    await page.getByRole('button', { name: 'Clear all' }).click();
    await page.waitForURL((u) => u.search === '');
    await page.locator('[data-testid="claim"]').first().waitFor();
    expect((await claimTexts()).length).toBeGreaterThan(before.length);

    await page.goBack();
    await page.waitForURL(filtered);
    await page.getByRole('button', { name: /Remove actor .*Soleimani/ }).waitFor();
    expect(await claimTexts()).toEqual(before);

    // A shared link opens the same view in a fresh page.
    const other = await browser.newPage();
    await other.goto(filtered);
    expect(await other.locator('[data-testid="claim"] .claim-text').allInnerTexts()).toEqual(before);
    await other.close();
  });

  it('opens a claim: evidence highlighted in the article text, coverage grouped by bias label', async () => {
    await page.locator('[data-testid="claim"] .claim-text').first().click();
    await page.waitForURL(/\/claims\/\d+$/);
    const id = Number(page.url().split('/').pop());
    const [row] = await db.$queryRaw<{ body: string; evidenceStart: number; evidenceEnd: number }[]>`
      SELECT a.body, c."evidenceStart", c."evidenceEnd" FROM "Claim" c JOIN "Article" a ON a.id = c."articleId" WHERE c.id = ${id}`;
    const mark = page.getByTestId('evidence');
    await expect(mark.innerText()).resolves.toBe(row!.body.slice(row!.evidenceStart, row!.evidenceEnd).trim());
    await expect(mark.evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.not.toBe('rgba(0, 0, 0, 0)');
    const groups = page.getByTestId('coverage-group');
    expect(await groups.count()).toBeGreaterThan(0);
    await expect(groups.first().innerText()).resolves.toMatch(/Carries it:/);
    await screenshot(page, 'claim');
  });

  it('shows the missile-count contradiction side by side', async () => {
    const pairs = await db.$queryRaw<{ fromClaimId: number; fromValue: string | null; toValue: string | null }[]>`
      SELECT "fromClaimId", "fromValue", "toValue" FROM "ClaimRelation" WHERE kind = 'CONTRADICTS' AND slot = 'count' ORDER BY id`;
    expect(pairs.length).toBeGreaterThan(0);
    const pair = pairs[0]!;
    await page.goto(`${webUrl}/?contradicted=1`);
    await page.locator('[data-testid="claim"]').first().waitFor();
    await page.goto(`${webUrl}/claims/${pair.fromClaimId}`);
    const box = page.getByTestId('contradiction').filter({ hasText: /count/ }).first();
    await box.waitFor();
    const text = await box.innerText();
    expect(text).toContain(pair.fromValue!);
    expect(text).toContain(pair.toValue!);
    expect(text.toLowerCase()).toContain('missile');
    await screenshot(page, 'contradiction');
  });

  it('renders the actor co-occurrence graph and navigates by keyboard', async () => {
    const [actor] = await db.$queryRaw<{ id: number; canonicalName: string }[]>`
      SELECT id, "canonicalName" FROM "Actor" WHERE "canonicalName" ILIKE '%soleimani%' ORDER BY id LIMIT 1`;
    const [{ n }] = (await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(DISTINCT o."actorId") AS n FROM "ClaimActor" me JOIN "ClaimActor" o ON o."claimId" = me."claimId" AND o."actorId" <> me."actorId"
      WHERE me."actorId" = ${actor!.id}`) as [{ n: bigint }];
    expect(Number(n)).toBeGreaterThan(1);
    await page.goto(`${webUrl}/actors/${actor!.id}`);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toContain(actor!.canonicalName);
    const graph = page.getByTestId('actor-graph');
    await graph.waitFor();
    const nodes = graph.getByTestId('graph-node');
    expect(await nodes.count()).toBeGreaterThanOrEqual(Math.min(50, Number(n)) + 1);
    expect(await graph.locator('line').count()).toBeGreaterThan(0);
    // Every node sits inside the drawing.
    const box = (await graph.boundingBox())!;
    for (const b of await nodes.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(b.x).toBeGreaterThanOrEqual(box.x - 1);
      expect(b.y).toBeGreaterThanOrEqual(box.y - 1);
    }
    await screenshot(page, 'actor');
    const neighbour = nodes.nth(1);
    const label = (await neighbour.getAttribute('aria-label'))!.split(',')[0]!;
    await neighbour.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => /\/actors\/\d+$/.test(u.pathname) && !u.pathname.endsWith(`/${actor!.id}`));
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toContain(label);
  });

  it('ingests a new article through the page and finds its claims in the explorer', async () => {
    const text = [
      'Harbour Watch Gazette',
      'Drone strike reported near Erbil airport',
      'ERBIL, Iraq — Kurdish officials said on Tuesday that seven drones struck a warehouse near Erbil airport overnight, according to the regional interior ministry.',
      'The ministry said no one was killed in the attack on the warehouse, which it described as a civilian depot.',
      'Iraqi Prime Minister Adel Abdul Mahdi condemned the strike, his office said in a statement.',
    ].join('\n\n');
    await page.goto(`${webUrl}/ingest`);
    await page.waitForLoadState('networkidle');
    await page.getByLabel('Outlet').fill('Harbour Watch Gazette');
    await page.getByLabel('Article text').fill(text);
    await page.getByRole('button', { name: 'Preview extraction' }).click();
    // The preview: claims with their chains, actors and events; nothing stored yet (not even the new outlet).
    const preview = page.getByTestId('preview');
    await preview.waitFor({ timeout: 30_000 });
    const previewed = await preview.locator('[data-testid="preview-claim"] .claim-text').allInnerTexts();
    expect(previewed.length).toBeGreaterThan(0);
    expect(previewed.length).toBe(Number(await preview.getByTestId('preview-claim-count').innerText()));
    expect(await preview.locator('[data-testid="preview-claim"] ol.chain').first().innerText()).toContain(
      'Harbour Watch Gazette',
    );
    expect(await preview.getByTestId('preview-actors').innerText()).toContain('Abdul Mahdi');
    expect(await preview.getByTestId('preview-events').locator('li').count()).toBeGreaterThan(0);
    expect(await db.source.count({ where: { name: 'Harbour Watch Gazette' } })).toBe(0);
    expect(await db.article.count({ where: { body: { contains: 'seven drones struck a warehouse' } } })).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'ingest-preview');

    await page.getByRole('button', { name: 'Save this article' }).click();
    const result = page.getByTestId('ingest-result');
    await result.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('ingest-error').count()).toBe(0);
    const count = Number(await result.getByTestId('claim-count').innerText());
    const extracted = await result.locator('[data-testid="claim"] .claim-text').allInnerTexts();
    expect(extracted.length).toBe(count);
    expect(extracted).toEqual(previewed);
    // After saving: the stored actors (new or matched to existing ones) link to their pages.
    const actors = await db.$queryRaw<{ id: number }[]>`
      SELECT DISTINCT ca."actorId" AS id FROM "ClaimActor" ca JOIN "Claim" c ON c.id = ca."claimId" JOIN "Article" ar ON ar.id = c."articleId"
      WHERE ar.body LIKE '%seven drones struck a warehouse%'`;
    expect(actors.length).toBeGreaterThan(0);
    const actorLinks = result.getByRole('region', { name: 'Actors of these claims' }).getByRole('link');
    expect((await actorLinks.evaluateAll((els) => els.map((e) => e.getAttribute('href')))).sort()).toEqual(
      actors.map((a) => `/actors/${a.id}`).sort(),
    );
    await screenshot(page, 'ingest');

    await result.getByRole('link', { name: /See this outlet/ }).click();
    await page.waitForURL(/source=/);
    await page.locator('[data-testid="claim"]').first().waitFor();
    expect([...(await claimTexts())].sort()).toEqual([...extracted].sort());
    await expect(page.getByTestId('total').innerText()).resolves.toBe(`(${count})`);
  });

  it('queues uploaded files and shows the state of each job from the queue, with the reason for failures', async () => {
    const good = [
      'Port workers strike in Basra',
      'BASRA, Iraq — Dock workers walked off the job on Wednesday at the Umm Qasr port, the port authority said in a statement.',
      'Iraq’s transport minister said the strike had halted grain deliveries, according to state media.',
    ].join('\n\n');
    await page.goto(`${webUrl}/ingest`);
    await page.waitForLoadState('networkidle');
    await page.getByLabel('Outlet').fill('Harbour Watch Gazette');
    await page.getByLabel(/upload files/).setInputFiles([
      { name: 'basra.txt', mimeType: 'text/plain', buffer: Buffer.from(good) },
      { name: 'menu.html', mimeType: 'text/html', buffer: Buffer.from('<html><body><nav>Home</nav></body></html>') },
      { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.from('  ') },
    ]);
    await page.getByRole('button', { name: 'Queue 3 files' }).click();
    const states = page.getByTestId('batch-state');
    await expect
      .poll(async () => states.allInnerTexts(), { timeout: 30_000 })
      .toEqual(['stored', 'failed', 'not sent']);
    const rows = page.getByTestId('batch-row');
    const [article] = await db.$queryRaw<{ title: string; claims: number }[]>`
      SELECT a.title, (SELECT count(*)::int FROM "Claim" c WHERE c."articleId" = a.id) AS claims FROM "Article" a WHERE a.body LIKE '%Umm Qasr%'`;
    expect(article).toBeDefined();
    expect(await rows.nth(0).innerText()).toContain(`${article!.claims} claims from ${article!.title}`);
    expect(await rows.nth(1).getByRole('alert').innerText()).not.toBe('');
    expect(await rows.nth(2).innerText()).toContain('The file is empty.');
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: /Finished 3 of 3/ })
        .count(),
    ).resolves.toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'ingest-batch');
  });

  it('the ingest page counts the articles still being linked, and the explorer says its results may still change', async () => {
    // The worker links what the tests above stored; then one article is made pending again, as a crash between the stages would leave it.
    await expect.poll(() => db.article.count({ where: { linkedAt: null } }), { timeout: 30_000 }).toBe(0);
    const [pending] = await db.$queryRaw<
      { id: number }[]
    >`UPDATE "Article" SET "linkedAt" = NULL WHERE id = (SELECT min(id) FROM "Article") RETURNING id`;
    try {
      await page.goto(`${webUrl}/ingest`);
      expect(await page.getByTestId('linking').innerText()).toBe(
        '1 article is still being linked to the others: corroborations, clusters and contradictions may still change.',
      );
      await page.goto(`${webUrl}/`);
      await page.locator('[data-testid="claim"]').first().waitFor();
      expect(await page.getByTestId('linking').innerText()).toMatch(/^1 article is still being linked/);
    } finally {
      await db.$executeRaw`UPDATE "Article" SET "linkedAt" = now() WHERE id = ${pending!.id}`;
    }
    await page.goto(`${webUrl}/ingest`);
    expect(await page.getByTestId('linking').innerText()).toBe('Every article is linked to the others.');
    await page.goto(`${webUrl}/`);
    await page.locator('[data-testid="claim"]').first().waitFor();
    expect(await page.getByTestId('linking').count()).toBe(0);
  });

  it('the coverage matrix on the outlets page lists the clusters with the most claims, largest first', async () => {
    const expected = await db.$queryRaw<{ summary: string }[]>`
      SELECT cc.summary FROM "ClaimCluster" cc JOIN "Claim" c ON c."clusterId" = cc.id GROUP BY cc.id ORDER BY count(*) DESC, cc.id LIMIT 20`;
    expect(expected.length).toBeGreaterThan(0);
    await page.goto(`${webUrl}/outlets`);
    const rows = page.getByTestId('matrix-row');
    expect(await rows.locator('th').allInnerTexts()).toEqual(expected.map((e) => e.summary));
    expect(await page.getByTestId('coverage-matrix').locator('td.cell-yes').count()).toBeGreaterThan(0);
    await screenshot(page, 'outlets');

    // From the explorer, for its filter: only one outlet's claims count. The outlet is the first (by id) whose
    // claims rank the clusters differently from all claims.
    const outlets = await db.$queryRaw<
      { id: number }[]
    >`SELECT DISTINCT "sourceId" AS id FROM "Claim" WHERE "clusterId" IS NOT NULL ORDER BY 1`;
    let outlet: { id: number; summaries: string[] } | undefined;
    for (const { id } of outlets) {
      const summaries = (
        await db.$queryRaw<{ summary: string }[]>`
        SELECT cc.summary FROM "ClaimCluster" cc JOIN "Claim" c ON c."clusterId" = cc.id WHERE c."sourceId" = ${id}
        GROUP BY cc.id ORDER BY count(*) DESC, cc.id LIMIT 20`
      ).map((f) => f.summary);
      if (JSON.stringify(summaries) !== JSON.stringify(expected.map((e) => e.summary))) {
        outlet = { id, summaries };
        break;
      }
    }
    expect(outlet).toBeDefined();
    await page.goto(`${webUrl}/?source=${encodeURIComponent(Buffer.from(`Source:${outlet!.id}`).toString('base64'))}`);
    await page.getByRole('link', { name: 'Coverage matrix' }).click();
    await page.waitForURL(/\/outlets\?source=/);
    await page.getByTestId('matrix-filter').waitFor();
    expect(await rows.locator('th').allInnerTexts()).toEqual(outlet!.summaries);
  });

  it('fits a phone: the explorer is no wider than the screen, and its claims table scrolls inside the results', async () => {
    const phone = await browser.newPage({ viewport: { width: 412, height: 823 } });
    await phone.goto(`${webUrl}/`);
    await phone.locator('[data-testid="claim"]').first().waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBe(412);
    const [results, table] = await phone.evaluate(() => [
      document.querySelector('.explorer > section')!.scrollWidth,
      document.querySelector('table.claims')!.getBoundingClientRect().width,
    ]);
    expect(results).toBeGreaterThanOrEqual(Math.floor(table!));
    await phone.close();
  });

  it('passes axe-core (no serious or critical violations) on every page, with a screenshot of each', async () => {
    const [claim] = await db.$queryRaw<
      { id: number }[]
    >`SELECT "fromClaimId" AS id FROM "ClaimRelation" WHERE kind = 'CONTRADICTS' ORDER BY id LIMIT 1`;
    const [actor] = await db.$queryRaw<
      { id: number }[]
    >`SELECT id FROM "Actor" WHERE "canonicalName" ILIKE '%soleimani%' ORDER BY id LIMIT 1`;
    const pages: [string, string][] = [
      ['explorer', '/'],
      ['explorer-cards', '/?view=cards&label=state-affiliated'],
      ['claim', `/claims/${claim!.id}`],
      ['actors', '/actors'],
      ['actor', `/actors/${actor!.id}`],
      ['events', '/events'],
      ['outlets', '/outlets'],
      ['ingest', '/ingest'],
      ['help', '/help'],
      ['not-found-claim', '/claims/999999'],
    ];
    const failures: string[] = [];
    for (const [name, path] of pages) {
      await page.goto(`${webUrl}${path}`);
      await page.waitForLoadState('networkidle');
      for (const v of await seriousViolations(page))
        failures.push(
          `${name} (${path}): ${v.impact} ${v.id} — ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)}`).join('\n    ')}`,
        );
      await screenshot(page, `page-${name}`);
    }
    expect(failures, failures.join('\n')).toEqual([]);
    // Ten pages, each loaded to network idle: 4-12 s a page on a loaded 2-core machine (load 15-20).
  }, 240_000);
});

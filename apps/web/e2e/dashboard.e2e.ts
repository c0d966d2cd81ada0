// The dashboard end to end: next start + the real API + PostgreSQL seeded with the five seed articles,
// driven by Debian's headless Chromium. Expected results come from SQL against the same database.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createPrisma, type PrismaClient } from '@claimgraph/db';
import { launch, screenshot, seriousViolations } from './browser';

const webUrl = inject('webUrl');
const chromium = inject('chromium');
const run = chromium ? describe : describe.skip;
if (!chromium) console.warn('SKIP dashboard e2e: Chromium not installed (see global-setup message).');

let browser: Browser;
let page: Page;
let db: PrismaClient;

run('dashboard', () => {
  beforeAll(async () => {
    browser = await launch(chromium!);
    page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    db = createPrisma(inject('databaseUrl'));
  });
  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
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
    await screenshot(page, 'explorer-filtered');
  });

  it('round-trips the filters through the URL (reload and Back)', async () => {
    const filtered = page.url();
    await page.reload();
    await expect(page.getByRole('button', { name: /^any state-affiliated/ }).getAttribute('aria-pressed')).resolves.toBe('true');
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
});

// Browsing a real corpus: the timeline on a real time axis with dates as exact as they are known, actors opening on
// the most-cited, and an address naming nothing saying so. Rows added here are removed afterwards.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PrismaClient } from '@claimgraph/db';
import { closeDashboard, openDashboard, suite, webUrl } from './suite';

let browser: Browser;
let page: Page;
let db: PrismaClient;
const added = { articles: [] as number[], events: [] as number[], claims: [] as number[], clusters: [] as number[] };

/** An article with one claim, published on `day` (by CGTN unless `outlet` says; the claim about `eventId`, in `clusterId`, when given). */
async function article(
  day: string,
  eventId: number | null = null,
  more: { outlet?: string; originId?: number; clusterId?: number } = {},
) {
  const source = await db.source.findFirstOrThrow({ where: { name: more.outlet ?? 'CGTN' } });
  const { workspaceId } = await db.article.findFirstOrThrow({ select: { workspaceId: true } });
  const body = `Officials said on ${day} that the talks would resume.`;
  const a = await db.article.create({
    data: {
      workspaceId,
      sourceId: source.id,
      body,
      title: `Talks ${day}`,
      publishedAt: new Date(`${day}T00:00:00Z`),
      publishedPrecision: 'DAY',
      contentHash: `browse-e2e-${day}-${source.id}`,
      extractorVersion: 'e2e',
      removedLines: [],
      warnings: [],
      originId: more.originId ?? null,
    },
  });
  added.articles.push(a.id);
  const claim = await db.claim.create({
    data: {
      workspaceId,
      articleId: a.id,
      sourceId: source.id,
      extractionKey: `browse-${day}`,
      text: body,
      evidenceStart: 0,
      evidenceEnd: body.length,
      modality: 'REPORTED',
      eventId,
      clusterId: more.clusterId ?? null,
    },
  });
  added.claims.push(claim.id);
  return { articleId: a.id, claimId: claim.id };
}

suite('browsing a real corpus', () => {
  beforeAll(async () => {
    ({ browser, page, db } = await openDashboard());
    const { workspaceId } = await db.article.findFirstOrThrow({ select: { workspaceId: true } });
    // Known only to the year, as a 2019 article recalling the 1979 revolution gives it.
    const revolution = await db.event.create({
      data: {
        workspaceId,
        type: 'OTHER',
        summary: 'Browse e2e: the revolution',
        occurredAt: new Date('1979-01-01T00:00:00Z'),
        occurredPrecision: 'YEAR',
      },
    });
    added.events.push(revolution.id);
    await article('2015-03-10');
    await article('2015-04-10');
    await article('2019-12-29', revolution.id);
  });
  afterAll(async () => {
    await db?.claim.deleteMany({ where: { articleId: { in: added.articles } } });
    await db?.article.deleteMany({ where: { id: { in: added.articles } } });
    await db?.event.deleteMany({ where: { id: { in: added.events } } });
    await db?.claimCluster.deleteMany({ where: { id: { in: added.clusters } } });
    await closeDashboard({ browser, db });
  });

  it('the timeline places months by their dates, not evenly', async () => {
    await page.goto(`${webUrl}/events?bucket=MONTH`);
    await page.getByTestId('timeline-chart').waitFor();
    const xOf = async (month: string) =>
      Number(await page.locator(`[data-testid="timeline-bar"][data-start^="${month}"]`).first().getAttribute('x'));
    const [march, april, december] = [await xOf('2015-03'), await xOf('2015-04'), await xOf('2019-12')];
    const t = (d: string) => Date.parse(`${d}T00:00:00Z`);
    // April is one month after March out of 57 to December 2019: about 1.8 % of the way, not a third or a half.
    expect((april - march) / (december - march)).toBeCloseTo(
      (t('2015-04-01') - t('2015-03-01')) / (t('2019-12-01') - t('2015-03-01')),
      2,
    );
    // Claims over five years: without a choice in the address the timeline picks months.
    await page.goto(`${webUrl}/events`);
    expect(await page.getByLabel('Bucket').inputValue()).toBe('MONTH');
  });

  it('an event known to the year shows as that year, not as January 1', async () => {
    await page.goto(`${webUrl}/events?bucket=DAY`);
    const item = page.locator('li', { hasText: 'Browse e2e: the revolution' }).last();
    await item.waitFor();
    expect(await item.innerText()).toMatch(/· 1979 ·/);
    const heading = page.locator('time[datetime^="1979-01-01"]');
    expect(await heading.innerText()).toBe('1979');
    expect(await page.locator('main').innerText()).not.toContain('1979-01-01');
    // And on the page of the claim about it.
    await page.goto(`${webUrl}/claims/${added.claims.at(-1)}`);
    // The page streams in after a loading state.
    await page.getByText('Browse e2e: the revolution · 1979').first().waitFor();
    expect(await page.locator('main').innerText()).not.toContain('1979-01-01');
  });

  it('the actors list opens on the most-cited actor', async () => {
    const [top] = await db.$queryRaw<
      { n: number }[]
    >`SELECT count(DISTINCT "claimId")::int AS n FROM "ClaimActor" GROUP BY "actorId" ORDER BY n DESC LIMIT 1`;
    await page.goto(`${webUrl}/actors`);
    const counts = (await page.locator('table.claims tbody tr td:nth-child(3)').allInnerTexts()).map(Number);
    expect(counts[0]).toBe(top!.n);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('an address naming nothing says so, not that the API may be down', async () => {
    const missing: [string, string][] = [
      ['/claims/999999', 'Claim 999999 does not exist'],
      ['/actors/999999', 'Actor 999999 does not exist'],
      ['/claims/4000000000', 'Claim 4000000000 does not exist'],
    ];
    for (const [path, text] of missing) {
      await page.goto(`${webUrl}${path}`);
      // The page streams in after a loading state.
      await page.locator('main').getByText(text).waitFor();
      const main = await page.locator('main').innerText();
      expect(main, path).toContain(text);
      expect(main, path).not.toMatch(/API is running/);
    }
    await page.goto(`${webUrl}/?actor=not-an-id`);
    const alert = await page.locator('.state-error').innerText();
    expect(alert).toMatch(/^Not found\./);
    expect(alert).toContain('Check the address');
    expect(alert).not.toMatch(/API is running/);
  });

  it('a claim carried by a wire story, a republished copy of it and an own report: three outlets, two independent origins', async () => {
    const { workspaceId } = await db.article.findFirstOrThrow({ select: { workspaceId: true } });
    const cluster = await db.claimCluster.create({ data: { workspaceId, summary: 'Browse e2e: origins' } });
    added.clusters.push(cluster.id);
    const wire = await article('2019-12-29', null, { outlet: 'Press TV', clusterId: cluster.id });
    await article('2019-12-29', null, { outlet: 'StreamNews', clusterId: cluster.id, originId: wire.articleId });
    await article('2019-12-29', null, { outlet: 'American Military News', clusterId: cluster.id });
    await page.goto(`${webUrl}/claims/${wire.claimId}`);
    const reach = page.getByTestId('reach');
    await reach.waitFor();
    expect(await reach.innerText()).toMatch(/^Carried by 3 outlets, 2 independent origins/);
  });
});

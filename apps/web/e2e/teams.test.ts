// Team mode end to end in Chromium: sign in, invite a member (who accepts), change their role, correct a claim
// and find it in the audit log, create an API token and use it from a script, revoke it.
// Own stack: throwaway PostgreSQL with the seed corpus in a team workspace, the API in team mode, `next start`.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '@claimgraph/auth';
import { startApi, type RunningApi } from '@claimgraph/api';
import { createPrisma, type PrismaClient } from '@claimgraph/db';
import { freePort } from '@claimgraph/db/embedded';
import { createTestDatabase, setupTestCluster } from '@claimgraph/db/testing';
import { seedSampleCorpus } from '@claimgraph/ingest';
import { launch, screenshot } from './browser';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const webDir = path.resolve(new URL('.', import.meta.url).pathname, '..');
const ADMIN = { email: 'lead@newsroom.example', password: 'a very long admin passphrase' };
const INVITEE = { email: 'reporter@newsroom.example', password: 'reporter passphrase 42' };
const run = existsSync(CHROMIUM) ? describe : describe.skip;

let stopCluster: () => Promise<void>;
let database: { url: string; drop(): Promise<void> };
let db: PrismaClient;
let api: RunningApi;
let next: ChildProcess;
let webUrl: string;
let browser: Browser;
let page: Page;
let workspaceId: number;

async function waitFor(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const end = Date.now() + 60_000;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}\n${log()}`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer\n${log()}`);
}

run('team mode in the browser', () => {
  beforeAll(async () => {
    if (!existsSync(path.join(webDir, '.next/BUILD_ID')))
      throw new Error('Build the dashboard first: npm run build -w @claimgraph/web');
    stopCluster = await setupTestCluster();
    database = await createTestDatabase();
    db = createPrisma(database.url);
    workspaceId = (await db.workspace.create({ data: { slug: 'newsroom', name: 'Newsroom desk' } })).id;
    const admin = await db.user.create({
      data: { email: ADMIN.email, name: 'Lead', passwordHash: await hashPassword(ADMIN.password) },
    });
    await db.membership.create({ data: { workspaceId, userId: admin.id, role: 'ADMIN' } });
    await seedSampleCorpus(db, { workspaceId });

    const webPort = await freePort();
    webUrl = `http://127.0.0.1:${webPort}`;
    api = await startApi({ databaseUrl: database.url, port: 0, mode: 'team', webOrigins: [webUrl], logLevel: 'error' });
    const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
    let out = '';
    next = spawn(process.execPath, [nextBin, 'start', '-H', '127.0.0.1', '-p', String(webPort)], {
      cwd: webDir,
      env: {
        ...process.env,
        API_URL: api.url,
        PUBLIC_API_URL: api.url,
        NEXT_TELEMETRY_DISABLED: '1',
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    next.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    next.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    await waitFor(`${webUrl}/login`, next, () => out);
    browser = await launch(CHROMIUM);
    page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    if (next && next.exitCode === null) {
      next.kill('SIGTERM');
      await new Promise((r) => next.once('exit', r));
    }
    await api?.stop();
    await db?.$disconnect();
    await database?.drop();
    await stopCluster?.();
  });

  it('signed out, every page redirects to the sign-in page (server side, with the way back); the API refuses anonymous GraphQL', async () => {
    const res = await fetch(`${webUrl}/outlets?scheme=lean`, { redirect: 'manual' });
    expect(res.status).toBe(307);
    const to = new URL(res.headers.get('location')!, webUrl);
    expect(`${to.pathname}${to.search}`).toBe(`/login?next=${encodeURIComponent('/outlets?scheme=lean')}`);
    await page.goto(`${webUrl}/`);
    expect(page.url()).toBe(`${webUrl}/login?next=%2F`);
    await page.getByRole('form', { name: 'Sign in' }).waitFor();
    const anon = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ claims { totalCount } }' }),
    });
    expect(((await anon.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('answers only its own host names: a page rebound to this address (DNS rebinding) gets 421 and one sentence', async () => {
    const get = (host: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const url = new URL(webUrl);
        const req = http.request({ host: url.hostname, port: url.port, path: '/', headers: { host } }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
    const rebound = await get(`rebind.evil.example:${new URL(webUrl).port}`);
    expect(rebound.status).toBe(421);
    expect(rebound.body.trim()).toBe(
      `This Claimgraph server does not answer to the host name "rebind.evil.example:${new URL(webUrl).port}"; if it is yours, add it to ALLOWED_HOSTS.`,
    );
    expect((await get(`localhost:${new URL(webUrl).port}`)).status).toBe(307);
  });

  it('after signing in, a hostile next= still lands on the dashboard', async () => {
    const other = await browser.newContext();
    const tab = await other.newPage();
    await tab.goto(`${webUrl}/login?next=${encodeURIComponent('/\\evil.example/')}`);
    await tab.getByLabel('Email').fill(ADMIN.email);
    await tab.getByLabel('Password').fill(ADMIN.password);
    await tab.getByRole('button', { name: 'Sign in' }).click();
    await tab.waitForURL((u) => u.origin === webUrl && !u.pathname.startsWith('/login'));
    expect(new URL(tab.url()).origin).toBe(webUrl);
    await other.close();
  });

  it('logs in', async () => {
    await page.goto(`${webUrl}/login`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${webUrl}/`);
    await page.getByTestId('signed-in').waitFor();
    expect(await page.getByTestId('signed-in').innerText()).toContain(ADMIN.email);
    expect(await page.locator('[data-testid="claim"]').count()).toBeGreaterThan(0);
  });

  it('invites a member, who accepts; then changes their role', async () => {
    await page.goto(`${webUrl}/settings`);
    const invite = page.getByRole('form', { name: 'Invite a member' });
    await invite.getByLabel('Email').fill(INVITEE.email);
    await invite.getByRole('button', { name: 'Invite' }).click();
    const link = (await page.getByTestId('invite-link').locator('code').innerText()).trim();
    expect(link).toContain('/login/accept?token=');

    const other = await browser.newContext();
    const invitee = await other.newPage();
    await invitee.goto(link);
    await invitee.getByLabel('Password (at least 10 characters)').fill(INVITEE.password);
    await invitee.getByRole('button', { name: 'Join' }).click();
    await invitee.waitForURL(`${webUrl}/`);
    await invitee.getByTestId('signed-in').waitFor();
    expect(await invitee.getByTestId('signed-in').innerText()).toContain('viewer');
    await other.close();

    await page.reload();
    const select = page.getByLabel(`Role of ${INVITEE.email}`);
    await select.selectOption('EDITOR');
    await expect
      .poll(
        async () => (await db.membership.findFirst({ where: { workspaceId, user: { email: INVITEE.email } } }))?.role,
      )
      .toBe('EDITOR');
    await page.reload();
    expect(await page.getByLabel(`Role of ${INVITEE.email}`).inputValue()).toBe('EDITOR');
  });

  it('corrects a claim and sees the correction in the audit log', async () => {
    const claim = await db.claim.findFirstOrThrow({ where: { workspaceId }, orderBy: { id: 'asc' } });
    const corrected = `${claim.text.replace(/[.\s]+$/, '')} (corrected by the desk)`;
    await page.goto(`${webUrl}/claims/${claim.id}`);
    const form = page.getByRole('form', { name: 'Correct this claim' });
    await form.getByLabel('Claim text').fill(corrected);
    await form.getByRole('button', { name: 'Save correction' }).click();
    await page.getByText('Correction saved.').waitFor();
    await expect.poll(async () => page.locator('h1').innerText()).toBe(corrected);
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).text).toBe(corrected);

    await page.goto(`${webUrl}/audit`);
    const entry = page.getByTestId('audit-entry').filter({ hasText: 'claim.correct' }).first();
    await entry.waitFor();
    expect(await entry.innerText()).toContain('(corrected by the desk)');
    expect(await entry.innerText()).toContain(ADMIN.email);
    await screenshot(page, 'teams-audit');
  });

  it('corrects the attribution chain of a claim', async () => {
    const claim = await db.claim.findFirstOrThrow({
      where: { workspaceId },
      orderBy: { id: 'asc' },
      include: { attribution: true },
    });
    await page.goto(`${webUrl}/claims/${claim.id}`);
    const before = await page.getByTestId('chain-link').count();
    expect(before).toBe(claim.attribution.length);
    await page.getByRole('button', { name: 'Add a link' }).click();
    await page.getByLabel(`Kind of link ${before + 1}`).selectOption('OFFICIAL');
    await page.getByLabel(`Label of link ${before + 1}`).fill('a ministry spokesperson');
    await page.getByRole('button', { name: 'Save chain' }).click();
    await page.getByText('Chain saved.').waitFor();
    const links = await db.claimAttribution.findMany({ where: { claimId: claim.id }, orderBy: { position: 'asc' } });
    expect(links.at(-1)).toMatchObject({ kind: 'OFFICIAL', label: 'a ministry spokesperson', position: before });
    expect(await db.correction.count({ where: { workspaceId, field: 'attribution' } })).toBe(1);
  });

  it('merges two actors from the actor page; the merge is audited', async () => {
    const [into, other] = await db.actor.findMany({
      where: { workspaceId, claims: { some: {} } },
      orderBy: { id: 'asc' },
      take: 2,
    });
    await page.goto(`${webUrl}/actors/${into!.id}`);
    const box = page.getByRole('combobox', { name: `Merge another actor into ${into!.canonicalName}` });
    await box.fill(other!.canonicalName.slice(0, 12));
    await page
      .getByRole('option', { name: new RegExp(other!.canonicalName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
      .first()
      .click();
    await page.getByRole('button', { name: `Merge ${other!.canonicalName} into ${into!.canonicalName}` }).click();
    await page.getByText('merged into').waitFor();
    expect(await db.actor.findUnique({ where: { id: other!.id } })).toBeNull();
    await page.goto(`${webUrl}/audit`);
    await page.getByTestId('audit-entry').filter({ hasText: 'actor.merge' }).first().waitFor();
  });

  it('adds, changes and retires an outlet label with provenance', async () => {
    await page.goto(`${webUrl}/settings/labels?q=Press`);
    const outlet = page.getByTestId('outlet-labels').first();
    const name = (await outlet.locator('h2').innerText()).split('\n')[0]!.trim();
    const add = outlet.getByRole('form', { name: /^Add a label to / });
    await add.getByLabel('Scheme').fill('reliability');
    await add.getByLabel('Value').fill('mixed');
    await add.getByLabel('Source URL').fill('https://example.org/desk-rating');
    await add.getByRole('button', { name: 'Add label' }).click();
    await outlet.getByRole('button', { name: 'Retire label reliability: mixed' }).waitFor();
    const label = await db.biasLabel.findFirstOrThrow({ where: { workspaceId, scheme: 'reliability' } });
    expect(label).toMatchObject({
      value: 'mixed',
      rater: ADMIN.email,
      url: 'https://example.org/desk-rating',
      retiredAt: null,
    });
    await outlet.getByRole('button', { name: 'Retire label reliability: mixed' }).click();
    await expect
      .poll(async () => (await db.biasLabel.findUniqueOrThrow({ where: { id: label.id } })).retiredAt !== null)
      .toBe(true);
    expect(name.length).toBeGreaterThan(0);
  });

  it('creates a token, uses it from a script, and revokes it', async () => {
    await page.goto(`${webUrl}/settings`);
    const form = page.getByRole('form', { name: 'Create an API token' });
    await form.getByLabel('Token name').fill('nightly script');
    await form.getByRole('button', { name: 'Create token' }).click();
    const secret = (await page.getByTestId('token-secret').innerText()).trim();
    expect(secret).toMatch(/^cg_/);

    // The "script": plain fetch with a bearer token, no cookies, no CSRF header.
    const script = async () => {
      const res = await fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify({ query: '{ me { via workspace { slug } } claims { totalCount } }' }),
      });
      return (await res.json()) as {
        data?: { me: { via: string; workspace: { slug: string } }; claims: { totalCount: number } };
        errors?: { extensions: { code: string } }[];
      };
    };
    const used = await script();
    expect(used.data?.me).toEqual({ via: 'TOKEN', workspace: { slug: 'newsroom' } });
    expect(used.data?.claims.totalCount).toBe(await db.claim.count({ where: { workspaceId } }));

    await page.reload();
    await page.getByRole('button', { name: 'Revoke token nightly script' }).click();
    await page.getByTestId('token').filter({ hasText: 'revoked' }).waitFor();
    expect((await script()).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('queues an uploaded file (cookie session and CSRF header); with no worker running, the page says so', async () => {
    await page.goto(`${webUrl}/ingest`);
    await page.waitForLoadState('networkidle');
    const text = 'Officials said on Monday that talks would resume in Geneva next week, according to Reuters.';
    await page
      .getByLabel(/upload files/)
      .setInputFiles([{ name: 'geneva.txt', mimeType: 'text/plain', buffer: Buffer.from(text) }]);
    await page.getByRole('button', { name: 'Queue 1 file' }).click();
    await expect.poll(async () => page.getByTestId('batch-state').allInnerTexts()).toEqual(['queued']);
    const jobs = await db.$queryRaw<{ state: string; ws: number }[]>`
      SELECT state::text, (data->>'workspaceId')::int AS ws FROM pgboss.job WHERE name = 'ingest-article' AND data->'article'->>'text' = ${text}`;
    expect(jobs).toEqual([{ state: 'created', ws: workspaceId }]);
    await page.getByText('No ingestion worker has picked these up yet').waitFor({ timeout: 30_000 });
  });

  it('signs out; the next page asked for goes to sign-in and, once signed in, back to that page', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${webUrl}/login`);
    await page.goto(`${webUrl}/settings`);
    expect(page.url()).toBe(`${webUrl}/login?next=%2Fsettings`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${webUrl}/settings`);
    await page.getByTestId('signed-in').waitFor();
  });
});

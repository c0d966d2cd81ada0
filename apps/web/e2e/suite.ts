// What every dashboard suite opens: the addresses global-setup provides, headless Chromium with one page, and a
// Prisma client on the same seeded database (expected results come from SQL against it).
import { describe, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createPrisma, type PrismaClient } from '@claimgraph/db';
import { launch } from './browser';

export const webUrl = inject('webUrl');
const chromium = inject('chromium');

/** `describe`, or `describe.skip` where Chromium is not installed (global-setup says so). */
export const suite = chromium ? describe : describe.skip;
if (!chromium) console.warn('SKIP dashboard e2e: Chromium not installed (see global-setup message).');

export interface Dashboard {
  browser: Browser;
  page: Page;
  db: PrismaClient;
}

/** For a suite's beforeAll. */
export async function openDashboard(): Promise<Dashboard> {
  const browser = await launch(chromium!);
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  return { browser, page, db: createPrisma(inject('databaseUrl')) };
}

/** For a suite's afterAll; whatever opened before a failure is closed. */
export async function closeDashboard({ browser, db }: Partial<Dashboard>): Promise<void> {
  await browser?.close();
  await db?.$disconnect();
}

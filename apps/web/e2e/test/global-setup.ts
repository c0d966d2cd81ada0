// e2e stack: throwaway PostgreSQL with the five seed articles, the real API and an ingestion worker in-process, and the
// production build of the dashboard under `next start`. Values reach the tests through provide/inject.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createPrisma, ensureLocalWorkspace } from '@claimgraph/db';
import { freePort } from '@claimgraph/db/embedded';
import { createTestDatabase, setupTestCluster } from '@claimgraph/db/testing';
import { runWorker, seedSampleCorpus } from '@claimgraph/ingest';
import { startApi } from '@claimgraph/api';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const webDir = path.resolve(new URL('.', import.meta.url).pathname, '../..');

declare module 'vitest' {
  export interface ProvidedContext {
    webUrl: string;
    apiUrl: string;
    databaseUrl: string;
    chromium: string | null;
  }
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export default async function setup(project: TestProject) {
  const chromium = existsSync(CHROMIUM) ? CHROMIUM : null;
  if (!chromium) {
    const msg = `Chromium not found at ${CHROMIUM} (install with: apt-get install -y chromium, or set CHROMIUM_PATH).`;
    if (process.env.CI === 'true') throw new Error(`${msg} The dashboard e2e tests cannot be skipped under CI=true.`);
    console.warn(`SKIP dashboard e2e: ${msg}`);
  }
  if (!existsSync(path.join(webDir, '.next/BUILD_ID'))) {
    throw new Error(
      'No production build of the dashboard: run `npm run build -w @claimgraph/web` (or `npx turbo run build --filter=@claimgraph/web...`) first.',
    );
  }

  const stopCluster = await setupTestCluster();
  const database = await createTestDatabase();
  const db = createPrisma(database.url);
  const { workspaceId, userId } = await ensureLocalWorkspace(db);
  const seeded = await seedSampleCorpus(db, { workspaceId, userId });
  if (!seeded.seeded) throw new Error('seedSampleCorpus did not seed the fresh database');
  await db.$disconnect();

  const webPort = await freePort();
  const webUrl = `http://127.0.0.1:${webPort}`;
  const api = await startApi({ databaseUrl: database.url, port: 0, webOrigins: [webUrl], logLevel: 'error' });
  // The ingestion worker, for files uploaded on the ingest page (they go through the queue).
  const worker = await runWorker({ databaseUrl: database.url, concurrency: 1 });

  const require = createRequire(import.meta.url);
  const nextBin = require.resolve('next/dist/bin/next');
  const next = spawn(process.execPath, [nextBin, 'start', '-H', '127.0.0.1', '-p', String(webPort)], {
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
  let nextLog = '';
  next.stdout?.on('data', (d: Buffer) => (nextLog += d.toString()));
  next.stderr?.on('data', (d: Buffer) => (nextLog += d.toString()));
  try {
    await waitFor(`${webUrl}/help`, next, 30_000);
  } catch (err) {
    next.kill('SIGTERM');
    throw new Error(`${(err as Error).message}\n--- next start output ---\n${nextLog}`);
  }

  project.provide('webUrl', webUrl);
  project.provide('apiUrl', api.url);
  project.provide('databaseUrl', database.url);
  project.provide('chromium', chromium);

  return async () => {
    next.kill('SIGTERM');
    await new Promise((r) => (next.exitCode !== null ? r(null) : next.once('exit', r)));
    await worker.stop();
    await api.stop();
    await database.drop();
    await stopCluster();
  };
}

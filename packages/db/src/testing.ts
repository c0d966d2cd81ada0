// Test databases: one embedded cluster per test run (vitest globalSetup), one fresh database per
// test file cloned from a migrated template, so no test file sees another's rows.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded.js';
import { migrate } from './migrate.js';

const TEMPLATE = 'claimgraph_template';
const ADMIN_URL_VAR = 'CLAIMGRAPH_TEST_ADMIN_URL';

/** vitest globalSetup: starts a throwaway cluster with a migrated template database. */
export async function setupTestCluster(): Promise<() => Promise<void>> {
  // /tmp, not the checkout: parents of a checkout may not be traversable by the postgres user.
  const base = await mkdtemp(path.join(os.tmpdir(), 'claimgraph-test-pg-'));
  await import('node:fs/promises').then((fs) => fs.chmod(base, 0o755));
  const server = await startEmbeddedPostgres({ dataDir: path.join(base, 'data'), database: TEMPLATE, ephemeral: true });
  await migrate(server.url);
  process.env[ADMIN_URL_VAR] = server.adminUrl;
  return async () => {
    await server.stop();
    await rm(base, { recursive: true, force: true });
  };
}

let counter = 0;

/** A fresh, migrated database for one test file. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env[ADMIN_URL_VAR];
  if (!adminUrl)
    throw new Error(`${ADMIN_URL_VAR} is unset: add @claimgraph/db/testing's setupTestCluster as vitest globalSetup.`);
  const name = `test_${process.pid}_${Date.now()}_${counter++}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

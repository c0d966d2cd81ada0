import { cp, mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, MigrationError } from '../src/migrate.js';
import { migrationsDir, schemaPath } from '../src/paths.js';
import { isEmptyDiff, liveDriftSql, pendingSchemaSql } from '../src/schema-engine.js';
import { createTestDatabase } from '../src/testing.js';

async function emptyDatabase() {
  // The template is already migrated; clone it, then drop Claimgraph's objects for a blank slate.
  const db = await createTestDatabase();
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  await c.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  await c.end();
  return db;
}

describe('migrations', () => {
  const cleanup: (() => Promise<void>)[] = [];
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'claimgraph-migrations-'));
  });
  afterAll(async () => {
    for (const fn of cleanup) await fn();
    await rm(tmp, { recursive: true, force: true });
  });

  it('produce exactly schema.prisma', async () => {
    const db = await emptyDatabase();
    cleanup.push(db.drop);
    const { sql } = await pendingSchemaSql(db.url);
    expect(sql, `schema.prisma has changes no migration holds; run npm run db:new -- <name>:\n${sql}`).toSatisfy(
      isEmptyDiff,
    );
  });

  it('leave a migrated database without drift', async () => {
    const db = await emptyDatabase();
    cleanup.push(db.drop);
    await migrate(db.url);
    const { sql } = await liveDriftSql(db.url);
    expect(sql).toSatisfy(isEmptyDiff);
  });

  it('detect a schema.prisma edited without a migration', async () => {
    const db = await emptyDatabase();
    cleanup.push(db.drop);
    const edited = path.join(tmp, 'schema.prisma');
    const original = await readFile(schemaPath, 'utf8');
    await writeFile(
      edited,
      original.replace('  country     String?\n', '  country     String?\n  motto       String?\n'),
    );
    const { sql } = await pendingSchemaSql(db.url, { schema: edited });
    expect(sql).toMatch(/ALTER TABLE "Source" ADD COLUMN\s+"motto" TEXT/);
  });

  it('are applied once by concurrent runners', async () => {
    const db = await emptyDatabase();
    cleanup.push(db.drop);
    const results = await Promise.all(Array.from({ length: 4 }, () => migrate(db.url)));
    const names = results.flatMap((r) => r.applied);
    const expected = (await import('node:fs/promises')).readdir(migrationsDir, { withFileTypes: true });
    const dirs = (await expected).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(names.sort()).toEqual(dirs.sort());
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    const { rows } = await c.query('SELECT migration_name FROM "_prisma_migrations"');
    await c.end();
    expect(rows).toHaveLength(dirs.length);
  });

  it('refuse a migration edited after it was applied', async () => {
    const db = await emptyDatabase();
    cleanup.push(db.drop);
    const dir = path.join(tmp, 'migrations');
    await cp(migrationsDir, dir, { recursive: true });
    await migrate(db.url, dir);
    const first = (await (await import('node:fs/promises')).readdir(dir)).find((n) => n.endsWith('_init'))!;
    await writeFile(path.join(dir, first, 'migration.sql'), '-- edited\n', { flag: 'a' });
    await expect(migrate(db.url, dir)).rejects.toThrow(MigrationError);
  });

  it('keep full-text search vectors current', async () => {
    const db = await createTestDatabase();
    cleanup.push(db.drop);
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    await c.query(`INSERT INTO "Workspace"(slug, name) VALUES ('w', 'W')`);
    await c.query(`INSERT INTO "Source"(slug, name, domains) VALUES ('s', 'S', '{}')`);
    await c.query(`INSERT INTO "Article"("workspaceId", "sourceId", body, "contentHash", "extractorVersion", title)
      VALUES (1, 1, 'Missiles struck the convoy near the airport.', 'h', '0', 'Strike')`);
    const { rows } = await c.query(
      `SELECT id FROM "Article" WHERE "searchVector" @@ websearch_to_tsquery('english', 'missile convoy')`,
    );
    await c.end();
    expect(rows).toHaveLength(1);
  });
});

// `npm run db:new -- <name>`: write the next migration from schema.prisma, with Prisma's wasm schema engine
// on a throwaway embedded PostgreSQL (no download, no DATABASE_URL needed).
import { mkdir, mkdtemp, rm, writeFile, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../src/embedded.js';
import { migrationsDir } from '../src/paths.js';
import { isEmptyDiff, pendingSchemaSql } from '../src/schema-engine.js';

const [command, name] = process.argv.slice(2);
if (command !== 'new' || !name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:new -- <name>   (name: lower-case letters, digits and underscores)');
  process.exit(1);
}

const base = await mkdtemp(path.join(os.tmpdir(), 'claimgraph-db-new-'));
await chmod(base, 0o755);
const server = await startEmbeddedPostgres({ dataDir: path.join(base, 'data'), ephemeral: true });
try {
  const { sql } = await pendingSchemaSql(server.url);
  if (isEmptyDiff(sql)) {
    console.log('schema.prisma matches the migrations: nothing to write.');
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'migration.sql'), sql);
    console.log(`wrote ${path.relative(process.cwd(), path.join(dir, 'migration.sql'))}: review it, then commit it.`);
  }
} finally {
  await server.stop();
  await rm(base, { recursive: true, force: true });
}

// Link stage A/B on one stored corpus: the same articles linked again with their stored story profiles (A) and
// without them (B, as articles stored before profiles were), in two copies of one database, alternating blocks
// of articles so that both see the same machine load. Prints ms per article linked for each, their ratio, and
// the relations each made by kind.
//
//   npx tsx bench/link/run.ts --db <database> [--pg postgresql://postgres@127.0.0.1:5432] [--block 50] [--limit N] [--keep]
//
// <database>: a database with ingested articles, e.g. one bench/corpus-ingest kept. It is only read (copied with
// CREATE DATABASE ... TEMPLATE, which needs no other session on it). --keep keeps the two copies, for
// `bench/corpus-ingest/run.ts --measure <copy>` (their figures and sampled relations).
import { createPrisma, type PrismaClient } from '@claimgraph/db';
import { linkArticle } from '@claimgraph/ingest';
import pg from 'pg';

const args = process.argv.slice(2);
const argOf = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const SOURCE = argOf('--db');
if (!SOURCE) {
  console.log(
    'bench/link: skipped; run it with --db <database of ingested articles> (see the header of bench/link/run.ts).',
  );
  process.exit(0);
}
const PG = (argOf('--pg') ?? 'postgresql://postgres@127.0.0.1:5432').replace(/\/+$/, '');
const BLOCK = Number(argOf('--block') ?? 50);
const LIMIT = Number(argOf('--limit') ?? 0);
if (!/^\w+$/.test(SOURCE)) throw new Error('--db takes a database name (letters, digits, _).');

const admin = new pg.Client({ connectionString: `${PG}/postgres` });
await admin.connect();
const copies = { A: `${SOURCE}_link_a`, B: `${SOURCE}_link_b` } as const;
for (const name of Object.values(copies)) {
  await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${SOURCE}"`);
}
const dbs: Record<'A' | 'B', PrismaClient> = {
  A: createPrisma(`${PG}/${copies.A}`),
  B: createPrisma(`${PG}/${copies.B}`),
};
// Every link undone, every article pending; B forgets the profiles.
for (const [mode, db] of Object.entries(dbs)) {
  await db.$executeRawUnsafe(`DELETE FROM "ClaimRelation"`);
  await db.$executeRawUnsafe(
    `UPDATE "Claim" SET "clusterId" = NULL, "clusterReason" = NULL WHERE "clusterId" IS NOT NULL`,
  );
  await db.$executeRawUnsafe(`DELETE FROM "ClaimCluster"`);
  await db.$executeRawUnsafe(`UPDATE "Article" SET "linkedAt" = NULL`);
  if (mode === 'B') await db.$executeRawUnsafe(`UPDATE "Article" SET "storyTerms" = '{}'`);
  await db.$executeRawUnsafe(`VACUUM ANALYZE`);
}
const articles = await dbs.A.$queryRawUnsafe<{ id: number; workspaceId: number }[]>(
  `SELECT id, "workspaceId" FROM "Article" ORDER BY id${LIMIT ? ` LIMIT ${LIMIT}` : ''}`,
);
const ms = { A: 0, B: 0 };
for (let i = 0; i < articles.length; i += BLOCK) {
  const block = articles.slice(i, i + BLOCK);
  // Alternate which goes first, so neither always follows the other's cache warm-up.
  for (const mode of (i / BLOCK) % 2 ? (['B', 'A'] as const) : (['A', 'B'] as const)) {
    const t0 = performance.now();
    for (const a of block) await linkArticle(dbs[mode], a.workspaceId, a.id);
    ms[mode] += performance.now() - t0;
  }
  if ((i / BLOCK) % 10 === 0) console.error(`${Math.min(i + BLOCK, articles.length)}/${articles.length}`);
}
const relations = async (db: PrismaClient) =>
  Object.fromEntries(
    (
      await db.$queryRawUnsafe<{ kind: string; n: bigint }[]>(`
        SELECT kind::text, count(*) AS n FROM "ClaimRelation" GROUP BY kind
        UNION ALL SELECT 'clustered claims', count(*) FROM "Claim" WHERE "clusterId" IS NOT NULL
        UNION ALL SELECT 'clusters', count(*) FROM "ClaimCluster"`)
    ).map((r) => [r.kind, Number(r.n)]),
  );
const result = {
  articles: articles.length,
  msPerArticle: { withProfiles: ms.A / articles.length, without: ms.B / articles.length },
  ratio: ms.A / ms.B,
  relations: { withProfiles: await relations(dbs.A), without: await relations(dbs.B) },
  copies: args.includes('--keep') ? copies : null,
};
console.log(JSON.stringify(result, null, 2));
await Promise.all(Object.values(dbs).map((db) => db.$disconnect()));
if (!args.includes('--keep')) for (const name of Object.values(copies)) await admin.query(`DROP DATABASE "${name}"`);
await admin.end();

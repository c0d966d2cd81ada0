// One SQL statement per page: keyset pagination newest-first (id DESC), or by text-search rank then id.
import { Prisma, type PrismaClient } from '@claimgraph/db';
import type { Page } from './pagination.js';

export interface ListQuery {
  /** Selected columns; must include the row's `id`. */
  columns: Prisma.Sql;
  /** FROM clause with joins. */
  from: Prisma.Sql;
  where: Prisma.Sql;
  /** The id column of the listed table, e.g. c.id. */
  idColumn: Prisma.Sql;
  /** Rank expression (float8) when ordering by relevance, else null. */
  rank: Prisma.Sql | null;
}

/** Fetches `page.limit + 1` rows after the cursor. */
export async function keysetList<T>(db: PrismaClient, q: ListQuery, page: Page): Promise<T[]> {
  const limit = page.limit + 1;
  if (q.rank) {
    const after = page.after ? Prisma.sql`WHERE (q.rank, q.id) < (${page.after.r ?? 0}::float8, ${page.after.id}::int)` : Prisma.empty;
    return db.$queryRaw<T[]>`
      SELECT * FROM (SELECT ${q.columns}, ${q.rank} AS rank FROM ${q.from} WHERE ${q.where}) q
      ${after} ORDER BY q.rank DESC, q.id DESC LIMIT ${limit}`;
  }
  const after = page.after ? Prisma.sql`AND ${q.idColumn} < ${page.after.id}::int` : Prisma.empty;
  return db.$queryRaw<T[]>`
    SELECT ${q.columns} FROM ${q.from} WHERE ${q.where} ${after} ORDER BY ${q.idColumn} DESC LIMIT ${limit}`;
}

export async function countRows(db: PrismaClient, from: Prisma.Sql, where: Prisma.Sql): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM ${from} WHERE ${where}`;
  return row?.n ?? 0;
}

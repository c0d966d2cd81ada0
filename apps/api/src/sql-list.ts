// One SQL statement per page: keyset pagination newest-first (id DESC), or by text-search rank then id.
import { channel } from 'node:diagnostics_channel';
import { createPool, prepared, Prisma, type PoolOptions, type PrismaClient } from '@claimgraph/db';
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

/** The statement fetching `page.limit + 1` rows after the cursor. */
export function keysetSql(q: ListQuery, page: Page): Prisma.Sql {
  const limit = page.limit + 1;
  if (q.rank) {
    const after = page.after
      ? Prisma.sql`WHERE (q.rank, q.id) < (${page.after.r ?? 0}::float8, ${page.after.id}::int)`
      : Prisma.empty;
    return Prisma.sql`
      SELECT * FROM (SELECT ${q.columns}, ${q.rank} AS rank FROM ${q.from} WHERE ${q.where}) q
      ${after} ORDER BY q.rank DESC, q.id DESC LIMIT ${limit}::int`;
  }
  const after = page.after ? Prisma.sql`AND ${q.idColumn} < ${page.after.id}::int` : Prisma.empty;
  return Prisma.sql`SELECT ${q.columns} FROM ${q.from} WHERE ${q.where} ${after} ORDER BY ${q.idColumn} DESC LIMIT ${limit}::int`;
}

export async function keysetList<T>(db: PrismaClient, q: ListQuery, page: Page): Promise<T[]> {
  return db.$queryRaw<T[]>(keysetSql(q, page));
}

/**
 * node-postgres without Prisma, for the hottest read statements (the claims page, counts, facets): each SQL text is
 * a named prepared statement (parsed once per connection), rows skip Prisma's query interpreter and result decoding.
 * Timestamps without zone (stored in UTC) are read and written as UTC.
 */
export interface DirectDb {
  rows<T>(q: Prisma.Sql): Promise<T[]>;
  /**
   * A statement whose parameters are only keys (ids, the workspace, fixed bounds), so one plan suits every value:
   * its connections let PostgreSQL keep a generic plan per connection after five runs (its default), where `rows`
   * forces a plan per call for the filters' sake. Planning was most of the claim page statements' time.
   */
  keyed<T>(q: Prisma.Sql): Promise<T[]>;
  end(): Promise<void>;
}

/** Every statement sent through node-postgres is published here (tests count statements with it). */
export const directStatements = channel('claimgraph:direct-sql');

/** Without a database URL (a Prisma client handed in by an embedder) the same statements go through Prisma. */
export function createDirectDb(
  url: string,
  prisma: PrismaClient,
  options: Pick<PoolOptions, 'max' | 'statementTimeoutMs' | 'connectionTimeoutMs' | 'onIdleError'>,
): DirectDb {
  if (!/^postgres(ql)?:\/\//.test(url)) {
    const rows = <T>(q: Prisma.Sql) => prisma.$queryRaw<T[]>(q);
    return { rows, keyed: rows, end: async () => {} };
  }
  const pool = createPool(url, {
    ...options,
    applicationName: 'claimgraph-api-direct',
    customPlans: true,
    utcTimestamps: true,
  });
  const keyedPool = createPool(url, { ...options, applicationName: 'claimgraph-api-keyed', utcTimestamps: true });
  const run = async <T>(on: typeof pool, q: Prisma.Sql): Promise<T[]> => {
    if (directStatements.hasSubscribers) directStatements.publish({ text: q.text });
    const values = q.values.map((v) => (v instanceof Date ? v.toISOString() : v));
    return (await on.query(prepared(q, values))).rows as T[];
  };
  return {
    rows: (q) => run(pool, q),
    keyed: (q) => run(keyedPool, q),
    end: async () => void (await Promise.all([pool.end(), keyedPool.end()])),
  };
}

/** JSON has no dates: an ISO timestamp from row_to_json (no zone, stored in UTC) as a Date. */
export const jsonDate = (v: unknown): unknown =>
  typeof v === 'string' ? new Date(/[Zz]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`) : v;

export async function countRows(db: PrismaClient, from: Prisma.Sql, where: Prisma.Sql): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM ${from} WHERE ${where}`;
  return row?.n ?? 0;
}

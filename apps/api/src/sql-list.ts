// One SQL statement per page: keyset pagination newest-first (id DESC), or by text-search rank then id.
import { createHash } from 'node:crypto';
import { channel } from 'node:diagnostics_channel';
import { Prisma, sessionSettings, type PrismaClient } from '@claimgraph/db';
import pg from 'pg';
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
    const after = page.after ? Prisma.sql`WHERE (q.rank, q.id) < (${page.after.r ?? 0}::float8, ${page.after.id}::int)` : Prisma.empty;
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
  end(): Promise<void>;
}

const utc = (s: string) => new Date(`${s.replace(' ', 'T')}Z`);
const TIMESTAMP = 1114;

/** Every statement sent through node-postgres is published here (tests count statements with it). */
export const directStatements = channel('claimgraph:direct-sql');

/** Without a database URL (a Prisma client handed in by an embedder) the same statements go through Prisma. */
export function createDirectDb(
  url: string,
  prisma: PrismaClient,
  options: { max: number; statementTimeoutMs?: number; connectionTimeoutMs?: number; onIdleError?: (err: Error) => void },
): DirectDb {
  if (!/^postgres(ql)?:\/\//.test(url)) return { rows: <T>(q: Prisma.Sql) => prisma.$queryRaw<T[]>(q), end: async () => {} };
  const pool = new pg.Pool({
    connectionString: url,
    application_name: 'claimgraph-api-direct',
    max: options.max,
    ...(options.connectionTimeoutMs ? { connectionTimeoutMillis: options.connectionTimeoutMs } : {}),
    // Custom plans only: a plan made generic for the first parameters seen can be 25× slower for others (a popular
    // actor's page: 18 ms with its own plan, 480 ms with the generic one at 1M claims).
    ...sessionSettings({ plan_cache_mode: 'force_custom_plan', statement_timeout: options.statementTimeoutMs || undefined }),
    types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === TIMESTAMP ? utc : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser },
  });
  // An idle connection that breaks (a database restart) must not crash the process; the pool opens a new one.
  pool.on('error', (err) => options.onIdleError?.(err));
  return {
    async rows<T>(q: Prisma.Sql): Promise<T[]> {
      const text = q.text;
      if (directStatements.hasSubscribers) directStatements.publish({ text });
      const name = `cg_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
      const values = q.values.map((v) => (v instanceof Date ? v.toISOString() : v));
      return (await pool.query({ name, text, values })).rows as T[];
    },
    end: () => pool.end(),
  };
}

/** JSON has no dates: an ISO timestamp from row_to_json (no zone, stored in UTC) as a Date. */
export const jsonDate = (v: unknown): unknown => (typeof v === 'string' ? new Date(/[Zz]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`) : v);

export async function countRows(db: PrismaClient, from: Prisma.Sql, where: Prisma.Sql): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM ${from} WHERE ${where}`;
  return row?.n ?? 0;
}

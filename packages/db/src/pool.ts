// Every way to reach PostgreSQL without Prisma: one pool factory (with the tuning), one client for a single
// connection, and the prepared-statement naming. Apps and packages use these, never `pg` itself (lint enforces it).
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Sql } from './sql.js';

export type { Client, ClientBase, Pool, PoolClient, QueryConfig, QueryResultRow } from 'pg';

export interface PoolOptions {
  /** Pool size per process. */
  max?: number;
  /** How long a query waits for a free connection when all are in use (ms); then it fails. Default: no limit. */
  connectionTimeoutMs?: number;
  /** Cancels any statement running longer than this (ms); protects the API from runaway queries. */
  statementTimeoutMs?: number;
  /**
   * Custom plans only: a plan made generic for the first parameters seen can be 25× slower for others (a popular
   * actor's page: 18 ms with its own plan, 480 ms with the generic one at 1M claims).
   */
  customPlans?: boolean;
  /** Shown in pg_stat_activity. */
  applicationName?: string;
  /** Read timestamps without zone (stored in UTC) as UTC dates rather than local ones. */
  utcTimestamps?: boolean;
  /** An idle connection broke (a database restart); the pool opens a new one when asked. */
  onIdleError?: (err: Error) => void;
}

/**
 * Pool options that SET each new connection's session settings before the pool hands it out, rather than
 * sending them as the `options` startup parameter, which PgBouncer refuses in every pool mode. A SET holds for
 * the whole connection (session pooling resets it when the client leaves; the next client's connection sets
 * it again). A failed SET ends the connection and fails the query that asked for it.
 */
export function sessionSettings(
  settings: Record<string, string | number | undefined>,
): Pick<pg.PoolConfig, 'onConnect'> {
  const sets = Object.entries(settings)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `SET ${name} = ${pg.escapeLiteral(String(value))}`);
  return sets.length ? { onConnect: async (client) => void (await client.query(sets.join('; '))) } : {};
}

const utc = (s: string) => new Date(`${s.replace(' ', 'T')}Z`);
const TIMESTAMP = 1114;
const utcTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMP ? utc : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** The one node-postgres pool factory: Prisma's pool and the API's direct pool are both made here. */
export function createPool(url: string, options: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    ...(options.applicationName ? { application_name: options.applicationName } : {}),
    ...(options.connectionTimeoutMs ? { connectionTimeoutMillis: options.connectionTimeoutMs } : {}),
    ...(options.utcTimestamps ? { types: utcTypes } : {}),
    ...sessionSettings({
      plan_cache_mode: options.customPlans ? 'force_custom_plan' : undefined,
      statement_timeout: options.statementTimeoutMs || undefined,
    }),
  });
  // Without a listener the pool's 'error' event (an idle connection the server closed) would crash the process.
  pool.on('error', (err) => options.onIdleError?.(err));
  return pool;
}

/** One connection outside any pool (administration, tests); the caller ends it. */
export async function connectClient(
  url: string,
  options: { connectionTimeoutMs?: number; applicationName?: string } = {},
): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: url,
    ...(options.connectionTimeoutMs ? { connectionTimeoutMillis: options.connectionTimeoutMs } : {}),
    // Names the connection in pg_stat_activity.
    ...(options.applicationName ? { application_name: options.applicationName } : {}),
  });
  await client.connect();
  return client;
}

/** Statement text → the name it is prepared under on each connection, so its plan is parsed once per connection. */
const names = new Map<string, string>();
const nameOf = (text: string) => {
  let name = names.get(text);
  if (name === undefined)
    names.set(text, (name = `cg_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`));
  return name;
};

/** A statement as a named prepared statement for node-postgres. */
export function prepared(statement: Sql, values: unknown[] = statement.values): pg.QueryConfig {
  return { name: nameOf(statement.text), text: statement.text, values };
}

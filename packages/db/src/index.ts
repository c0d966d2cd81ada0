import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client.js';

export * from './generated/prisma/client.js';
export { migrate, MigrationError } from './migrate.js';
export { isConnectionError, retryOnConnectionLoss, DEFAULT_CONNECTION_RETRY_MS, type ConnectionRetryOptions } from './retry.js';
export { ensureLocalWorkspace, LOCAL_WORKSPACE_SLUG, LOCAL_OWNER_EMAIL } from './workspace.js';

export interface DbOptions {
  /** Cancels any statement running longer than this (ms); protects the API from runaway queries. */
  statementTimeoutMs?: number;
  /** Pool size per process. */
  max?: number;
  /** How long a query waits for a free connection when all are in use (ms); then it fails. Default: no limit. */
  connectionTimeoutMs?: number;
}

/**
 * Pool options that SET each new connection's session settings before the pool hands it out, rather than
 * sending them as the `options` startup parameter, which PgBouncer refuses in every pool mode. A SET holds for
 * the whole connection (session pooling resets it when the client leaves; the next client's connection sets
 * it again). A failed SET ends the connection and fails the query that asked for it.
 */
export function sessionSettings(settings: Record<string, string | number | undefined>): Pick<pg.PoolConfig, 'onConnect'> {
  const sets = Object.entries(settings)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `SET ${name} = ${pg.escapeLiteral(String(value))}`);
  return sets.length ? { onConnect: async (client) => void (await client.query(sets.join('; '))) } : {};
}

/** Where a client keeps its pool: a property, so that `$extends` clients (which forward to their base) find it too. */
const POOL = Symbol.for('claimgraph.pgPool');

/** A Prisma client over node-postgres. One per process; call `$disconnect()` on shutdown (it ends the pool too). */
export function createPrisma(url: string, options: DbOptions = {}): PrismaClient {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    ...(options.connectionTimeoutMs ? { connectionTimeoutMillis: options.connectionTimeoutMs } : {}),
    ...sessionSettings({ statement_timeout: options.statementTimeoutMs || undefined }),
  });
  // An idle connection the server closed (restart, dropped database) is discarded by the pool; the
  // next query opens a new one. Without a listener the pool's 'error' event would crash the process.
  pool.on('error', () => {});
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  Object.defineProperty(client, POOL, { value: pool });
  return client;
}

/**
 * The node-postgres pool under a client made by `createPrisma`, for the few hot paths that talk SQL
 * to a connection of their own (ingestion's write transaction).
 */
export function poolOf(db: PrismaClient): pg.Pool {
  const pool = (db as unknown as { [POOL]?: pg.Pool })[POOL];
  if (!pool) throw new Error('This Prisma client was not made by createPrisma; its connection pool is unknown.');
  return pool;
}

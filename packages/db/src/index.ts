import { PrismaPg } from '@prisma/adapter-pg';
import { createPool, type Pool, type PoolOptions } from './pool.js';
import { PrismaClient } from './generated/prisma/client.js';

export * from './generated/prisma/client.js';
export * from './pool.js';
export * from './sql.js';
export { migrate, MigrationError } from './migrate.js';
export {
  isConnectionError,
  retryOnConnectionLoss,
  DEFAULT_CONNECTION_RETRY_MS,
  type ConnectionRetryOptions,
} from './retry.js';
export { ensureLocalWorkspace, LOCAL_WORKSPACE_SLUG, LOCAL_OWNER_EMAIL } from './workspace.js';

export type DbOptions = Pick<PoolOptions, 'statementTimeoutMs' | 'max' | 'connectionTimeoutMs'>;

/** Where a client keeps its pool: a property, so that `$extends` clients (which forward to their base) find it too. */
const POOL = Symbol.for('claimgraph.pgPool');

/** A Prisma client over node-postgres. One per process; call `$disconnect()` on shutdown (it ends the pool too). */
export function createPrisma(url: string, options: DbOptions = {}): PrismaClient {
  // An idle connection the server closed (restart, dropped database) is discarded by the pool; the next query opens a new one.
  const pool = createPool(url, options);
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  Object.defineProperty(client, POOL, { value: pool });
  return client;
}

/**
 * The node-postgres pool under a client made by `createPrisma`, for the few hot paths that talk SQL
 * to a connection of their own (ingestion's write transaction).
 */
export function poolOf(db: PrismaClient): Pool {
  const pool = (db as unknown as { [POOL]?: Pool })[POOL];
  if (!pool) throw new Error('This Prisma client was not made by createPrisma; its connection pool is unknown.');
  return pool;
}
export { RESEARCH_TABLES } from './tables.js';

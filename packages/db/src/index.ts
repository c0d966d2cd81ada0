import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.js';

export * from './generated/prisma/client.js';
export { migrate, MigrationError } from './migrate.js';
export { ensureLocalWorkspace, LOCAL_WORKSPACE_SLUG, LOCAL_OWNER_EMAIL } from './workspace.js';

export interface DbOptions {
  /** Cancels any statement running longer than this (ms); protects the API from runaway queries. */
  statementTimeoutMs?: number;
  /** Pool size per process. */
  max?: number;
}

/** A Prisma client over node-postgres. One per process; call `$disconnect()` on shutdown. */
export function createPrisma(url: string, options: DbOptions = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: url,
    max: options.max ?? 10,
    ...(options.statementTimeoutMs ? { options: `-c statement_timeout=${options.statementTimeoutMs}` } : {}),
  });
  return new PrismaClient({ adapter });
}

import type { PrismaClient } from '@claimgraph/db';
import { VERSION } from '../../version.js';

/** Whether the database answers, and this build's version: GET /health and Query.health both answer this. */
export async function healthStatus(db: PrismaClient) {
  const database = await db.$queryRaw`SELECT 1`.then(
    () => true,
    () => false,
  );
  return { ok: database, database, version: VERSION };
}

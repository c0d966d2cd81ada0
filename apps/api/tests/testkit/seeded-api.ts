// The API over real HTTP on a fresh database that `seed` fills first (through @claimgraph/ingest, as a real start does).
import { createPrisma, ensureLocalWorkspace, type PrismaClient } from '@claimgraph/db';
import { createTestDatabase } from '@claimgraph/db/testing';
import { startApi } from '../../src/index.js';

export interface SeededApi {
  url: string;
  /** The database's URL (for a second API process on it). */
  databaseUrl: string;
  db: PrismaClient;
  workspaceId: number;
  stop(): Promise<void>;
}

export async function startSeededApi(
  seed: (db: PrismaClient, workspaceId: number) => Promise<void>,
): Promise<SeededApi> {
  const database = await createTestDatabase();
  const db = createPrisma(database.url);
  const { workspaceId } = await ensureLocalWorkspace(db);
  await seed(db, workspaceId);
  const api = await startApi({ databaseUrl: database.url, port: 0, logLevel: 'silent', db });
  return {
    url: api.url,
    databaseUrl: database.url,
    db,
    workspaceId,
    stop: async () => {
      await api.stop();
      await db.$disconnect();
      await database.drop();
    },
  };
}

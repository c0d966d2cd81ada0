// Starts the API over real HTTP on a free port against a fresh, seeded database; counts SQL statements.
import { createPrisma, type PrismaClient } from '@claimgraph/db';
import { createTestDatabase } from '@claimgraph/db/testing';
import { startApi, type StartApiOptions } from '../../src/index.js';
import { seedScenario, type Scenario } from './scenario.js';

export interface TestApi {
  url: string;
  base: string;
  scenario: Scenario;
  /** Statements sent to Postgres since the last reset. */
  statements: { count: number; reset(): void };
  db: PrismaClient;
  stop(): Promise<void>;
}

export async function startTestApi(options: Partial<StartApiOptions> = {}): Promise<TestApi> {
  const database = await createTestDatabase();
  const raw = createPrisma(database.url, { statementTimeoutMs: 5000 });
  const scenario = await seedScenario(raw);
  const statements = {
    count: 0,
    reset() {
      this.count = 0;
    },
  };
  const counted = raw.$extends({
    query: {
      async $allOperations({ args, query }) {
        statements.count++;
        return query(args);
      },
    },
  }) as unknown as PrismaClient;
  const api = await startApi({ databaseUrl: database.url, port: 0, logLevel: 'silent', db: counted, ...options });
  return {
    url: api.url,
    base: api.url.replace(/\/graphql$/, ''),
    scenario,
    statements,
    db: raw,
    stop: async () => {
      await api.stop();
      await raw.$disconnect();
      await database.drop();
    },
  };
}

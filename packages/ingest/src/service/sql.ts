// The write path speaks SQL to one connection. Ingestion's own transactions run on a bare
// node-postgres client: under the workspace lock, the ORM's handling of each statement cost about as
// much as many of the statements themselves. Callers that already hold a Prisma transaction
// (re-extraction, the registry import) pass it through `prismaTx`.
import { createHash } from 'node:crypto';
import type { Prisma, PrismaClient } from '@claimgraph/db';
import type pg from 'pg';
import type { Sql } from 'sql-template-tag';

export { default as sql } from 'sql-template-tag';

/** One connection inside a transaction: run a statement, get its rows. */
export interface Tx {
  query<T>(statement: Sql): Promise<T[]>;
  /** Told each time the transaction took advisory locks, with how long it waited for them (ms). */
  locked?: (waitedMs: number) => void;
}

/** Statement text → the name it is prepared under on each connection, so its plan is reused. */
const names = new Map<string, string>();
const nameOf = (text: string) => {
  let name = names.get(text);
  if (name === undefined) names.set(text, (name = `cg${createHash('sha1').update(text).digest('hex').slice(0, 16)}`));
  return name;
};

export const pgTx = (client: pg.ClientBase | pg.Pool): Tx => ({
  query: async <T>(s: Sql) => (await client.query({ name: nameOf(s.text), text: s.text, values: s.values })).rows as T[],
});

export const prismaTx = (tx: Prisma.TransactionClient | PrismaClient): Tx => ({
  query: <T>(s: Sql) => tx.$queryRawUnsafe<T[]>(s.text, ...s.values),
});

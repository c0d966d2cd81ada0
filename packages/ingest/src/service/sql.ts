// The write path speaks SQL to one connection. Ingestion's own transactions run on a bare
// node-postgres client: under the workspace lock, the ORM's handling of each statement cost about as
// much as many of the statements themselves. Callers that already hold a Prisma transaction
// (re-extraction, the registry import) pass it through `prismaTx`. The tag and the statement naming are
// @claimgraph/db's, as everywhere else.
import { prepared, type ClientBase, type Pool, type Prisma, type PrismaClient, type Sql } from '@claimgraph/db';

export { sql } from '@claimgraph/db';

/** One connection inside a transaction: run a statement, get its rows. */
export interface Tx {
  query<T>(statement: Sql): Promise<T[]>;
  /** Told each time the transaction took advisory locks, with how long it waited for them (ms). */
  locked?: (waitedMs: number) => void;
  /** Present when the natural keys are deferred to the transaction's end (locks.ts): the keys noted so far. */
  deferred?: { keys: { key: bigint; exclusive: boolean; rank: 0 | 1 | 2; snapshot: string }[] };
  /**
   * Present when the transaction can send a last statement with its COMMIT, in one round trip (what is locked there is
   * held inside the server only): set `text` (literals only); its first row is in `row` after the commit.
   */
  atCommit?: { text: string | null; row?: unknown };
}

export const pgTx = (client: ClientBase | Pool): Tx => ({
  query: async <T>(s: Sql) => (await client.query(prepared(s))).rows as T[],
});

export const prismaTx = (tx: Prisma.TransactionClient | PrismaClient): Tx => ({
  query: <T>(s: Sql) => tx.$queryRawUnsafe<T[]>(s.text, ...s.values),
});

// One write transaction on a bare connection of the pool, retried whole through a lost connection or a deadlock.
import { poolOf, retryOnConnectionLoss, type PrismaClient } from '@claimgraph/db';
import { isKeysChanged, settleStatement, type DeferredKeys } from './locks.js';
import { pgTx } from './sql.js';
import type { Tx } from './types.js';

export interface TransactionOptions {
  /** Tests: awaited before each statement of the transaction, the COMMIT's round trip included (to pause it there). */
  beforeStatement?: () => Promise<void>;
  /** Longest any statement, a lock wait included, and any pause between statements may take (ms). Default 180 s. */
  timeoutMs?: number;
  /** How long a lost or refused connection is retried (ms). Default 30 s. */
  retryMs?: number;
  onRetry?: (err: unknown, attempt: number) => void;
  /**
   * Defer the natural keys (locks.ts) to the end of the first attempt: its reads and writes hold nothing, and it
   * runs again, taking its keys at once, when a conflicting writer committed after it read. Default: at once.
   */
  deferKeys?: boolean;
}

/** A transaction's value, how long it held advisory locks (from the first taken until its commit, ms) and waited for them. */
export interface Committed<T> {
  value: T;
  lockMs: number;
  lockWaitMs: number;
}

const RETRY_ATTEMPTS = 5;

const isDeadlock = (err: unknown) => (err as { code?: string } | null)?.code === '40P01';
/** A link job's write found claims it read changed since (claimgraph_link_write): it runs again, reading afresh. */
const isLinkChanged = (err: unknown) => (err as { code?: string } | null)?.code === 'CGL01';

export const retryOf = (options: TransactionOptions) => ({
  ...(options.retryMs !== undefined ? { maxMs: options.retryMs } : {}),
  ...(options.onRetry ? { onRetry: options.onRetry } : {}),
});

/**
 * Runs `fn` in one transaction on a connection of its own; any error rolls everything back. A
 * transaction the connection loss rolled back is run again whole, and so is one PostgreSQL chose as a
 * deadlock's victim (writers take their advisory locks in one order, but unique-index waits between
 * them are not ordered) and one whose optimistic write found what it read changed (CGK01, CGL01): that one runs
 * again taking its locks before it reads, so it cannot be overtaken a second time.
 */
export async function transaction<T>(
  db: PrismaClient,
  options: TransactionOptions,
  fn: (tx: Tx) => Promise<T>,
): Promise<Committed<T>> {
  let defer = options.deferKeys ?? false;
  for (let attempt = 1; ; attempt++) {
    try {
      return await retryOnConnectionLoss(() => transactionOnce(db, options, defer, fn), retryOf(options));
    } catch (err) {
      const changed = isKeysChanged(err) || isLinkChanged(err);
      if (!(isDeadlock(err) || changed) || attempt >= RETRY_ATTEMPTS) throw err;
      // What it read changed under it once: it takes its locks at once now, so it cannot be overtaken again.
      if (changed) defer = false;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
    }
  }
}

async function transactionOnce<T>(
  db: PrismaClient,
  options: TransactionOptions,
  defer: boolean,
  fn: (tx: Tx) => Promise<T>,
): Promise<Committed<T>> {
  const client = await poolOf(db).connect();
  const timeout = Math.max(1, Math.round(options.timeoutMs ?? 180_000));
  // The server may end the session while we hold it (the idle timeout, a restart): the client then
  // emits 'error', which would crash the process unheard, and its next query fails vaguely.
  let lost: Error | undefined;
  const onError = (err: Error) => (lost ??= err);
  client.on('error', onError);
  let lockedAt: number | null = null;
  let lockWaitMs = 0;
  try {
    // One round trip (the simple protocol runs several statements; the values are integers).
    await client.query(
      `BEGIN; SET LOCAL statement_timeout = ${timeout}; SET LOCAL idle_in_transaction_session_timeout = ${timeout}`,
    );
    const deferred: DeferredKeys | undefined = defer ? { keys: [] } : undefined;
    const atCommit: NonNullable<Tx['atCommit']> = { text: null };
    const plain = pgTx(client);
    const pause = options.beforeStatement;
    const tx: Tx = {
      query: pause ? async (s) => (await pause(), plain.query(s)) : plain.query,
      atCommit,
      locked: (waited) => {
        lockedAt ??= performance.now();
        lockWaitMs += waited;
      },
      ...(deferred ? { deferred } : {}),
    };
    const value = await fn(tx);
    // A deferred writer takes its keys, and a link job its cluster lock, with the commit (one round trip): held from that
    // statement to the commit's reply, a wait included.
    const last = [deferred && settleStatement(deferred), atCommit.text].filter((t): t is string => !!t);
    await pause?.();
    if (last.length) lockedAt ??= performance.now();
    const replies = (await client.query([...last, 'COMMIT'].join('; '))) as unknown as { rows: unknown[] }[];
    if (atCommit.text) atCommit.row = replies[replies.length - 2]!.rows[0];
    return { value, lockMs: lockedAt === null ? 0 : performance.now() - lockedAt, lockWaitMs };
  } catch (err) {
    if (!lost) await client.query('ROLLBACK').catch(onError);
    // The cause is why the session ended: a restart is retried, an idle timeout is not.
    throw lost
      ? new Error(`The database ended the ingest transaction (${lost.message}); nothing was stored.`, { cause: lost })
      : err;
  } finally {
    client.off('error', onError);
    client.release(lost);
  }
}

// One write transaction on a bare connection of the pool, retried whole through a lost connection or a deadlock.
import { poolOf, retryOnConnectionLoss, type PrismaClient } from '@claimgraph/db';
import { isKeysChanged, settleStatement, type DeferredKeys } from './locks.js';
import { pgTx } from './sql.js';
import type { Tx } from './types.js';

export interface TransactionOptions {
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

/**
 * Thrown inside a transaction that found, under its lock, that rows it read before the lock were changed by a
 * transaction that committed meanwhile: everything is rolled back and the transaction runs again, reading afresh.
 */
export class ReadChanged extends Error {}

const isDeadlock = (err: unknown) => (err as { code?: string } | null)?.code === '40P01';

export const retryOf = (options: TransactionOptions) => ({
  ...(options.retryMs !== undefined ? { maxMs: options.retryMs } : {}),
  ...(options.onRetry ? { onRetry: options.onRetry } : {}),
});

/**
 * Runs `fn` in one transaction on a connection of its own; any error rolls everything back. A
 * transaction the connection loss rolled back is run again whole, and so is one PostgreSQL chose as a
 * deadlock's victim (writers take their advisory locks in one order, but unique-index waits between
 * them are not ordered) and one that threw ReadChanged.
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
      const changed = isKeysChanged(err);
      if (!(isDeadlock(err) || changed || err instanceof ReadChanged) || attempt >= RETRY_ATTEMPTS) throw err;
      // Its keys changed under it once: it takes them at once now, so it cannot be overtaken again.
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
    const tx: Tx = {
      ...pgTx(client),
      locked: (waited) => {
        lockedAt ??= performance.now();
        lockWaitMs += waited;
      },
      ...(deferred ? { deferred } : {}),
    };
    const value = await fn(tx);
    // A deferred writer takes its keys with the commit (one round trip): held from that statement to the commit's
    // reply, a wait for a row included.
    const settle = deferred && settleStatement(deferred);
    if (settle) lockedAt ??= performance.now();
    await client.query(settle ? `${settle}; COMMIT` : 'COMMIT');
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

// Riding out a database blip (a restart, a failover, a dropped connection): connection-level failures
// are retried with backoff for a bounded time; every other error is final at once.
import pRetry from 'p-retry';

/** SQLSTATEs that mean "the connection or the server went away", not "the statement is wrong". */
const CONNECTION_SQLSTATES = new Set([
  '57P01', // admin_shutdown (a restart, pg_terminate_backend)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now ("the database system is starting up / shutting down")
  '08000',
  '08001',
  '08003',
  '08004',
  '08006', // connection_exception and its subclasses
  '53300', // too_many_connections (a restart storm)
]);

const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

// node-postgres says these in plain messages, without a code.
const CONNECTION_MESSAGES =
  /Connection terminated|connection error and is not queryable|Client was closed and is not queryable|timeout exceeded when trying to connect|the database system is (shutting down|starting up|in recovery mode)/i;

/**
 * Whether `err` (or any error in its `cause` chain or an AggregateError's list) is a lost or refused
 * connection, which a new connection a moment later may not see.
 */
export function isConnectionError(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 5) return false;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (CONNECTION_SQLSTATES.has(e.code) || SOCKET_CODES.has(e.code))) return true;
  if (typeof e.message === 'string' && CONNECTION_MESSAGES.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((x) => isConnectionError(x, depth + 1))) return true;
  return isConnectionError(e.cause, depth + 1);
}

export interface ConnectionRetryOptions {
  /** How long to keep retrying after the first failure (ms); 0 disables retries. Default 30 s. */
  maxMs?: number;
  /** Told about each failed attempt that will be retried (logs, tests). */
  onRetry?: (err: unknown, attempt: number) => void;
}

/** The default retry window; INGEST_DB_RETRY_SECONDS sets it for the CLI, worker and API. */
export const DEFAULT_CONNECTION_RETRY_MS = 30_000;

/**
 * Runs `fn`, and runs it again while it fails on a lost connection, backing off from 100 ms to 2 s,
 * until `maxMs` has passed; then (or on any other error) the last error is thrown. `fn` must be safe
 * to repeat: a whole transaction, or a read.
 */
export async function retryOnConnectionLoss<T>(fn: () => Promise<T>, options: ConnectionRetryOptions = {}): Promise<T> {
  const maxMs = options.maxMs ?? DEFAULT_CONNECTION_RETRY_MS;
  if (maxMs <= 0) return fn();
  return pRetry(fn, {
    retries: Number.POSITIVE_INFINITY,
    maxRetryTime: maxMs,
    minTimeout: 100,
    maxTimeout: 2_000,
    factor: 2,
    randomize: true,
    shouldRetry: ({ error }) => isConnectionError(error),
    onFailedAttempt: ({ error, attemptNumber }) => {
      if (isConnectionError(error)) options.onRetry?.(error, attemptNumber);
    },
  });
}

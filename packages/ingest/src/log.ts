import { pino, type Logger } from 'pino';

/** Structured logs to stderr (stdout stays free for CLI output). */
export function createLogger(level = 'info', name = 'claimgraph-ingest'): Logger {
  return pino({ name, level }, pino.destination(2));
}
export type { Logger };

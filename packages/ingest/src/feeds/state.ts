// When a feed is polled next: its interval with jitter after a good poll; after failures, a backoff
// that doubles with each one (and honours Retry-After), capped at a day.
import type { CollectError } from '@claimgraph/collect';

export const DEFAULT_INTERVAL_MINUTES = 15;
export const MIN_INTERVAL_MINUTES = 5;
export const MAX_INTERVAL_MINUTES = 7 * 24 * 60;
const MAX_BACKOFF_MS = 24 * 3_600_000;
/** ±10 %: feeds added together do not stay in lockstep against the same hosts. */
const JITTER = 0.1;

const jitter = (ms: number, random: () => number) => Math.round(ms * (1 - JITTER + 2 * JITTER * random()));

export function nextAfterSuccess(intervalMinutes: number, now = Date.now(), random = Math.random): Date {
  return new Date(now + jitter(intervalMinutes * 60_000, random));
}

/** `failures` counts this one too (1 after the first failure). */
export function nextAfterFailure(
  intervalMinutes: number,
  failures: number,
  error: CollectError | null,
  now = Date.now(),
  random = Math.random,
): Date {
  const backoff = Math.min(MAX_BACKOFF_MS, intervalMinutes * 60_000 * 2 ** Math.min(failures - 1, 16));
  const retryAfter = (error?.http?.retryAfterSeconds ?? 0) * 1000;
  return new Date(now + Math.max(jitter(backoff, random), Math.min(retryAfter, MAX_BACKOFF_MS)));
}

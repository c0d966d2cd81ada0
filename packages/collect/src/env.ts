// The fetcher's settings from the environment (API, worker and CLI read the same variables).
import { DEFAULT_USER_AGENT, type FetcherOptions } from './fetch.js';
import { parseAllowedRanges } from './guard.js';

/** The whole-number variables and their ranges. */
const WHOLE = {
  FETCH_TIMEOUT_MS: [1_000, 300_000],
  FETCH_MAX_BYTES: [64 * 1024, 100 * 1024 * 1024],
  FETCH_MIN_DELAY_MS: [0, 600_000],
} as const;

const whole = (env: Record<string, string | undefined>, name: keyof typeof WHOLE): number | undefined => {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const [min, max] = WHOLE[name];
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max} (it is "${raw}").`);
  return n;
};

/**
 * FETCH_ALLOWED_PRIVATE_RANGES (CIDR list; default none), FETCH_USER_AGENT, FETCH_MIN_DELAY_MS (per host),
 * FETCH_TIMEOUT_MS, FETCH_MAX_BYTES. A bad value throws one sentence naming the variable.
 */
export function fetcherOptionsFromEnv(env: Record<string, string | undefined> = process.env): FetcherOptions {
  const timeoutMs = whole(env, 'FETCH_TIMEOUT_MS');
  const maxBytes = whole(env, 'FETCH_MAX_BYTES');
  const minDelayMs = whole(env, 'FETCH_MIN_DELAY_MS');
  let allowedRanges;
  try {
    allowedRanges = parseAllowedRanges(env['FETCH_ALLOWED_PRIVATE_RANGES']);
  } catch (err) {
    throw new Error(`FETCH_ALLOWED_PRIVATE_RANGES: ${(err as Error).message}`);
  }
  return {
    userAgent: env['FETCH_USER_AGENT']?.trim() || DEFAULT_USER_AGENT,
    allowedRanges,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(maxBytes !== undefined ? { maxBytes } : {}),
    ...(minDelayMs !== undefined ? { minDelayMs } : {}),
  };
}

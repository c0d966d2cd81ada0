// The API's configuration: read from the environment once, validated, every bad value in one message.
import { ModeConfigError, readModeEnv, type ModeConfig } from '@claimgraph/auth';
import { parseAllowedHosts, urlHost } from '@claimgraph/shared';
import { fetcherOptionsFromEnv } from '@claimgraph/ingest/feeds';
import { z } from 'zod';
import { compileTrustProxy } from './http/client.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const ApiEnvModel = z.object({
  DATABASE_URL: z
    .string({ error: 'is required, e.g. postgres://user:pass@127.0.0.1:5432/claimgraph' })
    .min(1, 'is required, e.g. postgres://user:pass@127.0.0.1:5432/claimgraph'),
  API_PORT: z.coerce.number({ error: 'must be a port number (0–65535)' }).int().min(0).max(65535).default(4000),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  GRAPHQL_INTROSPECTION: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_ORIGIN: z.string().default('http://127.0.0.1:3000,http://localhost:3000'),
  API_STATEMENT_TIMEOUT_MS: z.coerce.number({ error: 'must be milliseconds (≥ 100)' }).int().min(100).default(15000),
  API_MAX_BODY_BYTES: z.coerce
    .number({ error: 'must be a byte count (≥ 1024)' })
    .int()
    .min(1024)
    .default(2 * 1024 * 1024),
  API_DB_POOL: z.coerce.number({ error: 'must be a number of connections (1–200)' }).int().min(1).max(200).default(10),
  API_DB_POOL_WAIT_MS: z.coerce.number({ error: 'must be milliseconds (≥ 100)' }).int().min(100).default(5000),
  /**
   * Proxies whose X-Forwarded-For/-Proto count (login rate limits, Secure cookies): addresses, CIDR ranges or
   * loopback/linklocal/uniquelocal, comma-separated. Empty: none, the socket peer is the client.
   */
  API_TRUST_PROXY: z
    .string()
    .default('')
    .superRefine((v, ctx) => {
      try {
        compileTrustProxy(v);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
      }
    }),
  /** Host names the API answers to besides loopback, API_HOST and PUBLIC_API_URL's host (comma-separated, or *). */
  ALLOWED_HOSTS: z.string().default(''),
});

/** Plus `access`: CLAIMGRAPH_MODE, SESSION_SECRET (and API_HOST, PUBLIC_API_URL) validated together by @claimgraph/auth. */
export type ApiEnv = z.infer<typeof ApiEnvModel> & { access: ModeConfig; PUBLIC_API_URL: string | undefined };

/** Parses `source` (default: process.env); throws one Error listing every bad variable. */
export function readEnv(source: Record<string, string | undefined> = process.env): ApiEnv {
  const result = ApiEnvModel.safeParse(source);
  const lines = result.success ? [] : result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
  let access: ModeConfig | undefined;
  try {
    access = readModeEnv(source);
  } catch (err) {
    if (!(err instanceof ModeConfigError)) throw err;
    lines.push(...err.problems.map((p) => `  ${p}`));
  }
  try {
    parseAllowedHosts(source.ALLOWED_HOSTS, [source.API_HOST, urlHost(source.PUBLIC_API_URL)]);
  } catch (err) {
    lines.push(`  ${(err as Error).message}`);
  }
  // The fetcher's FETCH_* variables (fetchArticleUrl reads them when first used): refused here, at start-up.
  try {
    fetcherOptionsFromEnv(source);
  } catch (err) {
    lines.push(`  ${(err as Error).message}`);
  }
  if (result.success && access && lines.length === 0)
    return { ...result.data, access, PUBLIC_API_URL: source.PUBLIC_API_URL };
  throw new Error(`Claimgraph API configuration is invalid:\n${lines.join('\n')}`);
}

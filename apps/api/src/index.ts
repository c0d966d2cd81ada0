// Public entry of @claimgraph/api: start the API in-process (the web's e2e tests and `npm start` use this).
import { createServer, type ViewerResolver } from './server.js';
import type { Limits } from './safety.js';
import type { PrismaClient } from '@claimgraph/db';
import type { ModeConfig } from '@claimgraph/auth';

export interface StartApiOptions {
  databaseUrl: string;
  /** 0 picks a free port. Default 4000. */
  port?: number;
  host?: string;
  mode?: 'local' | 'team';
  introspection?: boolean;
  /** Origins allowed by CORS. Default http://127.0.0.1:3000 and http://localhost:3000. */
  webOrigins?: string[];
  statementTimeoutMs?: number;
  maxBodyBytes?: number;
  dbPool?: number;
  /** API_DB_POOL_WAIT_MS: how long a request waits for a free connection before DATABASE_BUSY. Default 5000. */
  dbPoolWaitMs?: number;
  logLevel?: string;
  limits?: Partial<Limits>;
  db?: PrismaClient;
  /** Who is asking; default: local mode's implicit owner (ADMIN of the 'local' workspace). */
  resolveViewer?: ViewerResolver;
  /** Team mode's session secret and cookie settings (readModeEnv()); default: loopback development key. */
  access?: ModeConfig;
  /** API_TRUST_PROXY: proxies whose X-Forwarded-For/-Proto count (addresses, CIDRs, loopback/uniquelocal…). Default: none. */
  trustProxy?: string;
  /** ALLOWED_HOSTS: host names answered besides loopback, `host` and `publicUrl`'s host. */
  allowedHosts?: string;
  /** PUBLIC_API_URL. */
  publicUrl?: string;
  /** How often ended sessions and rate-limit windows are deleted. Default 10 minutes. */
  housekeepingMs?: number;
}

export interface RunningApi {
  /** e.g. http://127.0.0.1:4000/graphql */
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startApi(options: StartApiOptions): Promise<RunningApi> {
  const server = await createServer({
    databaseUrl: options.databaseUrl,
    port: options.port ?? 4000,
    host: options.host ?? '127.0.0.1',
    mode: options.mode ?? 'local',
    introspection: options.introspection ?? true,
    webOrigins: options.webOrigins ?? ['http://127.0.0.1:3000', 'http://localhost:3000'],
    statementTimeoutMs: options.statementTimeoutMs ?? 15000,
    maxBodyBytes: options.maxBodyBytes ?? 2 * 1024 * 1024 + 64 * 1024,
    dbPool: options.dbPool ?? 10,
    ...(options.dbPoolWaitMs ? { dbPoolWaitMs: options.dbPoolWaitMs } : {}),
    logLevel: options.logLevel ?? 'warn',
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.db ? { db: options.db } : {}),
    ...(options.resolveViewer ? { resolveViewer: options.resolveViewer } : {}),
    ...(options.access ? { access: options.access } : {}),
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
    ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    ...(options.housekeepingMs ? { housekeepingMs: options.housekeepingMs } : {}),
  });
  return { url: server.url, port: server.port, stop: server.stop };
}

export { printedSchema, buildSchema } from './schema.js';
export { EXAMPLES } from './examples.js';
export type { ViewerResolver } from './server.js';
export type { Viewer, Action } from './auth.js';
export { assertCan } from './auth.js';
export * as errors from './errors.js';

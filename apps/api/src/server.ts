// The API process: its database pools, Apollo, the viewer of each request and housekeeping, behind a node:http
// server whose requests http/router.ts answers (http/cors.ts, http/body.ts; /auth in http/auth-routes.ts).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  AuthError,
  purgeEndedCredentials,
  purgeExpiredSessions,
  purgeRateLimits,
  validateModeConfig,
  type ModeConfig,
} from '@claimgraph/auth';
import { createPrisma, ensureLocalWorkspace, type PrismaClient } from '@claimgraph/db';
import { parseAllowedHosts, urlHost } from '@claimgraph/shared';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { createViewerResolver, type ViewerResolver } from './auth.js';
import { createLoaders, type Context } from './context.js';
import { DatabaseBusyError, DatabaseTimeoutError } from './errors.js';
import { holdExtractPool } from './extract-pool.js';
import { watchLabels } from './modules/sources/filter-sql.js';
import { lazyQueue } from './modules/ingest/port.js';
import { createLogger, type Logger } from './logger.js';
import { compileTrustProxy } from './http/client.js';
import { createRouter } from './http/router.js';
import { csrfPlugin } from './modules/access/csrf.js';
import { DEFAULT_LIMITS, limitsPlugin, type Limits } from './safety.js';
import { buildSchema } from './schema.js';
import { createDirectDb } from './sql-list.js';
import { DEFAULT_COUNT_LIMITS, type ClaimCountLimits } from './modules/claims/service.js';

export interface ServerOptions {
  databaseUrl: string;
  port: number;
  host: string;
  /** 'local': every request is the local workspace's implicit owner. 'team' arrives with sessions and tokens. */
  mode: 'local' | 'team';
  introspection: boolean;
  webOrigins: string[];
  statementTimeoutMs: number;
  maxBodyBytes: number;
  dbPool: number;
  /** How long a request waits for a free database connection before DATABASE_BUSY (ms). */
  dbPoolWaitMs?: number;
  logLevel: string;
  limits?: Partial<Limits>;
  /** Use this client instead of creating one (tests count its statements). */
  db?: PrismaClient;
  /** Who is asking. Default: the local workspace's implicit owner. Team mode passes sessions/tokens here. */
  resolveViewer?: ViewerResolver;
  /** Team mode's session secret and cookie settings (from readModeEnv); default: the loopback development key. */
  access?: ModeConfig;
  /**
   * API_TRUST_PROXY: the reverse proxies (addresses, CIDRs, loopback/linklocal/uniquelocal; comma-separated) whose
   * X-Forwarded-For and X-Forwarded-Proto count. Default: none.
   */
  trustProxy?: string;
  /** ALLOWED_HOSTS: host names answered besides loopback, `host` and `publicUrl`'s host (comma-separated, or *). */
  allowedHosts?: string;
  /** PUBLIC_API_URL, the API as browsers see it: its host name is answered too. */
  publicUrl?: string;
  /** How often ended sessions and rate-limit windows are deleted (default 10 minutes). */
  housekeepingMs?: number;
  /** Exact-count limit and facet sample of claim lists (tests lower them). */
  countLimits?: Partial<ClaimCountLimits>;
}

export type { ViewerResolver };

/** Apollo's own request-level codes that are safe to pass through unmasked. */
const PASS_THROUGH = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

function causedBy(err: unknown, test: (e: { message?: string; code?: string }) => boolean): boolean {
  for (
    let e = err as { message?: string; cause?: unknown; code?: string } | undefined, i = 0;
    e && i < 5;
    e = e.cause as typeof e, i++
  ) {
    if (test(e)) return true;
  }
  return false;
}
const isStatementTimeout = (err: unknown) =>
  causedBy(err, (e) => e.code === '57014' || /statement timeout|canceling statement/i.test(e.message ?? ''));
/** node-postgres' pool gave up waiting for a free connection (connectionTimeoutMillis). */
const isPoolTimeout = (err: unknown) =>
  causedBy(err, (e) => /timeout exceeded when trying to connect/i.test(e.message ?? ''));

/** Masks everything that is not one of our coded errors or Apollo's request errors; logs the original. */
export function formatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code;
    if (original instanceof AuthError)
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: original.code },
      };
    if (
      original instanceof GraphQLError &&
      typeof original.extensions.code === 'string' &&
      original.extensions.code !== 'INTERNAL_SERVER_ERROR'
    ) {
      const { http: _http, ...extensions } = original.extensions as Record<string, unknown>;
      return { message: original.message, locations: formatted.locations, path: formatted.path, extensions };
    }
    if (typeof code === 'string' && PASS_THROUGH.has(code)) return formatted;
    if (isStatementTimeout(original)) {
      const t = new DatabaseTimeoutError();
      return { message: t.message, path: formatted.path, extensions: { code: 'DATABASE_TIMEOUT' } };
    }
    if (isPoolTimeout(original)) {
      const t = new DatabaseBusyError();
      return { message: t.message, path: formatted.path, extensions: { code: 'DATABASE_BUSY' } };
    }
    log.error({ err: original, path: formatted.path }, 'unexpected error');
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

export async function createServer(options: ServerOptions) {
  const log = createLogger(options.logLevel);
  const ownsDb = !options.db;
  const connectionTimeoutMs = options.dbPoolWaitMs ?? 5000;
  const db =
    options.db ??
    createPrisma(options.databaseUrl, {
      statementTimeoutMs: options.statementTimeoutMs,
      max: options.dbPool,
      connectionTimeoutMs,
    });
  const direct = createDirectDb(options.databaseUrl, db, {
    max: options.dbPool,
    statementTimeoutMs: options.statementTimeoutMs,
    connectionTimeoutMs,
    onIdleError: (err) => log.warn({ err }, 'idle database connection lost'),
  });
  // Label writes through any API process reach this one's label spellings copy (see modules/sources/filter-sql.ts).
  const labels = watchLabels(options.databaseUrl, (err) =>
    log.warn({ err }, 'label change listener down; label spellings are read afresh until it reconnects'),
  );
  const countLimits = { ...DEFAULT_COUNT_LIMITS, ...options.countLimits };
  // Checked before anything listens: a bad list stops the start with the entry it names.
  const trustProxy = compileTrustProxy(options.trustProxy);
  const allowedHosts = parseAllowedHosts(options.allowedHosts, [options.host, urlHost(options.publicUrl)]);
  // Local mode's passwordless owner exists only where local mode runs: in team mode nobody may become it.
  const local = options.mode === 'local' || options.resolveViewer ? await ensureLocalWorkspace(db) : null;
  const access =
    options.access ?? validateModeConfig({ mode: options.mode, host: options.host, sessionSecret: undefined });
  const resolveViewer = createViewerResolver({
    db,
    mode: options.mode,
    access,
    local,
    resolveViewer: options.resolveViewer,
  });

  const queue = lazyQueue(options.databaseUrl);
  const releaseExtractPool = holdExtractPool();
  const httpServer = http.createServer();
  const apollo = new ApolloServer<BaseContext>({
    schema: buildSchema(),
    introspection: options.introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // A 1 MB document takes ~0.7 s of the event loop to parse; no real operation comes near 10,000 tokens.
    parseOptions: { maxTokens: 10_000 },
    hideSchemaDetailsFromClientErrors: !options.introspection,
    includeStacktraceInErrorResponses: false,
    formatError: formatError(log),
    // main.ts owns SIGTERM/SIGINT: Apollo's own handler would re-raise the signal (exit 143) while ours closes the pools.
    stopOnTerminationSignals: false,
    plugins: [
      limitsPlugin({ ...DEFAULT_LIMITS, ...options.limits }),
      csrfPlugin(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // No HTTP cache hints (responses are per-workspace) and no Apollo landing page (GET /graphql serves our own).
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  const contextFor = async (req: http.IncomingMessage): Promise<Context> => {
    const viewer = await resolveViewer(req);
    return { db, direct, viewer, loaders: createLoaders(db, direct, viewer), countLimits, log, queue: queue.get };
  };

  httpServer.on(
    'request',
    createRouter({
      db,
      access,
      mode: options.mode,
      local,
      log,
      trustProxy,
      allowedHosts,
      webOrigins: new Set(options.webOrigins),
      maxBodyBytes: options.maxBodyBytes,
      apollo,
      contextFor,
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  log.info({ port, host: options.host, mode: options.mode }, 'Claimgraph API listening');

  // Ended sessions, rate-limit windows, invitations and tokens are deleted now and then (by every replica; the deletes are idempotent).
  const housekeeping = async () => {
    try {
      const [sessions, windows, credentials] = [
        await purgeExpiredSessions(db),
        await purgeRateLimits(db),
        await purgeEndedCredentials(db),
      ];
      if (sessions || windows || credentials.invitations || credentials.tokens) {
        log.debug(
          { sessions, windows, ...credentials },
          'housekeeping: deleted ended sessions, rate-limit windows, invitations and tokens',
        );
      }
    } catch (err) {
      log.warn({ err }, 'housekeeping failed; retrying at the next interval');
    }
  };
  void housekeeping();
  const housekeepingTimer = setInterval(() => void housekeeping(), options.housekeepingMs ?? 10 * 60 * 1000);
  housekeepingTimer.unref();
  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}/graphql`,
    port,
    db,
    stop: async () => {
      clearInterval(housekeepingTimer);
      await apollo.stop();
      await queue.close();
      await releaseExtractPool();
      await labels.stop();
      await direct.end();
      if (ownsDb) await db.$disconnect();
    },
  };
}

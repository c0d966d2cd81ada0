// The HTTP server: a small node:http handler around Apollo's executeHTTPGraphQLRequest, plus /health,
// the offline explorer (GET /graphql in a browser) and streamed claim exports.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type BaseContext } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  AuthError,
  purgeEndedCredentials,
  purgeExpiredSessions,
  purgeRateLimits,
  resolveViewer as resolveAccessViewer,
  validateModeConfig,
  type ModeConfig,
} from '@claimgraph/auth';
import { createPrisma, ensureLocalWorkspace, type PrismaClient } from '@claimgraph/db';
import { hostAllowed, hostRejectedMessage, originAllowed, originRejectedMessage, parseAllowedHosts, urlHost } from '@claimgraph/shared';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Viewer } from './auth.js';
import { createLoaders, type Context } from './context.js';
import { DatabaseBusyError, DatabaseTimeoutError, UnauthenticatedError } from './errors.js';
import { exportClaims } from './export/claims-export.js';
import { holdExtractPool } from './extract-pool.js';
import { GRAPHIQL_ASSETS, sendGraphiqlAsset, sendGraphiqlPage } from './graphiql.js';
import { lazyQueue } from './modules/ingest/port.js';
import { createLogger, type Logger } from './logger.js';
import { handleAuthRoute } from './http/auth-routes.js';
import { compileTrustProxy } from './http/client.js';
import { csrfPlugin } from './modules/access/csrf.js';
import { DEFAULT_LIMITS, limitsPlugin, type Limits } from './safety.js';
import { buildSchema } from './schema.js';
import { createDirectDb } from './sql-list.js';
import { DEFAULT_COUNT_LIMITS, type ClaimCountLimits } from './modules/claims/service.js';
import { VERSION } from './version.js';

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

/** Resolves the viewer of a request; throw UnauthenticatedError when there is none. Without `via`, the viewer counts as a token (no CSRF). */
export type ViewerResolver = (
  req: http.IncomingMessage,
  local: { workspaceId: number; userId: number },
) => Promise<Omit<Viewer, 'via'> & Partial<Pick<Viewer, 'via'>>>;

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
  for (let e = err as { message?: string; cause?: unknown; code?: string } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (test(e)) return true;
  }
  return false;
}
const isStatementTimeout = (err: unknown) => causedBy(err, (e) => e.code === '57014' || /statement timeout|canceling statement/i.test(e.message ?? ''));
/** node-postgres' pool gave up waiting for a free connection (connectionTimeoutMillis). */
const isPoolTimeout = (err: unknown) => causedBy(err, (e) => /timeout exceeded when trying to connect/i.test(e.message ?? ''));

/** Masks everything that is not one of our coded errors or Apollo's request errors; logs the original. */
export function formatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code;
    if (original instanceof AuthError) return { message: original.message, locations: formatted.locations, path: formatted.path, extensions: { code: original.code } };
    if (original instanceof GraphQLError && typeof original.extensions.code === 'string' && original.extensions.code !== 'INTERNAL_SERVER_ERROR') {
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

class BodyTooLargeError extends Error {}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return reject(new BodyTooLargeError());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLargeError());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

function errorBody(code: string, message: string) {
  return { errors: [{ message, extensions: { code } }] };
}

export async function createServer(options: ServerOptions) {
  const log = createLogger(options.logLevel);
  const ownsDb = !options.db;
  const connectionTimeoutMs = options.dbPoolWaitMs ?? 5000;
  const db = options.db ?? createPrisma(options.databaseUrl, { statementTimeoutMs: options.statementTimeoutMs, max: options.dbPool, connectionTimeoutMs });
  const direct = createDirectDb(options.databaseUrl, db, {
    max: options.dbPool,
    statementTimeoutMs: options.statementTimeoutMs,
    connectionTimeoutMs,
    onIdleError: (err) => log.warn({ err }, 'idle database connection lost'),
  });
  const countLimits = { ...DEFAULT_COUNT_LIMITS, ...options.countLimits };
  // Checked before anything listens: a bad list stops the start with the entry it names.
  const trustProxy = compileTrustProxy(options.trustProxy);
  const allowedHosts = parseAllowedHosts(options.allowedHosts, [options.host, urlHost(options.publicUrl)]);
  // Local mode's passwordless owner exists only where local mode runs: in team mode nobody may become it.
  const local = options.mode === 'local' || options.resolveViewer ? await ensureLocalWorkspace(db) : null;
  const access = options.access ?? validateModeConfig({ mode: options.mode, host: options.host, sessionSecret: undefined });
  // Team mode: a session cookie or a bearer token, checked against Postgres on every request; nobody else gets in.
  const teamViewer = async (req: http.IncomingMessage): Promise<Viewer> => {
    const header = req.headers['x-claimgraph-workspace'];
    const viewer = await resolveAccessViewer({
      db,
      config: { mode: 'team', sessionSecret: access.sessionSecret },
      cookieHeader: req.headers.cookie,
      authorizationHeader: req.headers.authorization,
      workspaceSlug: Array.isArray(header) ? header[0] : header,
    }).catch((err: unknown) => {
      // e.g. FORBIDDEN for a workspace the user is not a member of: keep its code through Apollo's context handling.
      throw err instanceof AuthError ? new GraphQLError(err.message, { extensions: { code: err.code, http: { status: 200 } } }) : err;
    });
    if (!viewer) throw new UnauthenticatedError();
    return viewer;
  };
  const resolveViewer = (req: http.IncomingMessage): Promise<Viewer> =>
    options.resolveViewer && local
      ? options.resolveViewer(req, local).then((v) => ({ via: 'token' as const, ...v }))
      : options.mode === 'team' || !local
        ? teamViewer(req)
        : Promise.resolve({ userId: local.userId, workspaceId: local.workspaceId, role: 'ADMIN', via: 'local' });

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

  const allowed = new Set(options.webOrigins);
  const cors = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const origin = req.headers.origin;
    if (origin && allowed.has(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-allow-credentials', 'true');
      res.setHeader('vary', 'Origin');
    }
  };

  const contextFor = async (req: http.IncomingMessage): Promise<Context> => {
    const viewer = await resolveViewer(req);
    return { db, direct, viewer, loaders: createLoaders(db, viewer), countLimits, log, queue: queue.get };
  };

  httpServer.on('request', (req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (err instanceof BodyTooLargeError) {
        sendJson(res, 413, errorBody('PAYLOAD_TOO_LARGE', `Request body exceeds ${options.maxBodyBytes} bytes`));
        return;
      }
      if (err instanceof AuthError && !res.headersSent) {
        sendJson(res, err.status, errorBody(err.code, err.message));
        return;
      }
      if (err instanceof GraphQLError && typeof err.extensions.code === 'string' && !res.headersSent) {
        const code = err.extensions.code;
        sendJson(res, code === 'UNAUTHENTICATED' ? 401 : code === 'FORBIDDEN' ? 403 : 400, errorBody(code, err.message));
        return;
      }
      log.error({ err }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, errorBody('INTERNAL_SERVER_ERROR', 'Internal server error'));
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    // DNS rebinding: a page whose name now points here sends its own name as Host. 421 = not this server's name.
    if (!hostAllowed(allowedHosts, req.headers.host)) {
      sendJson(res, 421, errorBody('MISDIRECTED_REQUEST', hostRejectedMessage(req.headers.host)));
      return;
    }
    const origin = req.headers.origin;
    if (!originAllowed(req.method, origin, req.headers.host, allowed)) {
      sendJson(res, 403, errorBody('ORIGIN_FORBIDDEN', originRejectedMessage(origin ?? '')));
      return;
    }
    cors(req, res);
    if (req.method === 'OPTIONS') {
      res.statusCode = 204;
      res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
      res.setHeader(
        'access-control-allow-headers',
        'content-type, authorization, apollo-require-preflight, x-apollo-operation-name, x-csrf-token, x-claimgraph-workspace',
      );
      res.setHeader('access-control-max-age', '600');
      res.end();
      return;
    }
    if (url.pathname === '/health') {
      const database = await db.$queryRaw`SELECT 1`.then(
        () => true,
        () => false,
      );
      sendJson(res, database ? 200 : 503, { ok: database, database, version: VERSION });
      return;
    }
    if (url.pathname.startsWith('/auth/')) {
      await handleAuthRoute({ db, access, mode: options.mode, local, log, trustProxy }, req, res, url, (limit) => readBody(req, limit));
      return;
    }
    if (url.pathname === '/export/claims.csv' || url.pathname === '/export/claims.jsonld') {
      if (req.method !== 'GET') {
        res.setHeader('allow', 'GET');
        sendJson(res, 405, errorBody('METHOD_NOT_ALLOWED', 'Use GET'));
        return;
      }
      await exportClaims(await contextFor(req), url, url.pathname.endsWith('.csv') ? 'csv' : 'jsonld', res);
      return;
    }
    if (url.pathname.startsWith(GRAPHIQL_ASSETS)) {
      sendGraphiqlAsset(req, res, url.pathname);
      return;
    }
    if (url.pathname !== '/graphql') {
      sendJson(res, 404, errorBody('ROUTE_NOT_FOUND', `No route ${url.pathname}; GraphQL is at /graphql`));
      return;
    }
    const accept = req.headers.accept ?? '';
    if (req.method === 'GET' && !url.searchParams.has('query') && accept.includes('text/html')) {
      sendGraphiqlPage(res);
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown = undefined;
    if (req.method === 'POST') {
      const text = await readBody(req, options.maxBodyBytes);
      const contentType = (req.headers['content-type'] ?? '').toLowerCase();
      if (contentType.startsWith('application/json')) {
        const charset = /charset=([^;]+)/.exec(contentType)?.[1]?.trim();
        if (charset && !/^utf-?8$/i.test(charset)) {
          sendJson(res, 415, errorBody('UNSUPPORTED_MEDIA_TYPE', `Unsupported charset ${charset}; send UTF-8`));
          return;
        }
        try {
          body = text.length ? JSON.parse(text) : undefined;
        } catch {
          sendJson(res, 400, errorBody('BAD_REQUEST', 'Request body is not valid JSON'));
          return;
        }
      } else {
        // Apollo reads only JSON bodies; say so instead of its CSRF paragraph (uploads go through enqueueArticles).
        const type = contentType.split(';')[0]?.trim() || 'a body without a content-type';
        sendJson(res, 415, errorBody('UNSUPPORTED_MEDIA_TYPE', `Send GraphQL requests as JSON (content-type: application/json), not ${type.slice(0, 100)}`));
        return;
      }
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body },
      context: () => contextFor(req) as Promise<BaseContext>,
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  log.info({ port, host: options.host, mode: options.mode }, 'Claimgraph API listening');

  // Ended sessions, rate-limit windows, invitations and tokens are deleted now and then (by every replica; the deletes are idempotent).
  const housekeeping = async () => {
    try {
      const [sessions, windows, credentials] = [await purgeExpiredSessions(db), await purgeRateLimits(db), await purgeEndedCredentials(db)];
      if (sessions || windows || credentials.invitations || credentials.tokens) {
        log.debug({ sessions, windows, ...credentials }, 'housekeeping: deleted ended sessions, rate-limit windows, invitations and tokens');
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
      await direct.end();
      if (ownsDb) await db.$disconnect();
    },
  };
}

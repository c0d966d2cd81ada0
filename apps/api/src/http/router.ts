// Which handler answers a request: Host/Origin/CORS first, then /health, /auth/*, the exports, the explorer's
// assets and page, and GraphQL at /graphql (through Apollo's executeHTTPGraphQLRequest); 404 for the rest.
import type http from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { AuthError } from '@claimgraph/auth';
import type { AllowedHosts } from '@claimgraph/shared';
import { GraphQLError } from 'graphql';
import type { Context } from '../context.js';
import { exportClaims } from '../export/claims-export.js';
import { GRAPHIQL_ASSETS, sendGraphiqlAsset, sendGraphiqlPage } from '../graphiql.js';
import type { Logger } from '../logger.js';
import { healthStatus } from '../modules/health/service.js';
import { handleAuthRoute, type AuthRouteDeps } from './auth-routes.js';
import { BodyTooLargeError, errorBody, readBody, readGraphQLBody, sendJson } from './body.js';
import { answerCors } from './cors.js';

export interface RouterDeps extends AuthRouteDeps {
  apollo: ApolloServer<BaseContext>;
  /** The per-request context (resolves the viewer). */
  contextFor: (req: http.IncomingMessage) => Promise<Context>;
  allowedHosts: AllowedHosts;
  webOrigins: Set<string>;
  maxBodyBytes: number;
  log: Logger;
}

/** The server's 'request' listener: answers every request, including with the error a handler threw. */
export function createRouter(deps: RouterDeps): (req: http.IncomingMessage, res: http.ServerResponse) => void {
  const { db, apollo, contextFor, log } = deps;

  async function graphql(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const accept = req.headers.accept ?? '';
    if (req.method === 'GET' && !url.searchParams.has('query') && accept.includes('text/html')) {
      sendGraphiqlPage(res);
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const parsed = await readGraphQLBody(req, res, deps.maxBodyBytes);
    if (!parsed) return;
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: (req.method ?? 'GET').toUpperCase(),
        headers,
        search: url.search,
        body: parsed.body,
      },
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

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (answerCors(req, res, deps.allowedHosts, deps.webOrigins)) return;
    if (url.pathname === '/health') {
      const health = await healthStatus(db);
      sendJson(res, health.ok ? 200 : 503, health);
      return;
    }
    if (url.pathname.startsWith('/auth/')) {
      await handleAuthRoute(deps, req, res, url, (limit) => readBody(req, limit));
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
    await graphql(req, res, url);
  }

  return (req, res) => {
    route(req, res).catch((err: unknown) => {
      if (err instanceof BodyTooLargeError) {
        sendJson(res, 413, errorBody('PAYLOAD_TOO_LARGE', `Request body exceeds ${deps.maxBodyBytes} bytes`));
        return;
      }
      if (err instanceof AuthError && !res.headersSent) {
        sendJson(res, err.status, errorBody(err.code, err.message));
        return;
      }
      if (err instanceof GraphQLError && typeof err.extensions.code === 'string' && !res.headersSent) {
        const code = err.extensions.code;
        sendJson(
          res,
          code === 'UNAUTHENTICATED' ? 401 : code === 'FORBIDDEN' ? 403 : 400,
          errorBody(code, err.message),
        );
        return;
      }
      log.error({ err }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, errorBody('INTERNAL_SERVER_ERROR', 'Internal server error'));
      else res.destroy();
    });
  };
}

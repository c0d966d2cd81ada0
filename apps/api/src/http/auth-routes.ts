// The browser's sign-in routes, outside GraphQL because they set cookies:
//   POST /auth/login {email, password}        → session + CSRF cookies, who you are
//   POST /auth/logout (x-csrf-token)            → deletes the session on every replica, clears the cookies
//   GET  /auth/me                               → mode, user and memberships (401 when signed out in team mode)
//   GET  /auth/invitation?token=…               → what an invitation link offers
//   POST /auth/invitation/accept {token, password?, name?} → joins the workspace (signs a new person in)
import type http from 'node:http';
import {
  acceptInvitation,
  AuthError,
  AuthInputError,
  clearSessionCookies,
  createSession,
  CSRF_HEADER,
  CsrfError,
  destroySession,
  inspectInvitation,
  login,
  sessionCookies,
  sessionUser,
  type ModeConfig,
} from '@claimgraph/auth';
import type { PrismaClient } from '@claimgraph/db';
import { z } from 'zod';
import type { Logger } from '../logger.js';
import { sendJson } from './body.js';
import { clientIp, viaHttps, type TrustProxy } from './client.js';

export interface AuthRouteDeps {
  db: PrismaClient;
  access: ModeConfig;
  mode: 'local' | 'team';
  /** Local mode's workspace and owner; null in team mode. */
  local: { workspaceId: number; userId: number } | null;
  log: Logger;
  /** Which peers' X-Forwarded-For / X-Forwarded-Proto count (API_TRUST_PROXY); others are ignored. */
  trustProxy: TrustProxy;
}

const MAX_AUTH_BODY = 16 * 1024;

const AcceptModel = z.object({
  token: z.string().min(1, 'The invitation token is missing'),
  password: z.string().optional(),
  name: z.string().trim().max(200).optional(),
});

function send(res: http.ServerResponse, status: number, body: unknown, cookies: string[] = []): void {
  res.setHeader('cache-control', 'no-store');
  if (cookies.length) res.setHeader('set-cookie', cookies);
  sendJson(res, status, body);
}

function fail(res: http.ServerResponse, status: number, code: string, message: string): void {
  send(res, status, { error: { code, message } });
}

async function jsonBody(req: http.IncomingMessage, readBody: (limit: number) => Promise<string>): Promise<unknown> {
  if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
    // A JSON content type forces a CORS preflight, so other sites cannot post forms here.
    throw new AuthInputError('Send the body as application/json');
  }
  const text = await readBody(MAX_AUTH_BODY);
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    throw new AuthInputError('The request body is not valid JSON');
  }
}

/** Cookies get `Secure` when PUBLIC_API_URL is https or this request came over https (directly or via a trusted proxy). */
function secure(deps: AuthRouteDeps, req: http.IncomingMessage): boolean {
  return deps.access.secureCookies || viaHttps(req, deps.trustProxy);
}

async function me(deps: AuthRouteDeps, req: http.IncomingMessage) {
  if (deps.mode === 'local' && deps.local) {
    const user = await deps.db.user.findUnique({
      where: { id: deps.local.userId },
      select: { id: true, email: true, name: true },
    });
    const workspace = await deps.db.workspace.findUnique({
      where: { id: deps.local.workspaceId },
      select: { id: true, slug: true, name: true },
    });
    return { mode: 'local' as const, user, memberships: [{ role: 'ADMIN', workspace }], csrfToken: null };
  }
  const signedIn = await sessionUser(deps.db, deps.access, req.headers.cookie);
  if (!signedIn) return null;
  const { memberships, ...user } = signedIn.user;
  return { mode: 'team' as const, user, memberships, csrfToken: signedIn.csrfToken };
}

export async function handleAuthRoute(
  deps: AuthRouteDeps,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  readBody: (limit: number) => Promise<string>,
): Promise<void> {
  const route = `${req.method ?? 'GET'} ${url.pathname}`;
  try {
    switch (route) {
      case 'GET /auth/me': {
        const who = await me(deps, req);
        if (!who) return fail(res, 401, 'UNAUTHENTICATED', 'Not signed in');
        return send(res, 200, who);
      }
      case 'POST /auth/login': {
        if (deps.mode === 'local')
          return fail(res, 400, 'LOCAL_MODE', 'Local mode has no login: everyone on this machine is the owner');
        const body = (await jsonBody(req, readBody)) as { email?: unknown; password?: unknown };
        const result = await login(deps.db, deps.access, {
          email: String(body.email ?? ''),
          password: String(body.password ?? ''),
          ip: clientIp(req, deps.trustProxy),
        });
        const cookies = sessionCookies(result.session, secure(deps, req));
        const signedIn = await sessionUser(
          deps.db,
          deps.access,
          `cg_session=${encodeURIComponent(result.session.token)}`,
        );
        deps.log.info({ userId: result.userId }, 'signed in');
        const { memberships, ...user } = signedIn?.user ?? { memberships: [] };
        return send(res, 200, { mode: 'team', user, memberships, csrfToken: result.session.csrfToken }, cookies);
      }
      case 'POST /auth/logout': {
        const signedIn = deps.mode === 'team' ? await sessionUser(deps.db, deps.access, req.headers.cookie) : null;
        if (signedIn) {
          const header = req.headers[CSRF_HEADER];
          if (header !== signedIn.csrfToken) throw new CsrfError();
          await destroySession(deps.db, signedIn.sessionId);
        }
        return send(res, 200, { ok: true }, clearSessionCookies(secure(deps, req)));
      }
      case 'GET /auth/invitation': {
        const row = await inspectInvitation(deps.db, url.searchParams.get('token') ?? '');
        return send(res, 200, { email: row.email, role: row.role, workspace: row.workspace, expiresAt: row.expiresAt });
      }
      case 'POST /auth/invitation/accept': {
        const parsed = AcceptModel.safeParse(await jsonBody(req, readBody));
        if (!parsed.success) throw new AuthInputError(parsed.error.issues.map((i) => i.message).join('; '));
        const { token, password, name } = parsed.data;
        const signedIn = deps.mode === 'team' ? await sessionUser(deps.db, deps.access, req.headers.cookie) : null;
        if (!password && !signedIn)
          throw new AuthInputError('Choose a password (at least 12 characters), or sign in first');
        const membership = password
          ? await acceptInvitation(deps.db, { token, password, ...(name ? { name } : {}) })
          : await acceptInvitation(deps.db, { token, userId: signedIn!.user.id });
        let cookies: string[] = [];
        if (password)
          cookies = sessionCookies(await createSession(deps.db, deps.access, membership.userId), secure(deps, req));
        return send(
          res,
          200,
          { workspaceId: membership.workspaceId, role: membership.role, userId: membership.userId },
          cookies,
        );
      }
      default:
        return fail(res, 404, 'ROUTE_NOT_FOUND', `No route ${route}`);
    }
  } catch (err) {
    if (err instanceof AuthError) {
      if (err.code === 'RATE_LIMITED')
        res.setHeader('retry-after', String((err as { retryAfterSeconds?: number }).retryAfterSeconds ?? 60));
      return fail(res, err.status, err.code, err.message);
    }
    throw err;
  }
}

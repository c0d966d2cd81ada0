// Who is asking: resolved from the request on every call, from Postgres only (no per-process state besides
// local mode's fixed ids), so any replica can answer any request.
import { ensureLocalWorkspace, type PrismaClient } from '@claimgraph/db';
import { parseCookies, SESSION_COOKIE } from './cookies.js';
import type { Db } from './db-types.js';
import { ForbiddenError } from './errors.js';
import type { ModeConfig } from './mode.js';
import { findSession } from './sessions.js';
import { looksLikeApiToken, viewerFromApiToken } from './tokens.js';
import type { Viewer } from './viewer-types.js';

export type { Viewer };

// Local mode's workspace and owner never change once created: remember them per client.
const localIds = new WeakMap<object, Promise<{ workspaceId: number; userId: number }>>();

/** Local mode: the implicit owner (ADMIN) of the 'local' workspace, created on first use. */
export async function localViewer(db: PrismaClient): Promise<Viewer> {
  let ids = localIds.get(db);
  if (!ids) {
    ids = ensureLocalWorkspace(db);
    localIds.set(db, ids);
    ids.catch(() => localIds.delete(db));
  }
  const { workspaceId, userId } = await ids;
  return { userId, workspaceId, role: 'ADMIN', via: 'local' };
}

export interface ResolveViewerInput {
  db: PrismaClient;
  /** From validateModeConfig (mode and session secret). */
  config: Pick<ModeConfig, 'mode' | 'sessionSecret'>;
  cookieHeader?: string | null | undefined;
  authorizationHeader?: string | null | undefined;
  /**
   * For session viewers who belong to several workspaces: the workspace slug the dashboard works in
   * (e.g. an `x-claimgraph-workspace` header). Unset: their oldest membership.
   */
  workspaceSlug?: string | null | undefined;
}

/** `Authorization: Bearer cg_…` → the token, or null. */
export function bearerToken(header: string | null | undefined): string | null {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1] ?? null;
}

/**
 * The request's viewer, or null (anonymous) in team mode. Local mode always answers the implicit owner.
 * A bearer token wins over a cookie. An unknown/revoked token or session gives null, never an error.
 * Throws FORBIDDEN when a signed-in user asks for a workspace they are not a member of.
 */
export async function resolveViewer(input: ResolveViewerInput): Promise<Viewer | null> {
  const { db, config } = input;
  if (config.mode === 'local') return localViewer(db);

  const bearer = bearerToken(input.authorizationHeader);
  if (bearer) return looksLikeApiToken(bearer) ? viewerFromApiToken(db, bearer) : null;

  const cookie = parseCookies(input.cookieHeader).get(SESSION_COOKIE);
  if (!cookie) return null;
  const session = await findSession(db, config, cookie);
  if (!session) return null;
  const membership = await sessionMembership(db, session.userId, input.workspaceSlug);
  if (!membership) {
    if (input.workspaceSlug)
      throw new ForbiddenError('workspace:read', `You are not a member of workspace "${input.workspaceSlug}"`);
    return null;
  }
  return {
    userId: session.userId,
    workspaceId: membership.workspaceId,
    role: membership.role,
    via: 'session',
    sessionId: session.id,
    csrfToken: session.csrfToken,
  };
}

async function sessionMembership(db: Db, userId: number, slug: string | null | undefined) {
  return db.membership.findFirst({
    where: { userId, ...(slug ? { workspace: { slug } } : {}) },
    orderBy: { id: 'asc' },
    select: { workspaceId: true, role: true },
  });
}

/** Who is signed in, whatever their workspaces (for `me`, accepting an invitation, logout). */
export async function sessionUser(
  db: Db,
  config: Pick<ModeConfig, 'sessionSecret'>,
  cookieHeader: string | null | undefined,
) {
  const cookie = parseCookies(cookieHeader).get(SESSION_COOKIE);
  const session = cookie ? await findSession(db, config, cookie) : null;
  if (!session) return null;
  const user = await db.user.findUnique({
    where: { id: session.userId },
    select: {
      id: true,
      email: true,
      name: true,
      memberships: { select: { role: true, workspace: { select: { id: true, slug: true, name: true } } } },
    },
  });
  return user ? { sessionId: session.id, csrfToken: session.csrfToken, user } : null;
}

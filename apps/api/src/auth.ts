// Who is asking, and what they may do: each request's viewer (local mode's owner, or a team session or token
// checked against PostgreSQL) and the permission matrix of @claimgraph/auth, whose action names the services use.
import type http from 'node:http';
import {
  AuthError,
  can,
  resolveViewer as resolveAccessViewer,
  type Action,
  type ModeConfig,
  type Viewer,
} from '@claimgraph/auth';
import type { PrismaClient } from '@claimgraph/db';
import { GraphQLError } from 'graphql';
import { ForbiddenError, UnauthenticatedError } from './errors.js';

export type { Action, Viewer };

/** Throws UNAUTHENTICATED without a viewer, FORBIDDEN unless the viewer's role allows `action`. Call it first in every service function. */
export function assertCan(viewer: Viewer | null | undefined, action: Action): asserts viewer is Viewer {
  if (!viewer) throw new UnauthenticatedError();
  if (!can(viewer.role, action)) throw new ForbiddenError(action);
}

/** Resolves the viewer of a request; throw UnauthenticatedError when there is none. Without `via`, the viewer counts as a token (no CSRF). */
export type ViewerResolver = (
  req: http.IncomingMessage,
  local: { workspaceId: number; userId: number },
) => Promise<Omit<Viewer, 'via'> & Partial<Pick<Viewer, 'via'>>>;

export interface ViewerOptions {
  db: PrismaClient;
  mode: 'local' | 'team';
  access: ModeConfig;
  /** Local mode's workspace and owner; null in team mode (unless an embedder resolves viewers itself). */
  local: { workspaceId: number; userId: number } | null;
  /** An embedder's own resolution (tests, other front doors); replaces the mode's. */
  resolveViewer?: ViewerResolver;
}

/** The viewer of each request: the embedder's, team mode's session or token, or local mode's implicit owner. */
export function createViewerResolver({
  db,
  mode,
  access,
  local,
  resolveViewer,
}: ViewerOptions): (req: http.IncomingMessage) => Promise<Viewer> {
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
      throw err instanceof AuthError
        ? new GraphQLError(err.message, { extensions: { code: err.code, http: { status: 200 } } })
        : err;
    });
    if (!viewer) throw new UnauthenticatedError();
    return viewer;
  };
  return (req) =>
    resolveViewer && local
      ? resolveViewer(req, local).then((v) => ({ via: 'token' as const, ...v }))
      : mode === 'team' || !local
        ? teamViewer(req)
        : Promise.resolve({ userId: local.userId, workspaceId: local.workspaceId, role: 'ADMIN', via: 'local' });
}

// Who is asking, and what they may do: the viewer and permission matrix of @claimgraph/auth, with the short
// action names the API's services were written against (read, export, ingest) kept as aliases.
import { can, type Action as AccessAction, type Viewer } from '@claimgraph/auth';
import { ForbiddenError, UnauthenticatedError } from './errors.js';

export type { Viewer };

/** The API's historical action names → the access layer's actions. */
const ALIASES = {
  read: 'workspace:read',
  export: 'export:read',
  ingest: 'article:ingest',
} as const satisfies Record<string, AccessAction>;

export type Action = keyof typeof ALIASES | AccessAction;

function accessAction(action: Action): AccessAction {
  return action in ALIASES ? ALIASES[action as keyof typeof ALIASES] : (action as AccessAction);
}

/** Throws UNAUTHENTICATED without a viewer, FORBIDDEN unless the viewer's role allows `action`. Call it first in every service function. */
export function assertCan(viewer: Viewer | null | undefined, action: Action): asserts viewer is Viewer {
  if (!viewer) throw new UnauthenticatedError();
  if (!can(viewer.role, accessAction(action))) throw new ForbiddenError(action);
}

// Who is asking, and what they may do. Local mode: the implicit owner of the 'local' workspace.
// The teams work plugs sessions and API tokens into `resolveViewer`; services already call `assertCan` first.
import type { Role } from '@claimgraph/db';
import { ForbiddenError } from './errors.js';

export interface Viewer {
  userId: number;
  workspaceId: number;
  role: Role;
}

/** Everything a service may be asked to do, with the lowest role allowed to. */
const MIN_ROLE = {
  read: 'VIEWER',
  export: 'VIEWER',
  ingest: 'EDITOR',
} as const satisfies Record<string, Role>;

export type Action = keyof typeof MIN_ROLE;

const RANK: Record<Role, number> = { VIEWER: 0, EDITOR: 1, ADMIN: 2 };

/** Throws FORBIDDEN unless the viewer's role allows `action`. Call it first in every service function. */
export function assertCan(viewer: Viewer, action: Action): void {
  if (RANK[viewer.role] < RANK[MIN_ROLE[action]]) throw new ForbiddenError(action);
}

import type { Role } from '@claimgraph/db';

/** Who is asking, in which workspace, with which role. Every query is scoped by `workspaceId`. */
export interface Viewer {
  userId: number;
  workspaceId: number;
  role: Role;
  /** local: the implicit owner of local mode; session: a browser cookie; token: Authorization: Bearer. */
  via: 'local' | 'session' | 'token';
  /** Set when via = 'session': the session row, for logout and the CSRF check. */
  sessionId?: number;
  /** Set when via = 'session': what `x-csrf-token` must equal on state-changing requests. */
  csrfToken?: string;
  /** Set when via = 'token': the token row, so audit entries and revocation can name it. */
  tokenId?: number;
}

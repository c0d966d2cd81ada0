// Roles and the permission matrix: every action a service may be asked to do, with the lowest role allowed to.
import type { Role } from '@claimgraph/db';
import { ForbiddenError, UnauthenticatedError } from './errors.js';
import type { Viewer } from './viewer-types.js';

export type { Role };

export const ROLES = ['VIEWER', 'EDITOR', 'ADMIN'] as const satisfies readonly Role[];

const RANK: Record<Role, number> = { VIEWER: 0, EDITOR: 1, ADMIN: 2 };

/** viewer reads; editor ingests, corrects and labels; admin manages people, tokens and settings. */
export const MIN_ROLE = {
  // --- reading (every member) ---
  'workspace:read': 'VIEWER',
  'claim:read': 'VIEWER',
  'export:read': 'VIEWER',
  /** Create, list and revoke one's OWN personal API tokens (role capped at one's own). */
  'token:own': 'VIEWER',
  // --- editing ---
  'article:ingest': 'EDITOR',
  'claim:correct': 'EDITOR',
  'claim:review': 'EDITOR',
  'actor:merge': 'EDITOR',
  'actor:split': 'EDITOR',
  'event:merge': 'EDITOR',
  'event:split': 'EDITOR',
  'label:write': 'EDITOR',
  // --- administration ---
  'member:manage': 'ADMIN',
  /** List and revoke ANY member's tokens in the workspace. */
  'token:manage': 'ADMIN',
  'workspace:settings': 'ADMIN',
  'audit:read': 'ADMIN',
} as const satisfies Record<string, Role>;

export type Action = keyof typeof MIN_ROLE;

export const ACTIONS = Object.keys(MIN_ROLE) as Action[];

/** Whether `role` may perform `action`. */
export function can(role: Role, action: Action): boolean {
  return RANK[role] >= RANK[MIN_ROLE[action]];
}

/** a ≤ b in the role order VIEWER < EDITOR < ADMIN. */
export function roleAtMost(a: Role, b: Role): boolean {
  return RANK[a] <= RANK[b];
}

/** The lower of two roles (a token never grants more than its owner's current membership). */
export function lowerRole(a: Role, b: Role): Role {
  return RANK[a] <= RANK[b] ? a : b;
}

/**
 * Throws UNAUTHENTICATED when there is no viewer, FORBIDDEN when the viewer's role does not allow `action`.
 * Call it as the first line of every service function; it narrows `viewer` to non-null.
 */
export function assertCan(viewer: Viewer | null | undefined, action: Action): asserts viewer is Viewer {
  if (!viewer) throw new UnauthenticatedError();
  if (!can(viewer.role, action)) throw new ForbiddenError(action);
}

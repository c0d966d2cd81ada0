// Personal API tokens for scripts: `cg_` + 256 random bits, shown once, stored as sha256, scoped to one
// workspace and a role no higher than the owner's. Checked against the database on every request, so a
// revocation (or the owner's removal from the workspace) takes effect at once on every replica.
import { z } from 'zod';
import type { Role } from '@claimgraph/db';
import { audit } from './audit.js';
import { randomToken, sha256 } from './crypto.js';
import type { Db } from './db-types.js';
import { AuthNotFoundError, ForbiddenError } from './errors.js';
import { assertCan, can, roleAtMost } from './roles.js';
import { parseInput } from './validation.js';
import type { Viewer } from './viewer-types.js';

export const TOKEN_PREFIX = 'cg_';
/** Characters kept in clear (`cg_` + 6), so people can tell their tokens apart. */
const SHOWN_PREFIX_LENGTH = TOKEN_PREFIX.length + 6;
// lastUsedAt is written at most this often per token.
const TOUCH_EVERY_MS = 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** A token lives this many days unless its creator chooses otherwise (at most MAX_TOKEN_DAYS). */
export const DEFAULT_TOKEN_DAYS = 90;
export const MAX_TOKEN_DAYS = 365;

export const CreateApiTokenModel = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Give the token a name, e.g. "nightly export"')
    .max(100, 'Token names are at most 100 characters'),
  role: z.enum(['VIEWER', 'EDITOR', 'ADMIN']),
  expiresInDays: z
    .number()
    .int(`expiresInDays must be a whole number of days (1–${MAX_TOKEN_DAYS})`)
    .min(1, `expiresInDays must be between 1 and ${MAX_TOKEN_DAYS}`)
    .max(MAX_TOKEN_DAYS, `expiresInDays must be between 1 and ${MAX_TOKEN_DAYS}: tokens do not live longer than a year`)
    .default(DEFAULT_TOKEN_DAYS),
});

export function hashApiToken(token: string): string {
  return sha256(token);
}

export function looksLikeApiToken(value: string): boolean {
  return value.startsWith(TOKEN_PREFIX) && value.length > SHOWN_PREFIX_LENGTH && value.length < 200;
}

export interface CreatedApiToken {
  id: number;
  /** The secret itself: return it to the user once; it cannot be recovered. */
  token: string;
  prefix: string;
  name: string;
  role: Role;
  workspaceId: number;
  createdAt: Date;
  expiresAt: Date;
}

/**
 * Creates a token for the viewer in the viewer's workspace, ending after `expiresInDays` (default 90). The role
 * may not exceed the viewer's own, and only a signed-in person may create one: a token minting tokens would
 * leave working children behind when it is revoked. Audited.
 */
export async function createApiToken(
  db: Db,
  viewer: Viewer,
  input: { name: string; role: Role; expiresInDays?: number | undefined },
  now = new Date(),
): Promise<CreatedApiToken> {
  assertCan(viewer, 'token:own');
  if (viewer.via === 'token') {
    throw new ForbiddenError(
      'token:own',
      'API tokens cannot create API tokens; sign in to the dashboard to create one',
    );
  }
  const data = parseInput(CreateApiTokenModel, input);
  if (!roleAtMost(data.role, viewer.role)) {
    throw new ForbiddenError(
      'token:own',
      `A token's role cannot exceed your own (${viewer.role}); ask for ${data.role} or less`,
    );
  }
  const expiresAt = new Date(now.getTime() + data.expiresInDays * DAY_MS);
  const token = TOKEN_PREFIX + randomToken();
  const row = await db.apiToken.create({
    data: {
      userId: viewer.userId,
      workspaceId: viewer.workspaceId,
      role: data.role,
      name: data.name,
      tokenHash: hashApiToken(token),
      prefix: token.slice(0, SHOWN_PREFIX_LENGTH),
      expiresAt,
    },
  });
  await audit(db, viewer, 'token.create', 'ApiToken', row.id, null, {
    name: row.name,
    role: row.role,
    prefix: row.prefix,
    userId: row.userId,
    expiresAt,
  });
  return {
    id: row.id,
    token,
    prefix: row.prefix,
    name: row.name,
    role: row.role,
    workspaceId: row.workspaceId,
    createdAt: row.createdAt,
    expiresAt,
  };
}

/** The viewer's own tokens, or with `token:manage` (admins) every member's, in the viewer's workspace. Never the hash. */
export async function listApiTokens(db: Db, viewer: Viewer, options: { allMembers?: boolean } = {}) {
  assertCan(viewer, options.allMembers ? 'token:manage' : 'token:own');
  return db.apiToken.findMany({
    where: { workspaceId: viewer.workspaceId, ...(options.allMembers ? {} : { userId: viewer.userId }) },
    orderBy: { id: 'desc' },
    select: {
      id: true,
      name: true,
      prefix: true,
      role: true,
      userId: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      expiresAt: true,
    },
  });
}

/**
 * Revokes a token of the viewer's workspace: one's own, or anyone's with `token:manage`. Idempotent; audited.
 * Another workspace's token id answers NOT_FOUND, never FORBIDDEN (ids of other workspaces are not confirmed).
 */
export async function revokeApiToken(db: Db, viewer: Viewer, tokenId: number, now = new Date()) {
  assertCan(viewer, 'token:own');
  const row = await db.apiToken.findFirst({ where: { id: tokenId, workspaceId: viewer.workspaceId } });
  if (!row) throw new AuthNotFoundError('API token', tokenId);
  if (row.userId !== viewer.userId && !can(viewer.role, 'token:manage')) throw new ForbiddenError('token:manage');
  if (row.revokedAt) return row;
  const updated = await db.apiToken.update({ where: { id: row.id }, data: { revokedAt: now } });
  await audit(
    db,
    viewer,
    'token.revoke',
    'ApiToken',
    row.id,
    { revokedAt: null },
    { revokedAt: now, prefix: row.prefix },
  );
  return updated;
}

/**
 * Resolves a bearer token to a viewer, or null when unknown, revoked, expired, its owner is disabled or no longer a member.
 * The effective role is the lower of the token's and the owner's current membership role.
 */
export async function viewerFromApiToken(db: Db, token: string, now = new Date()): Promise<Viewer | null> {
  if (!looksLikeApiToken(token)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    include: { user: { select: { disabledAt: true, memberships: { select: { workspaceId: true, role: true } } } } },
  });
  if (!row || row.revokedAt || row.expiresAt <= now || row.user.disabledAt) return null;
  const membership = row.user.memberships.find((m) => m.workspaceId === row.workspaceId);
  if (!membership) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db.apiToken.updateMany({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  const role = roleAtMost(row.role, membership.role) ? row.role : membership.role;
  return { userId: row.userId, workspaceId: row.workspaceId, role, via: 'token', tokenId: row.id };
}

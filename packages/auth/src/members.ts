// Invitations and memberships: admins invite by email with a role; the invitee accepts with the one-time token,
// as an existing user or by choosing a password. Changing roles and removing members keep at least one admin.
import { z } from 'zod';
import { LOCAL_OWNER_EMAIL, type PrismaClient, type Role } from '@claimgraph/db';
import { audit } from './audit.js';
import { randomToken, sha256 } from './crypto.js';
import type { Db } from './db-types.js';
import { AuthInputError, AuthNotFoundError, ForbiddenError, InvitationInvalidError } from './errors.js';
import { normalizeEmail } from './login.js';
import { hashPassword } from './password.js';
import { assertCan, can } from './roles.js';
import { parseInput } from './validation.js';
import { destroyUserSessions } from './sessions.js';
import type { Viewer } from './viewer-types.js';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const RoleModel = z.enum(['VIEWER', 'EDITOR', 'ADMIN']);
export const CreateInvitationModel = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .refine((e) => e !== LOCAL_OWNER_EMAIL, {
      message: `${LOCAL_OWNER_EMAIL} is local mode's built-in owner and cannot be invited; invite a real address`,
      abort: true,
    })
    .email('Enter the invitee’s email address, like name@example.org'),
  role: RoleModel,
});

export interface CreatedInvitation {
  id: number;
  /** Goes into the invitation link; shown once, stored only as sha256. */
  token: string;
  email: string;
  role: Role;
  expiresAt: Date;
}

/** Invites `email` to the viewer's workspace (needs `member:manage`). Audited as member.invite. */
export async function createInvitation(
  db: Db,
  viewer: Viewer,
  input: { email: string; role: Role },
  options: { ttlMs?: number; now?: Date } = {},
): Promise<CreatedInvitation> {
  assertCan(viewer, 'member:manage');
  const { email, role } = parseInput(CreateInvitationModel, input);
  const token = randomToken();
  const expiresAt = new Date((options.now ?? new Date()).getTime() + (options.ttlMs ?? INVITATION_TTL_MS));
  const row = await db.invitation.create({
    data: {
      workspaceId: viewer.workspaceId,
      email,
      role,
      tokenHash: sha256(token),
      invitedById: viewer.userId,
      expiresAt,
    },
  });
  await audit(db, viewer, 'member.invite', 'Invitation', row.id, null, { email, role, expiresAt });
  return { id: row.id, token, email, role, expiresAt };
}

/** What an invitation link shows before accepting (workspace name, email, role), or INVITATION_INVALID. */
export async function inspectInvitation(db: Db, token: string, now = new Date()) {
  const row = await db.invitation.findUnique({
    where: { tokenHash: sha256(token) },
    include: { workspace: { select: { name: true, slug: true } } },
  });
  if (!row) throw new InvitationInvalidError('unknown token');
  if (row.acceptedAt) throw new InvitationInvalidError('it was already accepted');
  if (row.expiresAt <= now) throw new InvitationInvalidError('it has expired; ask an admin for a new one');
  return row;
}

export type AcceptInvitationInput =
  /** A signed-in user accepts; their email must be the invited one. */
  | { token: string; userId: number }
  /** A new person accepts by choosing a password (and optionally a name); the account gets the invited email. */
  | { token: string; password: string; name?: string };

/**
 * Turns an invitation into a membership, once (concurrent accepts: exactly one wins). Existing members keep the
 * higher of their role and the invited one. Returns the membership; audited as member.join.
 */
export async function acceptInvitation(db: PrismaClient, input: AcceptInvitationInput, now = new Date()) {
  const invitation = await inspectInvitation(db, input.token, now);
  // Local mode's passwordless owner (left in a database that later runs in team mode) is nobody's to take over.
  if (invitation.email === LOCAL_OWNER_EMAIL)
    throw new InvitationInvalidError(
      `${LOCAL_OWNER_EMAIL} is local mode's built-in owner; ask for an invitation to your own address`,
    );
  const passwordHash = 'password' in input ? await hashPassword(input.password) : null;
  const run = async (tx: Db) => {
    // Claim the invitation first: the conditional update makes a second accept fail instead of double-joining.
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: now },
    });
    if (claimed.count !== 1) throw new InvitationInvalidError('it was already accepted');
    let userId: number;
    if ('userId' in input) {
      const user = await tx.user.findUnique({ where: { id: input.userId } });
      if (!user || normalizeEmail(user.email) !== invitation.email) {
        throw new InvitationInvalidError(`it was sent to ${invitation.email}; sign in with that address`);
      }
      userId = user.id;
    } else {
      const existing = await tx.user.findUnique({ where: { email: invitation.email } });
      if (existing?.passwordHash)
        throw new InvitationInvalidError(`${invitation.email} already has an account; sign in, then accept`);
      const user = existing
        ? await tx.user.update({
            where: { id: existing.id },
            data: { passwordHash, ...(input.name ? { name: input.name } : {}) },
          })
        : await tx.user.create({ data: { email: invitation.email, passwordHash, name: input.name ?? null } });
      userId = user.id;
    }
    const current = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId } },
    });
    const rank = { VIEWER: 0, EDITOR: 1, ADMIN: 2 } as const;
    const role = current && rank[current.role] >= rank[invitation.role] ? current.role : invitation.role;
    const membership = await tx.membership.upsert({
      where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId } },
      update: { role },
      create: { workspaceId: invitation.workspaceId, userId, role },
    });
    await audit(
      tx,
      { userId, workspaceId: invitation.workspaceId },
      'member.join',
      'Membership',
      membership.id,
      current ? { role: current.role } : null,
      {
        role,
        invitationId: invitation.id,
      },
    );
    return membership;
  };
  return db.$transaction(run);
}

/** Members of the viewer's workspace with their email and role (any member may see who else is in it). */
export async function listMembers(db: Db, viewer: Viewer) {
  assertCan(viewer, 'workspace:read');
  return db.membership.findMany({
    where: { workspaceId: viewer.workspaceId },
    orderBy: { id: 'asc' },
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
  });
}

/** Runs `fn` in a transaction: `db`'s own when it is one already, a new one otherwise. */
function inTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return '$transaction' in db ? db.$transaction((tx) => fn(tx)) : fn(db);
}

/**
 * First step of every membership change. The workspace row's lock makes concurrent changes of its members take
 * turns, so two admins demoting each other cannot both see the other still admin, and the acting viewer's role
 * is re-read under the lock (an admin demoted a moment ago no longer manages anyone). NO KEY UPDATE: rows
 * referencing the workspace can still be inserted meanwhile.
 */
async function lockMembers(tx: Db, viewer: Viewer) {
  await tx.$queryRaw`SELECT 1 FROM "Workspace" WHERE "id" = ${viewer.workspaceId} FOR NO KEY UPDATE`;
  const acting = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: viewer.workspaceId, userId: viewer.userId } },
  });
  if (!acting || !can(acting.role, 'member:manage')) throw new ForbiddenError('member:manage');
}

async function assertAnotherAdmin(tx: Db, workspaceId: number, exceptUserId: number) {
  const admins = await tx.membership.count({ where: { workspaceId, role: 'ADMIN', userId: { not: exceptUserId } } });
  if (admins === 0) throw new AuthInputError('A workspace needs at least one admin: make someone else admin first');
}

/** Changes a member's role (needs `member:manage`); refuses to demote the last admin. Audited as member.role. */
export async function changeMemberRole(db: Db, viewer: Viewer, userId: number, role: Role) {
  assertCan(viewer, 'member:manage');
  const newRole = parseInput(RoleModel, role);
  return inTransaction(db, async (tx) => {
    await lockMembers(tx, viewer);
    const current = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: viewer.workspaceId, userId } },
    });
    if (!current) throw new AuthNotFoundError('Member', userId);
    if (current.role === newRole) return current;
    if (current.role === 'ADMIN') await assertAnotherAdmin(tx, viewer.workspaceId, userId);
    const updated = await tx.membership.update({ where: { id: current.id }, data: { role: newRole } });
    // Tokens above the new role are capped at resolution time (lower of token and membership), nothing to rewrite.
    await audit(
      tx,
      viewer,
      'member.role',
      'Membership',
      current.id,
      { role: current.role, userId },
      { role: newRole, userId },
    );
    return updated;
  });
}

/** Removes a member (needs `member:manage`); revokes their tokens of this workspace. Audited as member.remove. */
export async function removeMember(db: Db, viewer: Viewer, userId: number, now = new Date()) {
  assertCan(viewer, 'member:manage');
  await inTransaction(db, async (tx) => {
    await lockMembers(tx, viewer);
    const current = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: viewer.workspaceId, userId } },
    });
    if (!current) throw new AuthNotFoundError('Member', userId);
    if (current.role === 'ADMIN') await assertAnotherAdmin(tx, viewer.workspaceId, userId);
    await tx.membership.delete({ where: { id: current.id } });
    await tx.apiToken.updateMany({
      where: { workspaceId: viewer.workspaceId, userId, revokedAt: null },
      data: { revokedAt: now },
    });
    // Sessions are per user, not per workspace; drop them only when no membership is left.
    if ((await tx.membership.count({ where: { userId } })) === 0) await destroyUserSessions(tx, userId);
    await audit(tx, viewer, 'member.remove', 'Membership', current.id, { role: current.role, userId }, null);
  });
}

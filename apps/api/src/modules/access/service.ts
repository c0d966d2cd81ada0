// People and access in the viewer's workspace: thin wrappers over @claimgraph/auth that check the role first,
// run each write and its audit entry in one transaction, and never reach outside the viewer's workspace.
import {
  ACTIONS,
  can,
  changeMemberRole as changeRole,
  createApiToken as createToken,
  createInvitation,
  listApiTokens,
  listAudit,
  listMembers,
  removeMember as removeMembership,
  revokeApiToken as revokeToken,
} from '@claimgraph/auth';
import type { Role } from '@claimgraph/db';
import { assertCan } from '../../auth.js';
import type { Context } from '../../context.js';
import { BadUserInputError } from '../../errors.js';
import { asPayload } from './payload.js';

const userSelect = { id: true, email: true, name: true } as const;

export async function me(ctx: Context) {
  assertCan(ctx.viewer, 'workspace:read');
  const v = ctx.viewer;
  const [user, workspace] = await Promise.all([
    ctx.db.user.findUniqueOrThrow({ where: { id: v.userId }, select: userSelect }),
    ctx.db.workspace.findUniqueOrThrow({ where: { id: v.workspaceId }, select: { id: true, slug: true, name: true } }),
  ]);
  return {
    mode: v.via === 'local' ? 'LOCAL' : 'TEAM',
    via: v.via.toUpperCase(),
    user,
    workspace,
    role: v.role,
    permissions: ACTIONS.filter((a) => can(v.role, a)),
  };
}

export async function members(ctx: Context) {
  assertCan(ctx.viewer, 'workspace:read');
  return listMembers(ctx.db, ctx.viewer);
}

export async function invitations(ctx: Context) {
  assertCan(ctx.viewer, 'member:manage');
  return ctx.db.invitation.findMany({
    where: { workspaceId: ctx.viewer.workspaceId },
    orderBy: { id: 'desc' },
    take: 500,
  });
}

export async function apiTokens(ctx: Context, allMembers: boolean) {
  assertCan(ctx.viewer, allMembers ? 'token:manage' : 'token:own');
  return listApiTokens(ctx.db, ctx.viewer, { allMembers });
}

export async function auditLog(
  ctx: Context,
  a: { first?: number | null; before?: string | null; entityType?: string | null; entityId?: string | null },
) {
  assertCan(ctx.viewer, 'audit:read');
  if (a.before != null && !/^\d{1,19}$/.test(a.before)) {
    throw new BadUserInputError(`"${a.before}" is not an audit cursor`, [
      { path: 'before', message: 'Pass nextCursor of the previous page' },
    ]);
  }
  const page = await listAudit(ctx.db, ctx.viewer.workspaceId, {
    ...(a.first != null ? { first: a.first } : {}),
    ...(a.before != null ? { before: BigInt(a.before) } : {}),
    ...(a.entityType ? { entityType: a.entityType } : {}),
    ...(a.entityId ? { entityId: a.entityId } : {}),
  });
  return { entries: page.entries, nextCursor: page.nextCursor === null ? null : String(page.nextCursor) };
}

export async function inviteMember(ctx: Context, email: string, role: Role) {
  assertCan(ctx.viewer, 'member:manage');
  const viewer = ctx.viewer;
  return asPayload(async () => {
    const created = await ctx.db.$transaction((tx) => createInvitation(tx, viewer, { email, role }));
    const invitation = await ctx.db.invitation.findUniqueOrThrow({ where: { id: created.id } });
    return { invitation, token: created.token, acceptPath: `/login/accept?token=${encodeURIComponent(created.token)}` };
  });
}

export async function changeMemberRole(ctx: Context, userId: number, role: Role) {
  assertCan(ctx.viewer, 'member:manage');
  const viewer = ctx.viewer;
  return asPayload(async () => {
    const m = await ctx.db.$transaction((tx) => changeRole(tx, viewer, userId, role));
    const user = await ctx.db.user.findUniqueOrThrow({ where: { id: m.userId }, select: userSelect });
    return { ...m, user };
  });
}

export async function removeMember(ctx: Context, userId: number) {
  assertCan(ctx.viewer, 'member:manage');
  const viewer = ctx.viewer;
  return asPayload(async () => {
    await ctx.db.$transaction((tx) => removeMembership(tx, viewer, userId));
    return true;
  });
}

export async function createApiToken(ctx: Context, name: string, role: Role, expiresInDays?: number) {
  assertCan(ctx.viewer, 'token:own');
  const viewer = ctx.viewer;
  return asPayload(async () => {
    const created = await ctx.db.$transaction((tx) => createToken(tx, viewer, { name, role, expiresInDays }));
    const apiToken = await ctx.db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    return { apiToken, secret: created.token };
  });
}

export async function revokeApiToken(ctx: Context, id: number) {
  assertCan(ctx.viewer, 'token:own');
  const viewer = ctx.viewer;
  return asPayload(() => ctx.db.$transaction((tx) => revokeToken(tx, viewer, id)));
}

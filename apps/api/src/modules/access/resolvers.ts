import type { Role } from '@claimgraph/db';
import type { Context } from '../../context.js';
import * as access from './service.js';

const databaseId = (row: { id: number | bigint }) => (typeof row.id === 'bigint' ? String(row.id) : row.id);
const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

export const resolvers: Record<string, object> = {
  Query: {
    me: (_: unknown, _a: unknown, ctx: Context) => access.me(ctx),
    members: (_: unknown, _a: unknown, ctx: Context) => access.members(ctx),
    invitations: (_: unknown, _a: unknown, ctx: Context) => access.invitations(ctx),
    apiTokens: (_: unknown, a: { allMembers?: boolean | null }, ctx: Context) => access.apiTokens(ctx, a.allMembers ?? false),
    auditLog: (_: unknown, a: Parameters<typeof access.auditLog>[1], ctx: Context) => access.auditLog(ctx, a),
  },
  Mutation: {
    inviteMember: (_: unknown, a: { email: string; role: Role }, ctx: Context) => access.inviteMember(ctx, a.email, a.role),
    changeMemberRole: (_: unknown, a: { userId: number; role: Role }, ctx: Context) => access.changeMemberRole(ctx, a.userId, a.role),
    removeMember: (_: unknown, a: { userId: number }, ctx: Context) => access.removeMember(ctx, a.userId),
    createApiToken: (_: unknown, a: { name: string; role: Role; expiresInDays?: number | null }, ctx: Context) =>
      access.createApiToken(ctx, a.name, a.role, a.expiresInDays ?? undefined),
    revokeApiToken: (_: unknown, a: { id: number }, ctx: Context) => access.revokeApiToken(ctx, a.id),
  },
  User: { databaseId },
  Workspace: { databaseId },
  Member: { databaseId },
  Invitation: { databaseId },
  ApiToken: {
    databaseId,
    user: (t: { userId: number }, _: unknown, ctx: Context) =>
      ctx.db.user.findUniqueOrThrow({ where: { id: t.userId }, select: { id: true, email: true, name: true } }),
  },
  AuditEntry: {
    databaseId: (e: { id: bigint }) => String(e.id),
    before: (e: { before: unknown }) => json(e.before),
    after: (e: { after: unknown }) => json(e.after),
  },
};

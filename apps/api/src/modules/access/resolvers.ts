import type { Resolvers } from '../../__generated__/resolvers.js';
import * as access from './service.js';

const databaseId = (row: { id: number }) => row.id;
const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

export const resolvers: Resolvers = {
  Query: {
    me: (_, __, ctx) => access.me(ctx),
    members: (_, __, ctx) => access.members(ctx),
    invitations: (_, __, ctx) => access.invitations(ctx),
    apiTokens: (_, a, ctx) => access.apiTokens(ctx, a.allMembers ?? false),
    auditLog: (_, a, ctx) => access.auditLog(ctx, a),
  },
  Mutation: {
    inviteMember: (_, a, ctx) => access.inviteMember(ctx, a.email, a.role),
    changeMemberRole: (_, a, ctx) => access.changeMemberRole(ctx, a.userId, a.role),
    removeMember: (_, a, ctx) => access.removeMember(ctx, a.userId),
    createApiToken: (_, a, ctx) => access.createApiToken(ctx, a.name, a.role, a.expiresInDays ?? undefined),
    revokeApiToken: (_, a, ctx) => access.revokeApiToken(ctx, a.id),
  },
  User: { databaseId },
  Workspace: { databaseId },
  Member: { databaseId },
  Invitation: { databaseId },
  ApiToken: {
    databaseId,
    user: (t, _, ctx) =>
      ctx.db.user.findUniqueOrThrow({ where: { id: t.userId }, select: { id: true, email: true, name: true } }),
  },
  AuditEntry: {
    databaseId: (e) => String(e.id),
    before: (e) => json(e.before),
    after: (e) => json(e.after),
  },
};

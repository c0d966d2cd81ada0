// What the resolvers of this module's GraphQL types receive as parent (picked up by scripts/codegen.ts):
// rows from @claimgraph/auth and Prisma, whose ids are numbers (bigint for audit entries).
import type { Invitation, User, Workspace } from '@claimgraph/db';
import type { apiTokens, auditLog, me, members } from './service.js';

export type ViewerMapper = Awaited<ReturnType<typeof me>>;
export type UserMapper = Pick<User, 'id' | 'email' | 'name'>;
export type WorkspaceMapper = Pick<Workspace, 'id' | 'slug' | 'name'>;
export type MemberMapper = Awaited<ReturnType<typeof members>>[number];
export type InvitationMapper = Invitation;
/** A token as listed: never its hash. */
export type ApiTokenMapper = Awaited<ReturnType<typeof apiTokens>>[number];
export type AuditEntryMapper = Awaited<ReturnType<typeof auditLog>>['entries'][number];

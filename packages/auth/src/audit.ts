// The audit trail: who did what to which row, with the row before and after. Write it in the same
// transaction as the change, so a change without its audit entry cannot exist.
import { Prisma } from '@claimgraph/db';
import type { Db } from './db-types.js';

/** Who acted: a viewer, or null for the system (migrations, the create-admin CLI). */
export interface AuditActor {
  userId: number;
  workspaceId: number;
}

/** Dates → ISO strings, BigInt → strings, undefined dropped: what JSON columns can hold. */
export function toAuditJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  if (value === undefined || value === null) return Prisma.DbNull;
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}

/**
 * Appends one AuditLog row. `action` is `<entity>.<verb>` (claim.correct, actor.merge, token.create);
 * `before`/`after` are the changed fields (or whole rows); either may be null (create, delete).
 */
export async function audit(
  tx: Db,
  viewer: AuditActor | null,
  action: string,
  entityType: string,
  entityId: string | number | bigint | null,
  before: unknown,
  after: unknown,
): Promise<{ id: bigint }> {
  const row = await tx.auditLog.create({
    data: {
      workspaceId: viewer?.workspaceId ?? null,
      userId: viewer?.userId ?? null,
      action,
      entityType,
      entityId: entityId === null ? null : String(entityId),
      before: toAuditJson(before),
      after: toAuditJson(after),
    },
    select: { id: true },
  });
  return row;
}

export interface AuditPage {
  entries: Array<{
    id: bigint;
    action: string;
    entityType: string;
    entityId: string | null;
    before: unknown;
    after: unknown;
    createdAt: Date;
    user: { id: number; email: string; name: string | null } | null;
  }>;
  /** Pass as `before` for the next (older) page; null at the end. */
  nextCursor: bigint | null;
}

/** A workspace's audit log, newest first, keyset-paginated by id. The caller checks `audit:read` first. */
export async function listAudit(
  db: Db,
  workspaceId: number,
  options: { first?: number; before?: bigint; entityType?: string; entityId?: string } = {},
): Promise<AuditPage> {
  const first = Math.min(Math.max(options.first ?? 50, 1), 500);
  const rows = await db.auditLog.findMany({
    where: {
      workspaceId,
      ...(options.before !== undefined ? { id: { lt: options.before } } : {}),
      ...(options.entityType ? { entityType: options.entityType } : {}),
      ...(options.entityId ? { entityId: options.entityId } : {}),
    },
    orderBy: { id: 'desc' },
    take: first + 1,
    include: { user: { select: { id: true, email: true, name: true } } },
  });
  const entries = rows.slice(0, first).map((r) => ({
    id: r.id,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    before: r.before,
    after: r.after,
    createdAt: r.createdAt,
    user: r.user,
  }));
  return { entries, nextCursor: rows.length > first ? (entries.at(-1)?.id ?? null) : null };
}

import type { PrismaClient } from './generated/prisma/client.js';

/** Slug of the workspace that local mode (no login) works in. */
export const LOCAL_WORKSPACE_SLUG = 'local';
export const LOCAL_OWNER_EMAIL = 'owner@localhost';

/**
 * The local mode's workspace and its implicit owner, created on first use. Idempotent and race-safe: Prisma's
 * upsert reads then inserts, so two processes starting together (API replicas) can collide on the unique key;
 * the loser retries and finds the rows.
 */
export async function ensureLocalWorkspace(db: PrismaClient): Promise<{ workspaceId: number; userId: number }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await upsertLocalWorkspace(db);
    } catch (err) {
      if ((err as { code?: string }).code !== 'P2002' || attempt >= 5) throw err;
    }
  }
}

async function upsertLocalWorkspace(db: PrismaClient): Promise<{ workspaceId: number; userId: number }> {
  const workspace = await db.workspace.upsert({
    where: { slug: LOCAL_WORKSPACE_SLUG },
    update: {},
    create: { slug: LOCAL_WORKSPACE_SLUG, name: 'Local workspace' },
  });
  const user = await db.user.upsert({
    where: { email: LOCAL_OWNER_EMAIL },
    update: {},
    create: { email: LOCAL_OWNER_EMAIL, name: 'Local owner' },
  });
  await db.membership.upsert({
    where: { workspaceId_userId: { workspaceId: workspace.id, userId: user.id } },
    update: {},
    create: { workspaceId: workspace.id, userId: user.id, role: 'ADMIN' },
  });
  return { workspaceId: workspace.id, userId: user.id };
}

// Bootstrap of a team deployment: the first admin and their workspace (used by bin/create-admin).
import { z } from 'zod';
import type { PrismaClient } from '@claimgraph/db';
import { audit } from './audit.js';
import { hashPassword } from './password.js';
import { parseInput } from './validation.js';

export const CreateAdminModel = z.object({
  email: z.string().trim().toLowerCase().email('--email must be an email address, like ada@example.org'),
  password: z.string(),
  name: z.string().trim().max(200).optional(),
  workspaceSlug: z
    .string()
    .trim()
    .regex(
      /^[a-z0-9][a-z0-9-]{0,62}$/,
      '--workspace must be a slug: lowercase letters, digits and dashes, e.g. newsroom',
    ),
  workspaceName: z.string().trim().min(1).max(200).optional(),
});

/**
 * Creates (or updates the password of) a user and makes them ADMIN of the workspace `workspaceSlug`, creating it.
 * Idempotent: running it again resets the password and keeps one membership. Audited as member.bootstrap.
 */
export async function createAdmin(db: PrismaClient, input: z.input<typeof CreateAdminModel>) {
  const { email, password, name, workspaceSlug, workspaceName } = parseInput(CreateAdminModel, input);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const workspace = await tx.workspace.upsert({
      where: { slug: workspaceSlug },
      update: {},
      create: { slug: workspaceSlug, name: workspaceName ?? workspaceSlug },
    });
    const existing = await tx.user.findUnique({ where: { email } });
    const user = existing
      ? await tx.user.update({
          where: { id: existing.id },
          data: { passwordHash, disabledAt: null, ...(name ? { name } : {}) },
        })
      : await tx.user.create({ data: { email, passwordHash, name: name ?? null } });
    const membership = await tx.membership.upsert({
      where: { workspaceId_userId: { workspaceId: workspace.id, userId: user.id } },
      update: { role: 'ADMIN' },
      create: { workspaceId: workspace.id, userId: user.id, role: 'ADMIN' },
    });
    await audit(
      tx,
      { userId: user.id, workspaceId: workspace.id },
      'member.bootstrap',
      'Membership',
      membership.id,
      null,
      { email, role: 'ADMIN', workspaceId: workspace.id },
    );
    return { userId: user.id, email, workspaceId: workspace.id, workspaceSlug: workspace.slug, createdUser: !existing };
  });
}

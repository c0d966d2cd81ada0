// Housekeeping deletes invitations and API tokens that ended more than the retention ago, and nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma, type PrismaClient } from '@claimgraph/db';
import { createTestDatabase } from '@claimgraph/db/testing';
import {
  createApiToken,
  createInvitation,
  ENDED_CREDENTIAL_RETENTION_MS,
  purgeEndedCredentials,
  revokeApiToken,
  type Viewer,
} from '../src/index.js';

let db: PrismaClient;
let drop: () => Promise<void>;
beforeAll(async () => {
  const t = await createTestDatabase();
  drop = t.drop;
  db = createPrisma(t.url, { max: 2 });
});
afterAll(async () => {
  await db?.$disconnect();
  await drop?.();
});

const DAY = 24 * 60 * 60 * 1000;

describe('purgeEndedCredentials', () => {
  it('deletes invitations and tokens ended before the retention, keeps the rest', async () => {
    const ws = await db.workspace.create({ data: { slug: 'hk', name: 'Housekeeping' } });
    const user = await db.user.create({ data: { email: 'admin@example.org', passwordHash: 'x' } });
    await db.membership.create({ data: { workspaceId: ws.id, userId: user.id, role: 'ADMIN' } });
    const admin: Viewer = { userId: user.id, workspaceId: ws.id, role: 'ADMIN', via: 'session' };
    const now = new Date();
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    const retentionDays = ENDED_CREDENTIAL_RETENTION_MS / DAY;

    // Invitations: one expired long ago, one expired recently (still listed as expired), one open.
    await createInvitation(
      db,
      admin,
      { email: 'old@example.org', role: 'VIEWER' },
      { now: ago(retentionDays + 10), ttlMs: DAY },
    );
    await createInvitation(db, admin, { email: 'recent@example.org', role: 'VIEWER' }, { now: ago(3), ttlMs: DAY });
    await createInvitation(db, admin, { email: 'open@example.org', role: 'VIEWER' });
    // Tokens: expired long ago, revoked long ago, revoked yesterday, live.
    await createApiToken(db, admin, { name: 'expired', role: 'VIEWER', expiresInDays: 1 }, ago(retentionDays + 5));
    const revokedOld = await createApiToken(db, admin, { name: 'revoked long ago', role: 'VIEWER' });
    await revokeApiToken(db, admin, revokedOld.id);
    await db.apiToken.update({ where: { id: revokedOld.id }, data: { revokedAt: ago(retentionDays + 1) } });
    const revokedNew = await createApiToken(db, admin, { name: 'revoked yesterday', role: 'VIEWER' });
    await revokeApiToken(db, admin, revokedNew.id);
    const live = await createApiToken(db, admin, { name: 'live', role: 'VIEWER' });

    expect(await purgeEndedCredentials(db, now)).toEqual({ invitations: 1, tokens: 2 });
    const invitations = (await db.invitation.findMany({ orderBy: { id: 'asc' } })).map((i) => i.email);
    expect(invitations).toEqual(['recent@example.org', 'open@example.org']);
    expect((await db.apiToken.findMany({ orderBy: { id: 'asc' } })).map((t) => t.id)).toEqual([revokedNew.id, live.id]);
    // A second pass has nothing left to do.
    expect(await purgeEndedCredentials(db, now)).toEqual({ invitations: 0, tokens: 0 });
  });
});

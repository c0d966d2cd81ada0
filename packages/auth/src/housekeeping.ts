// Credentials that can no longer be used, deleted by the API's housekeeping. They stay listed for a while
// after they end, so an admin sees "expired" or "revoked" (the audit log keeps the record after that).
import type { Db } from './db-types.js';

/** How long an ended invitation or API token stays before housekeeping deletes it. */
export const ENDED_CREDENTIAL_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/** Deletes invitations past their expiry and API tokens expired or revoked, both at least the retention ago. */
export async function purgeEndedCredentials(
  db: Db,
  now = new Date(),
): Promise<{ invitations: number; tokens: number }> {
  const ended = new Date(now.getTime() - ENDED_CREDENTIAL_RETENTION_MS);
  const invitations = (await db.invitation.deleteMany({ where: { expiresAt: { lte: ended } } })).count;
  const tokens = (
    await db.apiToken.deleteMany({ where: { OR: [{ expiresAt: { lte: ended } }, { revokedAt: { lte: ended } }] } })
  ).count;
  return { invitations, tokens };
}
